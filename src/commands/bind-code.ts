import { defineCommand } from './command.js'
import { textArg } from './args.js'
import { zh } from '../text/zh-CN.js'
import { findPerson } from './lookup.js'
import { issueBindCode } from '../app/bind-codes.js'

/** `/绑定码 刘芳` (admin, private chat): a one-time code for someone to bind their WeChat. */
export const bindCode = defineCommand({
  name: '绑定码',
  roles: ['admin'],
  where: 'private',
  mutates: true,
  help: zh.identity.bindCode,
  args: textArg,
  async run({ args, ctx }, deps) {
    const person = findPerson(deps.directory, args)
    const code = await issueBindCode(deps.store, person.id, ctx.now)
    return zh.identity.codeMade(person.name, code)
  },
})
