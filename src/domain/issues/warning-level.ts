/**
 * The warning ladder (预警): the colour of an open issue's current due date (the transfer while 待转办,
 * the department's answer while 承办中), counted in working days of its studio's calendar. Pure.
 *
 * - green 绿: due later than `yellowWithinWorkingDays` working days from today;
 * - yellow 黄: due within `yellowWithinWorkingDays` working days (0 = due today): a 催办 goes out
 *   (the coordinator's daily reminder; an `urge` yellow on a transferred issue, shown on the
 *   department's page);
 * - red 红: overdue (today is after the due date), `late` working days (≥ 1, as open-issue summaries count
 *   it); `escalated` once late > `redAfterWorkingDays`: a 督办 to the liaison office (an `urge` red) and
 *   通报 in the district's weekly summary.
 * An issue with nothing due (answered, rated, closed) has no colour.
 *
 * The settings are the ones the reminders and the 督办 already use: `issues.remindWorkingDaysBefore` and
 * `weekly.escalateAfterWorkingDays`.
 */
import type { Issue, WorkingDays } from './issue.js'
import { dueDate } from './issue-machine.js'
import type { LocalDate } from '../time/local-date.js'

export type WarningColour = 'green' | 'yellow' | 'red'

export interface LadderSettings {
  yellowWithinWorkingDays: number
  redAfterWorkingDays: number
}

export interface Warning {
  colour: WarningColour
  due: LocalDate
  /** Working days left (0 = due today); for green and yellow. */
  left?: number
  /** Working days overdue (≥ 1); for red. */
  late?: number
  /** Red for more than `redAfterWorkingDays`: 督办. */
  escalated: boolean
}

export function warningOf(issue: Issue, today: LocalDate, days: WorkingDays, s: LadderSettings): Warning | undefined {
  const due = dueDate(issue)
  if (due === undefined) return undefined
  if (today > due) {
    const late = Math.max(1, -days.workingDaysBetween(today, due))
    return { colour: 'red', due, late, escalated: late > s.redAfterWorkingDays }
  }
  const left = Math.max(0, days.workingDaysBetween(today, due))
  return { colour: left <= s.yellowWithinWorkingDays ? 'yellow' : 'green', due, left, escalated: false }
}

/** Most urgent first: red (most overdue first), then yellow and green (soonest first), then by id. */
export function byUrgency(a: { issue: Issue; w: Warning }, b: { issue: Issue; w: Warning }): number {
  const rank = (w: Warning) => (w.colour === 'red' ? -(w.late ?? 0) : w.left ?? 0)
  return rank(a.w) - rank(b.w) || (a.w.due < b.w.due ? -1 : a.w.due > b.w.due ? 1 : 0) || (a.issue.id < b.issue.id ? -1 : 1)
}

/** The 催办/督办 levels recorded on an issue, latest last. */
export function urgesOf(issue: Issue): { level: 'yellow' | 'red'; at: number }[] {
  const out: { level: 'yellow' | 'red'; at: number }[] = []
  for (const e of issue.history) if (e.kind === 'urge') out.push({ level: e.level, at: e.at })
  return out
}
