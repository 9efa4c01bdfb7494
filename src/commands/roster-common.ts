/**
 * What the roster commands share: which studio a command is about, a session date as people type it
 * (with a reply that lists the forms that work), and a session as a list line.
 */
import type { CommandContext } from './command.js'
import { findStudio } from './lookup.js'
import type { Deps } from '../app/deps.js'
import type { Session, Studio } from '../domain/model.js'
import { parseUserDate, requireNotPast } from '../domain/calendar/parse-user-date.js'
import type { LocalDate } from '../domain/time/local-date.js'
import { dateShort, dutyText, timeRange } from '../text/posts/roster.js'
import { zh } from '../text/zh-CN.js'
import { refuse } from '../text/refusals.js'

const t = zh.roster

/** The studio named in the arguments, else the group's (or in a private chat the asker's own). */
export function studioFor(deps: Deps, ctx: CommandContext, named: string): Studio {
  if (named.trim()) return findStudio(deps.directory, named)
  if (ctx.studio) return ctx.studio
  throw refuse(ctx.chat.kind === 'group' ? 'common.unboundRoom' : 'common.needStudio')
}

/** A date someone typed for a coming session; a wrong one is answered with the forms that work. */
export function comingDate(text: string, today: LocalDate): LocalDate {
  const parsed = parseUserDate(text, today)
  if (!parsed.ok) {
    const p = parsed.params ?? {}
    if (parsed.code === 'date.impossible') throw refuse('roster.impossibleDate', p.year === undefined ? undefined : Number(p.year), Number(p.month), Number(p.day))
    if (parsed.code === 'date.weekday-mismatch') throw refuse('roster.weekdayMismatch', dateShort(String(p.date)), zh.common.weekdays[Number(p.weekday)])
    throw refuse('roster.badDate', text)
  }
  const coming = requireNotPast(parsed.value, today)
  if (!coming.ok) throw refuse('roster.pastDate', dateShort(parsed.value))
  return coming.value
}

/** `12月10日（周四） 18:00–20:00` and the duty on the next line; cancelled sessions say so. */
export function sessionLine(deps: Deps, s: Session): string {
  return t.sessionLine(dateShort(s.date), timeRange(s), s.cancelled ? zh.common.dash : dutyText(deps.directory, s), s.cancelled ? t.cancelledTag : '')
}

/** The note about years without a published holiday calendar, when the listed dates reach one. */
export function gapNote(deps: Deps, studioId: string, from: LocalDate, to: LocalDate): string[] {
  const years = deps.roster.calendarGapYears(studioId, from, to)
  return years.length ? [t.yearUncovered(years)] : []
}
