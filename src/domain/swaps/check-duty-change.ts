/**
 * The rules of a representative's own duty change (请假、代班、换班、顶班): whether it may happen to the
 * sessions as they stand *now*, and the duty that results. Pure: the caller passes the sessions with their
 * start and end instants, the studio's active representatives and the instant; nothing here reads a clock.
 *
 * The same checks run when a request is made and again when it is accepted, because between the two the
 * duty may have moved (another request accepted, a coordinator's /调班): a request that no longer fits is
 * refused at acceptance with the code that says why, and changes nothing.
 *
 * Policies:
 * - A representative's change is possible only before the session starts; once it is under way only a
 *   coordinator changes it (/调班), and once it has ended nothing does (the record is final).
 * - A substitute takes the asker's seat (same position in the list); a swap exchanges the two people's
 *   seats; a volunteer takes the first open seat (appended); a leave removes the asker and leaves the
 *   seat open (the planner keeps a session changed by a person as it is, so the seat waits for a volunteer).
 */
import type { Result } from '../result.js'
import { err, ok } from '../result.js'

/** What the checks need of a session. */
export interface SessionState {
  id: string
  duty: readonly string[]
  required: number
  cancelled?: boolean
  /** Start and end, epoch ms. */
  startsAt: number
  endsAt: number
}

export type DutyChangeCode =
  | 'session.cancelled' // params.sessionId
  | 'session.started' // params.sessionId: under way (a coordinator can still /调班)
  | 'session.over' // params.sessionId
  | 'asker.not-on' // params.personId, params.sessionId: the asker (or the request's sender) is not on it
  | 'asker.already-on' // params.personId, params.sessionId: already sits it (volunteer, swap's other session)
  | 'target.self' // asking oneself
  | 'target.not-rep' // params.personId: not an active representative of the session's studio
  | 'target.already-on' // params.personId, params.sessionId
  | 'target.not-on' // params.personId, params.sessionId: the other side of a swap is not on the named session
  | 'swap.same-session' // params.sessionId
  | 'seat.none' // params.sessionId: no open seat (volunteer)

const open = (s: SessionState, now: number): Result<true, DutyChangeCode> => {
  if (s.cancelled) return err('session.cancelled', { sessionId: s.id })
  if (now >= s.endsAt) return err('session.over', { sessionId: s.id })
  if (now >= s.startsAt) return err('session.started', { sessionId: s.id })
  return ok(true)
}

/** `who` leaves `s`: the duty without them (their seat open). */
export function checkLeave(s: SessionState, who: string, now: number): Result<string[], DutyChangeCode> {
  const o = open(s, now)
  if (!o.ok) return o
  if (!s.duty.includes(who)) return err('asker.not-on', { personId: who, sessionId: s.id })
  return ok(s.duty.filter((p) => p !== who))
}

/** `who` takes an open seat of `s`. */
export function checkVolunteer(s: SessionState, who: string, reps: ReadonlySet<string>, now: number): Result<string[], DutyChangeCode> {
  const o = open(s, now)
  if (!o.ok) return o
  if (!reps.has(who)) return err('target.not-rep', { personId: who })
  if (s.duty.includes(who)) return err('asker.already-on', { personId: who, sessionId: s.id })
  if (s.duty.length >= s.required) return err('seat.none', { sessionId: s.id })
  return ok([...s.duty, who])
}

/** `to` takes `from`'s seat on `s` (代班). */
export function checkSubstitute(s: SessionState, from: string, to: string, reps: ReadonlySet<string>, now: number): Result<string[], DutyChangeCode> {
  const o = open(s, now)
  if (!o.ok) return o
  if (from === to) return err('target.self')
  if (!s.duty.includes(from)) return err('asker.not-on', { personId: from, sessionId: s.id })
  if (!reps.has(to)) return err('target.not-rep', { personId: to })
  if (s.duty.includes(to)) return err('target.already-on', { personId: to, sessionId: s.id })
  return ok(s.duty.map((p) => (p === from ? to : p)))
}

/** `from` (on `mine`) and `to` (on `theirs`) exchange sessions (换班): the two new duties, in that order. */
export function checkSwap(
  mine: SessionState,
  theirs: SessionState,
  from: string,
  to: string,
  reps: ReadonlySet<string>,
  now: number,
): Result<[string[], string[]], DutyChangeCode> {
  if (from === to) return err('target.self')
  if (mine.id === theirs.id) return err('swap.same-session', { sessionId: mine.id })
  for (const s of [mine, theirs]) {
    const o = open(s, now)
    if (!o.ok) return o
  }
  if (!mine.duty.includes(from)) return err('asker.not-on', { personId: from, sessionId: mine.id })
  if (!reps.has(to)) return err('target.not-rep', { personId: to })
  if (!theirs.duty.includes(to)) return err('target.not-on', { personId: to, sessionId: theirs.id })
  if (theirs.duty.includes(from)) return err('asker.already-on', { personId: from, sessionId: theirs.id })
  if (mine.duty.includes(to)) return err('target.already-on', { personId: to, sessionId: mine.id })
  return ok([mine.duty.map((p) => (p === from ? to : p)), theirs.duty.map((p) => (p === to ? from : p))])
}

/**
 * When a request lapses: `expireHours` after it was made, and never later than the start of any session
 * it touches (an answer after the start could not be acted on).
 */
export function requestExpiry(createdAt: number, expireHours: number, sessionStarts: readonly number[]): number {
  return Math.min(createdAt + Math.round(expireHours * 3_600_000), ...sessionStarts)
}
