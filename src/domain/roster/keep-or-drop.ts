/**
 * What planning does with a stored session when the studio's rule or settings may have changed: the
 * keep / drop / update decision, apart from the store. A session is *open* when it lies in the planning
 * window [today, end], is not announced, not cancelled and has not started: only open sessions are
 * planning's to change. An announced one is kept whatever the rule says now (constituents were told;
 * the coordinator decides whether to cancel it), and says so.
 */
import type { LocalDate } from '../time/local-date.js'

export interface StoredSessionFacts {
  date: LocalDate
  time: string
  durationMinutes: number
  place: string
  required: number
  cancelled?: boolean
  /** The exactly-once announcement went out (marker or record). */
  announced: boolean
  /** Its start is at or before now. */
  started: boolean
}

export interface ReceptionSettings {
  time: string
  durationMinutes: number
  place: string
  perSession: number
}

export type SessionDecision =
  /** Nothing to do. */
  | 'keep'
  /** Open, but the rule no longer yields its date. */
  | 'drop'
  /** Open and on the rule, but time, length, place or seats changed: take the studio's settings. */
  | 'update'
  /** Announced, upcoming, and no longer on the rule: kept, and the coordinator should look at it. */
  | 'keep-off-rule'

export function decideSession(s: StoredSessionFacts, o: { today: LocalDate; end: LocalDate; onRule: boolean; settings: ReceptionSettings }): SessionDecision {
  const inWindow = s.date >= o.today && s.date <= o.end
  const upcoming = inWindow && !s.cancelled && !s.started
  const open = upcoming && !s.announced
  if (open && !o.onRule) return 'drop'
  if (upcoming && !open && !o.onRule) return 'keep-off-rule'
  const r = o.settings
  if (open && (s.time !== r.time || s.durationMinutes !== r.durationMinutes || s.place !== r.place || s.required !== r.perSession)) return 'update'
  return 'keep'
}
