import { defineCommand } from './command.js'
import { zh } from '../text/zh-CN.js'
import { refuse } from '../text/refusals.js'
import { argsOf } from './args.js'
import { findBindCode, liveBindCodes, redeemBindCode, voidBindCodes } from '../app/bind-codes.js'
import { VOID_AFTER_WRONG, PER_CONTACT_LIMIT } from '../app/bind-attempts.js'
import type { ReplyMessage } from '../messages/message.js'

const codeArg = argsOf((a) => {
  if (!/^\d{6}$/.test(a.text)) throw refuse('identity.codeFormat')
  return a.text
})

/**
 * `/绑定 482913`: redeem a one-time code made by an admin; binds this WeChat contact with every role.
 * Guessing is limited (src/app/bind-attempts.ts): 5 wrong codes per contact per hour, a live code voided
 * after 10 wrong tries overall, the admins told once.
 */
export const bind = defineCommand({
  name: '绑定',
  roles: 'anyone',
  where: 'private',
  mutates: true,
  help: zh.identity.bind,
  args: codeArg,
  async run({ args, ctx }, deps) {
    const t = zh.identity
    const contactId = ctx.asker.contactId
    const locked = deps.bindAttempts.lockedUntil(contactId, ctx.now)
    if (locked !== undefined) return t.codeLocked(Math.max(1, Math.ceil((locked - ctx.now) / 60_000)))
    const entry = await findBindCode(deps.store, args, ctx.now)
    const person = entry && deps.directory.person(entry.personId)
    if (!entry || !person) {
      const live = await liveBindCodes(deps.store, ctx.now)
      const r = deps.bindAttempts.wrong(contactId, live.map((c) => c.code), ctx.now)
      const alerts: ReplyMessage[] = []
      const admins = deps.directory.admins().map((p) => deps.directory.contactOf(p.id)).filter((c): c is string => !!c)
      if (r.tellAdmins) {
        deps.log.warn('bind codes: a contact is locked out after wrong codes', { contactId })
        alerts.push(...admins.map((c) => ({ to: { contactId: c }, text: t.alertLocked(PER_CONTACT_LIMIT) })))
      }
      if (r.voidCodes.length) {
        await voidBindCodes(deps.store, r.voidCodes, ctx.now)
        const names = [...new Set(live.filter((c) => r.voidCodes.includes(c.code)).map((c) => deps.directory.person(c.personId)?.name ?? c.personId))]
        deps.log.warn('bind codes voided after wrong tries', { personIds: live.filter((c) => r.voidCodes.includes(c.code)).map((c) => c.personId) })
        alerts.push(...admins.map((c) => ({ to: { contactId: c }, text: t.alertVoided(names.join(zh.common.listSep), VOID_AFTER_WRONG) })))
      }
      return [{ text: r.lockedNow ? t.codeLocked(60) : t.codeBad }, ...alerts]
    }
    await redeemBindCode(deps.store, entry, ctx.asker.contactId, ctx.now)
    return zh.identity.bound(person.name, zh.common.roleList(person.roles.map((r) => zh.common.roles[r])))
  },
})
