/**
 * Taking a seat back (/销假): whoever went on leave (/请假) may sit the session again while their seat is
 * still open, i.e. their leave is still `open` (nobody took the seat: no /顶班, no coordinator's change)
 * and the session has room and has not started. Pure; the wording of each refusal is one layer up.
 */
import type { SwapRequest } from '../model.js'
import { err, ok, type Result } from '../result.js'
import type { SessionState } from './check-duty-change.js'

export type TakeBackCode =
  | 'session.cancelled' // params.sessionId
  | 'session.started' // params.sessionId
  | 'session.over' // params.sessionId
  | 'asker.already-on' // params.personId, params.sessionId
  | 'takeback.no-leave' // params.sessionId: they asked for no leave there (or it was closed otherwise)
  | 'takeback.filled' // params.sessionId, params.by: the seat was taken (by whom, or `system`)

/** The duty with `who` back, given their latest leave on the session (if any). */
export function checkTakeBack(s: SessionState, who: string, leave: Pick<SwapRequest, 'status' | 'decidedBy'> | undefined, now: number): Result<string[], TakeBackCode> {
  if (s.cancelled) return err('session.cancelled', { sessionId: s.id })
  if (now >= s.endsAt) return err('session.over', { sessionId: s.id })
  if (now >= s.startsAt) return err('session.started', { sessionId: s.id })
  if (s.duty.includes(who)) return err('asker.already-on', { personId: who, sessionId: s.id })
  if (!leave || (leave.status !== 'open' && leave.status !== 'filled')) return err('takeback.no-leave', { sessionId: s.id })
  if (leave.status === 'filled' || s.duty.length >= s.required) return err('takeback.filled', { sessionId: s.id, by: leave.decidedBy ?? '' })
  return ok([...s.duty, who])
}
