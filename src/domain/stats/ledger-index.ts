/**
 * The indexes a ledger over many studios is written from, built once in one pass over the issues and
 * sessions (a district year: ~21,000 issues, ~5,500 sessions, ~1,400 representatives), so that no
 * representative's sheet and no studio's figures scan everything again. Pure.
 *
 * - by studio: its issues and its sessions, in the order given;
 * - by person: the sessions that name them (on duty, checked in, or before/after in a duty change) and
 *   the issues that name them (registrar or duty representative), in the order given. These are exactly
 *   the records `repRecord` counts for that person (rep-record.ts: every count asks whether the person is
 *   on duty, checked in, added or removed, the registrar, or on duty at registration), so
 *   `repRecord({ ...all, personId })` and `repRecord({ ...forPerson(personId), personId })` are equal
 *   (test/domain/stats/ledger-index.test.ts checks this on every person of generated data);
 * - the constituents received per session day (`studioId/date`; 接待 as reception.ts defines it), for
 *   the sessions sheet;
 * - issues by id.
 */
import type { Issue } from '../issues/issue.js'
import type { Session } from '../model.js'
import { isReception, sessionKeys } from './reception.js'

export interface PersonRecords {
  sessions: Session[]
  issues: Issue[]
  /** Every session day of the data that took place (for 接待: see rep-record.ts). */
  receptionKeys: ReadonlySet<string>
}

export interface LedgerIndex {
  studio(studioId: string): { issues: readonly Issue[]; sessions: readonly Session[] }
  person(personId: string): PersonRecords
  /** Issues received at a session (reception.ts), by the session's id (`studioId/date`). */
  issuesOn(sessionId: string): number
  issue(id: string): Issue | undefined
  /** Everyone on duty or checked in at a session (they get a sheet even from another studio). */
  readonly seated: ReadonlySet<string>
}


export function indexLedger(data: { issues: readonly Issue[]; sessions: readonly Session[] }): LedgerIndex {
  const held = sessionKeys(data.sessions)
  const none: PersonRecords = { sessions: [], issues: [], receptionKeys: held }
  const byStudio = new Map<string, { issues: Issue[]; sessions: Session[] }>()
  const byPerson = new Map<string, PersonRecords>()
  const onDay = new Map<string, number>()
  const byId = new Map<string, Issue>()
  const seated = new Set<string>()
  const studio = (id: string) => {
    let s = byStudio.get(id)
    if (!s) byStudio.set(id, (s = { issues: [], sessions: [] }))
    return s
  }
  const person = (id: string) => {
    let p = byPerson.get(id)
    if (!p) byPerson.set(id, (p = { sessions: [], issues: [], receptionKeys: held }))
    return p
  }
  // A record is listed once per person however often it names them (a Set per record keeps the order).
  const named = new Set<string>()

  for (const i of data.issues) {
    studio(i.studioId).issues.push(i)
    byId.set(i.id, i)
    if (isReception(i, held)) {
      const k = `${i.studioId}/${i.date}`
      onDay.set(k, (onDay.get(k) ?? 0) + 1)
    }
    named.clear()
    named.add(i.registrar)
    for (const r of i.dutyReps) named.add(r)
    for (const id of named) person(id).issues.push(i)
  }
  for (const s of data.sessions) {
    studio(s.studioId).sessions.push(s)
    named.clear()
    for (const id of s.duty) (named.add(id), seated.add(id))
    for (const a of s.attendance) (named.add(a.personId), seated.add(a.personId))
    for (const h of s.history) {
      for (const id of h.before) named.add(id)
      for (const id of h.after) named.add(id)
    }
    for (const id of named) person(id).sessions.push(s)
  }
  const EMPTY = { issues: [] as Issue[], sessions: [] as Session[] }
  return {
    studio: (id) => byStudio.get(id) ?? EMPTY,
    person: (id) => byPerson.get(id) ?? none,
    issuesOn: (sessionId) => onDay.get(sessionId) ?? 0,
    issue: (id) => byId.get(id),
    seated,
  }
}
