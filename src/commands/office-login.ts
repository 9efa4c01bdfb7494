import { defineCommand } from './command.js'
import { rawArgs } from './args.js'
import { zh } from '../text/zh-CN.js'
import { LOGIN_MINUTES, SESSION_HOURS, scopeOf } from '../app/office-sessions.js'

/**
 * `/后台 [退出全部]` (privately; admins and coordinators): a one-time login link to the liaison office's
 * pages (app/office-sessions.ts), or, with 退出全部, every open session and unused link of the asker
 * voided at once. The link names nobody; it is only ever sent to the asker in private chat.
 */
const officeName = '后台'

export const officeLogin = defineCommand({
  name: officeName,
  roles: ['coordinator'],
  where: 'private',
  /** It stores a login link (or voids them): a replayed message must not issue a second one. */
  mutates: true,
  help: zh.office.cmd,
  args: rawArgs,
  async run({ args, ctx }, deps) {
    const t = zh.office
    const person = ctx.asker.person
    if (!person || !scopeOf(deps.directory, person.id)) return zh.common.notAllowed(officeName, zh.common.roleJoin([zh.common.roles.coordinator, zh.common.roles.admin]))
    if (args.tokens.length === 1 && args.tokens[0] === t.logoutWord) return t.revoked(await deps.officeSessions.revokeAll(person.id))
    if (args.tokens.length > 0) return t.badArgs
    if (!deps.config.web.enabled) return t.webDisabled
    const open = deps.officeSessions.sessionsOf(person.id)
    const { token } = await deps.officeSessions.issueLogin(person.id)
    return t.loginLink(deps.web.url(`/office/login/${token}`), LOGIN_MINUTES, SESSION_HOURS, open)
  },
})
