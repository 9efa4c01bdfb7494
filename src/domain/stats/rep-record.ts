/**
 * 一人一档: one representative's record for a period, from the sessions (duty, check-ins, duty changes)
 * and issues handed in, and the yearly evaluation it suggests under the configured points scheme
 * (考核积分制). Pure: no I/O, no clock.
 *
 * Definitions:
 * - 值班 on duty: sessions held in the period (not cancelled, over at `now`) with the person in the final
 *   duty.
 * - 签到 attended: of those, the ones with the person's check-in (`/签到`), their own or a coordinator's
 *   补签 (`backfilled` counts the 补签 among them, shown as such); 缺席 missed: the session has
 *   check-ins but not theirs; 未记录 unrecorded: nobody checked in at that session. Unrecorded duties earn
 *   and cost nothing: attendance is a record, not a guess, and a studio that does not use /签到 yet must
 *   not turn every duty into an absence.
 * - Duty changes, counted on sessions held in the period, by the kind the roster recorded:
 *   代班/顶班 covered = seats the person took in a `substitute`, `volunteer` or `force` change;
 *   请人代班 gave = seats they left in a `leave`, `substitute` or `force` change;
 *   互换 swapped = `swap` changes they were part of (a mutual exchange: neither given nor covered).
 *   Changes made by planning (`planned`, `restaff`) or a coordinator's roster (`set`) are no swaps.
 * - 登记 registered: issues the person registered in the period (withdrawn ones left out), with their
 *   outcome: closed (archived or on the spot), open, rated, satisfied (满意 + 基本满意).
 * - 接待 received at duty: issues received at a session (reception.ts: registered at the session by one of
 *   its duty representatives) where the person was on that duty.
 *
 * Points: attended × perSessionAttended + missed × perSessionMissed + covered × perSwapCovered +
 * registered × perIssueRegistered + closed × perIssueClosed. The suggestion is the highest grade whose
 * threshold the points reach (优秀 ≥ t.优秀, 称职 ≥ t.称职, 基本称职 ≥ t.基本称职, else 不称职). It is only a
 * suggestion: the evaluation itself is the organisation department's.
 */
import type { Issue } from '../issues/issue.js'
import type { DutyChange, Session } from '../model.js'
import { inPeriod, isClosed, isHeld } from './figures.js'
import { isReception, sessionKeys } from './reception.js'
import type { LocalDate } from '../time/local-date.js'

export const GRADES = ['优秀', '称职', '基本称职', '不称职'] as const
/** `记录不足`: nothing in the period to judge by (no duty held yet, no cover, no registration). */
export const NO_BASIS = '记录不足' as const
export type Grade = (typeof GRADES)[number] | typeof NO_BASIS

export interface EvaluationScheme {
  perSessionAttended: number
  perSessionMissed: number
  perSwapCovered: number
  perIssueRegistered: number
  perIssueClosed: number
  thresholds: { 优秀: number; 称职: number; 基本称职: number }
}

export type DutyMark = 'attended' | 'backfilled' | 'missed' | 'unrecorded'

export interface RepRecord {
  personId: string
  from: LocalDate
  to: LocalDate
  /** Held sessions on duty, by date, and how attendance stands for each. */
  duties: { sessionId: string; studioId: string; date: LocalDate; mark: DutyMark; /** When a 补签 was recorded. */ recordedAt?: number }[]
  onDuty: number
  /** Own check-ins and 补签 together. */
  attended: number
  /** Of `attended`, the coordinator's 补签. */
  backfilled: number
  missed: number
  unrecorded: number
  covered: number
  gave: number
  swapped: number
  registered: number
  registeredClosed: number
  registeredOpen: number
  registeredRated: number
  registeredSatisfied: number
  receivedOnDuty: number
  /** Ids of the issues registered, in registration order. */
  issueIds: string[]
}

export interface RepRecordInput {
  personId: string
  sessions: readonly Session[]
  issues: readonly Issue[]
  from: LocalDate
  to: LocalDate
  now: number
  /**
   * The sessions that took place (reception.ts' keys), when `sessions` is only this person's share of
   * them (a ledger index): an issue they were on duty for counts as received even where the session
   * itself does not name them any more. Without it, the keys of `sessions`.
   */
  receptionKeys?: ReadonlySet<string>
}

