/**
 * What an iCal file says about each session (/日历, `npm run calendar -- ics`): one event per session,
 * its UID stable (the session id), its SEQUENCE raised by every change to the session (each duty change
 * and the cancellation are history entries, append-only, so the count only grows), and
 * `STATUS:CANCELLED` for a session that was cancelled or, in a person's calendar, a duty they no longer
 * have (they were on it and came off: leave, swap, a coordinator's change), so phone calendars drop it
 * instead of keeping a stale event. Pure.
 */
import type { Session } from '../model.js'

export interface CalendarEntry {
  session: Session
  cancelled: boolean
  /** Why cancelled: the session itself, or this person's duty on it ended. */
  reason?: 'session' | 'removed'
  sequence: number
}

/** Every change to the session so far (the first planning is sequence 0). */
export function sequenceOf(s: Pick<Session, 'history'>): number {
  return Math.max(0, s.history.length - 1)
}

/** Was `personId` ever on this session's duty (now or in any change)? */
function wasOn(s: Session, personId: string): boolean {
  return s.duty.includes(personId) || s.history.some((h) => h.before.includes(personId) || h.after.includes(personId))
}

/**
 * The entries of a calendar: a studio's (personId undefined: every session, cancelled ones as cancelled)
 * or a person's (every session they are or were on: current duties confirmed, the rest cancelled).
 */
export function calendarEntries(sessions: readonly Session[], personId?: string): CalendarEntry[] {
  const out: CalendarEntry[] = []
  for (const s of sessions) {
    if (personId !== undefined && !wasOn(s, personId)) continue
    const sequence = sequenceOf(s)
    if (s.cancelled) out.push({ session: s, cancelled: true, reason: 'session', sequence })
    else if (personId !== undefined && !s.duty.includes(personId)) out.push({ session: s, cancelled: true, reason: 'removed', sequence })
    else out.push({ session: s, cancelled: false, sequence })
  }
  return out
}
