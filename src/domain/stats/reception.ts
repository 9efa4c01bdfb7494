/**
 * 接待, one definition for /履职, /统计 and the ledger: an issue received at a session is one registered
 * (not withdrawn) on the date of a session of its studio that was not cancelled, by a representative on
 * that session's duty (`dutyReps`, the duty when it was registered). Each such issue is one constituent
 * received (接待人次). An issue registered on a day without a session, or by someone not on duty, is a
 * registration, not a reception. Pure.
 */
import type { Issue } from '../issues/issue.js'
import type { Session } from '../model.js'

/** The studio/date keys of the sessions that took place or will (not cancelled). */
export function sessionKeys(sessions: readonly Pick<Session, 'studioId' | 'date' | 'cancelled'>[]): Set<string> {
  return new Set(sessions.filter((s) => !s.cancelled).map((s) => `${s.studioId}/${s.date}`))
}

export function isReception(i: Pick<Issue, 'studioId' | 'date' | 'status' | 'registrar' | 'dutyReps'>, keys: ReadonlySet<string>): boolean {
  return i.status !== 'withdrawn' && keys.has(`${i.studioId}/${i.date}`) && i.dutyReps.includes(i.registrar)
}
