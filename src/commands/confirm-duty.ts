import { defineCommand } from './command.js'
import { optionalText } from './args.js'
import { zh } from '../text/zh-CN.js'
import { refuse } from '../text/refusals.js'
import { dateShort, dutyText, nameOf, timeRange } from '../text/posts/roster.js'
import { partnersText } from '../text/posts/duty.js'
import { parseUserDate } from '../domain/calendar/parse-user-date.js'
import { splitQuote } from '../domain/message/split-quote.js'
import { isConfirmed } from '../domain/roster/duty-confirmation.js'
import type { Session } from '../domain/model.js'

/**
 * `/确认值班 [日期]` (also `/确认`, confirm-any.ts): a duty representative confirms they will come. Without a date, their
 * next duty that was announced and is not yet confirmed (else simply their next duty). A quoted reply to
 * the announcement saying 收到 comes here too (the dispatcher passes the date the quote names). Stored on
 * the session (`confirmations`); the evening reminder and the coordinator's notice read it.
 */
export const confirmDuty = defineCommand({
  name: '确认值班',
  roles: ['representative'],
  mutates: true,
  help: zh.duty.cmd.confirm,
  args: optionalText,
  async run({ args, ctx }, deps) {
    const t = zh.duty
    const me = ctx.asker.person
    const studio = me?.studioId ? deps.directory.studio(me.studioId) : undefined
    if (!me || !studio || !me.roles.includes('representative')) throw refuse('duty.confirmNotRep')
    await deps.roster.ensurePlanned(ctx.now)
    let s: Session | undefined
    const dateText = args.trim()
    if (dateText) {
      const d = parseUserDate(dateText.split(/\s+/u)[0], ctx.today)
      if (!d.ok) throw refuse('roster.badDate', dateText.split(/\s+/u)[0])
      s = await deps.roster.sessionOn(studio.id, d.value)
      if (!s) throw refuse('duty.confirmNoSession', dateShort(d.value), studio.name)
    } else {
      const coming = (await deps.roster.dutiesOf(me.id, ctx.today, deps.roster.horizonEnd(ctx.today))).filter((x) => deps.roster.startOf(x) > ctx.now)
      s = coming.find((x) => deps.roster.isAnnounced(x) && !isConfirmed(x, me.id)) ?? coming[0]
      if (!s) throw refuse('duty.confirmNoDuty', nameOf(deps.directory, me.id))
    }
    const via = ctx.typed !== undefined && splitQuote(ctx.typed).quote ? 'quote' : 'command'
    const r = await deps.roster.confirm(s.id, me.id, via, ctx.now)
    if (!r.ok) {
      switch (r.code) {
        case 'session.cancelled':
          throw refuse('duty.confirmCancelled', dateShort(s.date))
        case 'session.started':
          throw refuse('duty.confirmStarted', dateShort(s.date))
        case 'confirm.not-on':
          throw refuse('duty.confirmNotOn', nameOf(deps.directory, me.id), dateShort(s.date), dutyText(deps.directory, s))
        case 'session.not-found':
          throw refuse('duty.confirmNoSession', dateShort(s.date), studio.name)
      }
    }
    const cur = r.value.session
    if (r.value.already) return t.alreadyConfirmed(nameOf(deps.directory, me.id), dateShort(cur.date))
    return t.confirmed({ name: nameOf(deps.directory, me.id), date: dateShort(cur.date), time: timeRange(cur), studio: studio.name, partners: partnersText(deps.directory, cur, me.id) })
  },
})