const COVER_KINDS: ReadonlySet<DutyChange['kind']> = new Set(['substitute', 'volunteer', 'force'])
const GIVE_KINDS: ReadonlySet<DutyChange['kind']> = new Set(['leave', 'substitute', 'force'])

export function repRecord(input: RepRecordInput): RepRecord {
  const { personId: me, from, to, now } = input
  const held = input.sessions.filter((s) => inPeriod(s.date, from, to) && isHeld(s, now)).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
  const duties: RepRecord['duties'] = []
  let covered = 0
  let gave = 0
  let swapped = 0
  for (const s of held) {
    if (s.duty.includes(me)) {
      const mine = s.attendance.find((a) => a.personId === me)
      const mark: DutyMark = mine ? (mine.backfill ? 'backfilled' : 'attended') : s.attendance.length > 0 ? 'missed' : 'unrecorded'
      duties.push({ sessionId: s.id, studioId: s.studioId, date: s.date, mark, ...(mine?.backfill ? { recordedAt: mine.recordedAt ?? mine.at } : {}) })
    }
    for (const h of s.history) {
      const added = h.after.includes(me) && !h.before.includes(me)
      const removed = h.before.includes(me) && !h.after.includes(me)
      if (h.kind === 'swap' && (added || removed)) swapped++
      if (added && COVER_KINDS.has(h.kind)) covered++
      if (removed && GIVE_KINDS.has(h.kind)) gave++
    }
  }
  const issues = input.issues.filter((i) => inPeriod(i.date, from, to) && i.status !== 'withdrawn')
  const receptionAt = input.receptionKeys ?? sessionKeys(input.sessions)
  const mine = issues.filter((i) => i.registrar === me).sort((a, b) => a.createdAt - b.createdAt || a.seq - b.seq)
  const rated = mine.filter((i) => i.feedback)
  const count = (m: DutyMark) => duties.filter((d) => d.mark === m).length
  const registeredClosed = mine.filter(isClosed).length
  return {
    personId: me,
    from,
    to,
    duties,
    onDuty: duties.length,
    attended: count('attended') + count('backfilled'),
    backfilled: count('backfilled'),
    missed: count('missed'),
    unrecorded: count('unrecorded'),
    covered,
    gave,
    swapped,
    registered: mine.length,
    registeredClosed,
    registeredOpen: mine.length - registeredClosed,
    registeredRated: rated.length,
    registeredSatisfied: rated.filter((i) => i.feedback!.rating !== '不满意').length,
    receivedOnDuty: issues.filter((i) => i.dutyReps.includes(me) && isReception(i, receptionAt)).length,
    issueIds: mine.map((i) => i.id),
  }
}

export interface Evaluation {
  points: number
  /** Each term of the sum, for the explanation: count × points. */
  terms: { key: keyof Omit<EvaluationScheme, 'thresholds'>; count: number; each: number }[]
  grade: Grade
}

export function evaluate(r: RepRecord, scheme: EvaluationScheme): Evaluation {
  const terms: Evaluation['terms'] = [
    { key: 'perSessionAttended', count: r.attended, each: scheme.perSessionAttended },
    { key: 'perSessionMissed', count: r.missed, each: scheme.perSessionMissed },
    { key: 'perSwapCovered', count: r.covered, each: scheme.perSwapCovered },
    { key: 'perIssueRegistered', count: r.registered, each: scheme.perIssueRegistered },
    { key: 'perIssueClosed', count: r.registeredClosed, each: scheme.perIssueClosed },
  ]
  const points = terms.reduce((sum, t) => sum + t.count * t.each, 0)
  // A representative whose duties are all still ahead is not 不称职: there is nothing to judge yet.
  const basis = r.attended + r.missed + r.unrecorded + r.covered + r.registered > 0
  return { points, terms, grade: basis ? gradeFor(points, scheme.thresholds) : NO_BASIS }
}

export function gradeFor(points: number, t: EvaluationScheme['thresholds']): Grade {
  return points >= t.优秀 ? '优秀' : points >= t.称职 ? '称职' : points >= t.基本称职 ? '基本称职' : '不称职'
}
