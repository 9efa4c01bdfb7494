import { defineCommand } from './command.js'
import { rawArgs } from './args.js'
import { zh } from '../text/zh-CN.js'
import { actor, coordinates, personArg } from './swap-common.js'
import { dateShort, dutyText, nameOf, names } from '../text/posts/roster.js'
import { instantText } from '../text/posts/swaps.js'
import { parseUserDate } from '../domain/calendar/parse-user-date.js'
import { addDays, toLocalTime } from '../domain/time/local-date.js'
import type { Person } from '../domain/model.js'
import { refuse } from '../text/refusals.js'

/** A coordinator may record a check-in this many days after the session (a form filled in the next day). */
export const BACKFILL_DAYS = 7

/**
 * `/签到`: a duty representative checks in on the day of the session (from an hour before it starts), so
 * attendance is a record, not a guess. A coordinator records it for someone (`/签到 张明华`), also for a
 * session of the last BACKFILL_DAYS days (`/签到 张明华 12月10日`). Only people on the duty check in; a
 * second check-in changes nothing. A representative's own check-in is accepted from an hour before the
 * session to its end; a coordinator's record for someone else, or after the end, is a 补签 (recorded with
 * the session's start and the time it was recorded). Stored in `Session.attendance`.
 */
export const checkIn = defineCommand({
  name: '签到',
  roles: ['representative', 'coordinator'],
  needsStudio: true,
  mutates: true,
  help: zh.swaps.cmd.checkIn,
  args: rawArgs,
  async run({ args, ctx }, deps) {
    const t = zh.swaps
    const studio = ctx.studio!
    let dateText: string | undefined
    let personText: string | undefined
    for (const tok of args.tokens) {
      const d = parseUserDate(tok, ctx.today)
      if (d.ok || d.code !== 'date.unrecognised') dateText ??= tok
      else personText ??= tok
    }
    let date = ctx.today
    if (dateText) {
      const d = parseUserDate(dateText, ctx.today)
      if (!d.ok) throw refuse('swaps.checkInBadDate', dateText)
      date = d.value
    }
    const me = ctx.asker.person
    const person: Person | undefined = personText ? personArg(deps, personText, [...args.mentions], studio.id) : me
    if (!person || (!personText && !ctx.asker.roles.includes('representative'))) throw refuse('swaps.checkInWho')
    const forOther = person.id !== me?.id
    if (forOther && !coordinates(ctx, studio.id)) throw refuse('swaps.checkInOthers')
    if (date !== ctx.today && !coordinates(ctx, studio.id)) throw refuse('swaps.checkInOnlyToday')
    if (date > ctx.today) throw refuse('swaps.checkInFuture', dateShort(date))
    if (date < addDays(ctx.today, -BACKFILL_DAYS)) throw refuse('swaps.checkInTooOld', BACKFILL_DAYS)
    const s = await deps.roster.sessionOn(studio.id, date)
    if (!s) throw date === ctx.today ? refuse('swaps.noSessionToday', studio.name) : refuse('swaps.noSessionOn', studio.name, dateShort(date))
    const mayBackfill = coordinates(ctx, studio.id)
    const r = await deps.swaps.checkIn(s.id, person.id, actor(ctx), { backfill: forOther, mayBackfill })
    if (!r.ok) {
      const p = r.params ?? {}
      switch (r.code) {
        case 'session.cancelled':
          throw refuse('swaps.checkInCancelled', dateShort(date))
        case 'checkin.not-on':
          throw refuse('swaps.checkInNotOn', nameOf(deps.directory, person.id), dateShort(date), dutyText(deps.directory, s))
        case 'checkin.too-early':
          throw refuse('swaps.checkInTooEarly', dateShort(date), toLocalTime(Number(p.from)), toLocalTime(Number(p.to)))
        case 'checkin.over':
          throw refuse('swaps.checkInOver', dateShort(date), toLocalTime(Number(p.from)), toLocalTime(Number(p.to)))
        case 'checkin.already':
          throw Number(p.backfill) === 1 ? refuse('swaps.alreadyBackfilled', person.name, instantText(Number(p.recordedAt))) : refuse('swaps.alreadyCheckedIn', person.name, instantText(Number(p.at)))
        case 'session.not-found':
          throw refuse('swaps.noSessionOn', studio.name, dateShort(date))
      }
      throw new Error(`unexpected check-in code ${r.code}`)
    }
    const cur = r.value
    const mine = cur.attendance.find((a) => a.personId === person.id)!
    const done = cur.attendance.map((a) => (a.backfill ? t.backfillMark(nameOf(deps.directory, a.personId)) : nameOf(deps.directory, a.personId)))
    const pending = cur.duty.filter((p) => !cur.attendance.some((a) => a.personId === p))
    return [
      mine.backfill
        ? t.backfilled(nameOf(deps.directory, person.id), instantText(mine.at), me ? nameOf(deps.directory, me.id) : zh.swaps.coordinatorWord, instantText(mine.recordedAt ?? ctx.now))
        : t.checkedIn(nameOf(deps.directory, person.id), instantText(mine.at)),
      t.checkInState(zh.roster.nameList(done), pending.length ? names(deps.directory, pending) : ''),
    ].join('\n')
  },
})
