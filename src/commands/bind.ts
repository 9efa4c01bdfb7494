import { z } from 'zod'
import { defineCommand } from './command.js'
import { zh } from '../text/zh-CN.js'
import type { RawArgs } from './command.js'
import { findBindCode, redeemBindCode } from '../app/bind-codes.js'

const codeArg = z
  .object({ text: z.string() })
  .refine((a) => /^\d{6}$/.test(a.text), { message: zh.identity.codeFormat })
  .transform((a) => a.text) as unknown as z.ZodType<string, RawArgs>

/** `/绑定 482913`: redeem a one-time code made by an admin; binds this WeChat contact with every role. */
export const bind = defineCommand({
  name: '绑定',
  roles: 'anyone',
  where: 'private',
  mutates: true,
  help: zh.identity.bind,
  args: codeArg,
  async run({ args, ctx }, deps) {
    const entry = await findBindCode(deps.store, args, ctx.now)
    const person = entry && deps.directory.person(entry.personId)
    if (!entry || !person) return zh.identity.codeBad
    await redeemBindCode(deps.store, entry, ctx.asker.contactId, ctx.now)
    return zh.identity.bound(person.name, zh.common.roleList(person.roles.map((r) => zh.common.roles[r])))
  },
})
