/**
 * Confirming a duty (值班确认) and the reminders around it, as pure rules over a session. A duty
 * representative confirms (/确认值班, or a quoted reply to the announcement); whoever takes a seat by
 * their own act (/顶班, an accepted /代班 or /换班) has confirmed by doing so; someone put on the duty by
 * the coordinator or the planner has not. A confirmation belongs to the person on that session: whoever
 * comes off the duty loses theirs, so a replacement must confirm for themselves.
 *
 * Times (Asia/Shanghai wall times, `HH:mm`): the evening reminder on the day before at `dayBeforeAt`,
 * the morning reminder on the day at `morningAt` (only when that is before the start), and the deadline
 * `confirmBy` on the day before, after which an unconfirmed seat is "at risk" (the coordinator is told,
 * the gap guard lists it). A session announced only after that deadline has none (nobody could have
 * confirmed in time).
 */
import type { Confirmation, DutyChange, Session } from '../model.js'
import { addDays, toInstant, type LocalTime } from '../time/local-date.js'

export type { Confirmation }

export interface ReminderTimes {
  dayBeforeAt: LocalTime
  morningAt: LocalTime
  confirmBy: LocalTime
}

export type ReminderKind = 'eve' | 'morning'

type Seat = Pick<Session, 'date' | 'time' | 'duty'> & { confirmations?: Confirmation[] }

/** Duty kinds where the person added chose the seat themselves (their act is their confirmation). */
const TOOK_SEAT: ReadonlySet<DutyChange['kind']> = new Set(['volunteer', 'substitute', 'swap', 'takeback'])

export function isConfirmed(s: Seat, personId: string): boolean {
  return s.duty.includes(personId) && (s.confirmations ?? []).some((c) => c.personId === personId)
}

/** The people on duty who have not confirmed, in seat order. */
export function unconfirmed(s: Seat): string[] {
  return s.duty.filter((p) => !isConfirmed(s, p))
}

/**
 * The confirmations after a duty change: those of people still on duty stay; people added by a change of
 * their own (volunteer, accepted substitute or swap) are confirmed at `at`; everyone else added is not.
 */
export function confirmationsAfter(before: readonly Confirmation[] | undefined, duty: readonly string[], added: readonly string[], kind: DutyChange['kind'], at: number): Confirmation[] {
  const kept = (before ?? []).filter((c) => duty.includes(c.personId))
  if (!TOOK_SEAT.has(kind)) return kept
  const more = added.filter((p) => duty.includes(p) && !kept.some((c) => c.personId === p)).map((p): Confirmation => ({ personId: p, at, via: 'took-seat' }))
  return [...kept, ...more]
}

/** The instant the confirmation is due (the day before, at confirmBy). */
export function confirmDeadline(s: Pick<Session, 'date'>, times: ReminderTimes): number {
  return toInstant(addDays(s.date, -1), times.confirmBy)
}

/**
 * The people whose seat is at risk at `now`: unconfirmed, the deadline passed, the session announced
 * before it and not yet started.
 */
export function atRisk(s: Seat & Pick<Session, 'announcedAt'>, times: ReminderTimes, now: number): string[] {
  const deadline = confirmDeadline(s, times)
  if (now < deadline || now >= toInstant(s.date, s.time)) return []
  if (s.announcedAt === undefined || s.announcedAt > deadline) return []
  return unconfirmed(s)
}

/**
 * Which reminder is owed at `now`: the morning one from `morningAt` on the day (when that is before the
 * start), otherwise the evening one from `dayBeforeAt` the day before; none once the session started.
 * A bot down through the evening reminder sends the morning one only (not both at once).
 */
export function reminderDue(s: Pick<Session, 'date' | 'time'>, times: ReminderTimes, now: number): ReminderKind | undefined {
  const start = toInstant(s.date, s.time)
  if (now >= start) return undefined
  const morning = toInstant(s.date, times.morningAt)
  if (morning < start && now >= morning) return 'morning'
  if (now >= toInstant(addDays(s.date, -1), times.dayBeforeAt)) return 'eve'
  return undefined
}
