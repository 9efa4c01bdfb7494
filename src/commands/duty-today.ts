import { defineCommand } from './command.js'
import { optionalText } from './args.js'
import { zh } from '../text/zh-CN.js'
import { studioFor } from './roster-common.js'
import { dateShort, dutyText, nameOf, timeRange } from '../text/posts/roster.js'
import { dutyToday } from '../domain/roster/duty-today.js'
import { isConfirmed } from '../domain/roster/duty-confirmation.js'
import { addDays } from '../domain/time/local-date.js'
import type { Session } from '../domain/model.js'
import type { Deps } from '../app/deps.js'

/** How far ahead /今天值班 looks for the next session (the planning horizon is at least this long). */
const NEXT_WITHIN_DAYS = 62

/**
 * `/今天值班 [工作室]` (also /值班, /今日值班, /谁值班): who is on duty today at this studio (checked in or
 * confirmed, as the case is) and at its next session. In the group: the group's studio; privately: the
 * asker's own studio, or the studio named. Anyone may ask: the duty is public (it is announced).
 */
export const dutyTodayCommand = defineCommand({
  name: '今天值班',
  aliases: ['值班', '今日值班', '谁值班'],
  roles: 'anyone',
  help: zh.duty.cmd.today,
  args: optionalText,
  async run({ args, ctx }, deps) {
    const t = zh.duty
    const studio = studioFor(deps, ctx, args)
    await deps.roster.ensurePlanned(ctx.now)
    const sessions = await deps.roster.sessionsBetween(studio.id, ctx.today, addDays(ctx.today, NEXT_WITHIN_DAYS), { includeCancelled: true })
    const r = dutyToday(sessions, ctx.now)
    const lines = [t.todayHeader(studio.name, dateShort(ctx.today))]
    if (!r.today) lines.push(t.todayNone)
    else if (r.today.cancelled) lines.push(t.todayCancelled(r.today.cancelled.reason))
    else {
      lines.push(r.todayOver ? t.todayOver(timeRange(r.today), marked(deps, r.today)) : t.todayLine(timeRange(r.today), marked(deps, r.today)), t.todayPlace(r.today.place))
    }
    lines.push(r.next ? t.nextLine(dateShort(r.next.date), timeRange(r.next), marked(deps, r.next)) : t.nextNone)
    return lines.join('\n')
  },
})

/** The duty with who checked in (today) or confirmed; the open seats too. */
function marked(deps: Deps, s: Session): string {
  if (s.duty.length === 0) return dutyText(deps.directory, s)
  const t = zh.duty
  const list = s.duty.map((p) => {
    const name = nameOf(deps.directory, p)
    if (s.attendance.some((a) => a.personId === p)) return t.markCheckedIn(name)
    return isConfirmed(s, p) ? t.markConfirmed(name) : name
  })
  const missing = s.required - s.duty.length
  const joined = zh.roster.nameList(list)
  return missing > 0 ? `${joined}（${zh.roster.missing(missing)}）` : joined
}
