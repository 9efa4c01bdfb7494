import { defineCommand } from './command.js'
import { textArg } from './args.js'
import { zh } from '../text/zh-CN.js'
import { findPerson } from './lookup.js'
import { isCoordinatorOf } from './issue-common.js'
import { refuse } from '../text/refusals.js'

/**
 * `/解绑 张明华`: the person's WeChat binding is removed (a wrong confirmation, a new phone). A coordinator
 * for people of their own studio, an admin for anyone; an admin's binding only by an admin. A binding
 * written in the config is the config's.
 */
export const unbind = defineCommand({
  name: '解绑',
  roles: ['coordinator'],
  mutates: true,
  help: zh.identity.unbind,
  args: textArg,
  async run({ args, ctx }, deps) {
    const t = zh.identity
    const person = findPerson(deps.directory, args, ctx.asker.person?.studioId)
    const isAdmin = ctx.asker.roles.includes('admin')
    const allowed = isAdmin || (person.studioId !== undefined && isCoordinatorOf(ctx, person.studioId) && !person.roles.includes('admin'))
    if (!allowed) throw refuse('identity.unbindNotYours')
    const b = deps.directory.bindingOf(person.id)
    if (!b) throw refuse('identity.notBound', person.name)
    if (b.kind === 'config') throw refuse('identity.boundByConfig', person.name)
    await deps.directory.unbindPerson(person.id)
    deps.log.info('binding removed', { personId: person.id, by: ctx.asker.person?.id })
    return t.unbound(person.name)
  },
})
