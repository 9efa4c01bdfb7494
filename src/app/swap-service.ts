/**
 * What people do to a session (不得空岗: a representative who cannot come arranges the cover): leave,
 * substitute and swap requests, volunteering for an open seat, the coordinator's forced change, cancelling
 * a session, and check-ins. Requests are `SwapRequest` records in the roster partition of their session's
 * year (`swaps`); the duty itself only ever changes through RosterService.changeDuties, which records the
 * change in the session's history and posts the correction (更正) of an announced session.
 *
 * Guarantees, and how:
 * - Everything runs inside the roster lock (`roster.exclusive`), so reading the duty, checking a request
 *   against it and changing it is one step: of two volunteers for one seat exactly one gets it, and of two
 *   requests that both need the same seat the second to be accepted is refused (with why). The edits also
 *   carry `expect` (compare-and-set) as a second line of defence.
 * - Nothing changes until the other side accepts; a refusal changes nothing on disk. An accepted request's
 *   new status is written in the same partition write as the duty change (same studio-year).
 * - Request numbers come from one district-wide counter (`state.counters['swaps.seq']`): short, never reused.
 * - Message ids of requests and answers go into the store's durable ring with the change (one transaction),
 *   so a replayed /同意 changes nothing even when the ring of seen ids lost its last write.
 *
 * Methods return `Result` codes, never prose (the commands choose the wording); notes kept in the duty
 * history (shown as 说明 in a correction) come from zh.swaps. Instants are epoch ms from the caller.
 */
import type { Config } from '../config/schema.js'
import type { Logger } from '../platform/logger.js'
import type { Store, RosterData } from '../platform/store/store.js'
import type { Partition } from '../platform/store/partition.js'
import type { Session, SwapRequest } from '../domain/model.js'
import { err, ok, type Result } from '../domain/result.js'
import { toLocalDate, yearOf, addDays, makeDate, type LocalDate } from '../domain/time/local-date.js'
import { checkLeave, checkSubstitute, checkSwap, checkVolunteer, requestExpiry, type DutyChangeCode, type SessionState } from '../domain/swaps/check-duty-change.js'
import { checkTakeBack, type TakeBackCode } from '../domain/swaps/check-take-back.js'
import { suggestCandidates, type Candidate } from '../domain/roster/plan-roster.js'
import { SYSTEM, type ChangeDutyCode, type ChangeOutcome, type RosterService } from './roster-service.js'
import { parseSessionId } from '../domain/roster/session-id.js'
import type { Directory } from './directory.js'
import { dateShort, nameOf } from '../text/posts/roster.js'
import { zh } from '../text/zh-CN.js'

/** The counter of request numbers in state.counters. */
export const SWAP_SEQ = 'swaps.seq'

export type SwapCode =
  | DutyChangeCode
  | TakeBackCode
  | ChangeDutyCode
  | 'request.not-found' // params.id
  | 'request.leave' // params.id: a leave needs no answer
  | 'request.not-yours' // params.id, params.to: only `to` answers
  | 'request.own' // params.id, params.to: the asker tried to answer their own request
  | 'request.not-asker' // params.id, params.from: only the asker or a coordinator withdraws
  | 'request.closed' // params.id, params.status, params.at, params.by
  | 'request.expired' // params.id, params.at
  | 'session.already-cancelled' // params.sessionId, params.reason
  | 'force.same' // out and in are the same person
  | 'checkin.not-on' // params.personId, params.sessionId
  | 'checkin.too-early' // params.from: instant check-in opens, params.to: when it closes (the session's end)
  | 'checkin.over' // params.from, params.to: the session is over and only a coordinator may record a 补签
  | 'checkin.already' // params.personId, params.at, params.backfill, params.recordedAt

/**
 * Why a request no longer fits, when acceptance finds the duty moved: the last change on that session
 * that put the person on or took them off (kind, by, at, note).
 */
export interface Why {
  kind: string
  by: string
  at: number
  note?: string
}

export interface SwapServiceOptions {
  config: Config
  store: Store<any>
  log: Logger
  directory: Directory
  roster: RosterService
}

/** Who did it and when, for every change. */
export interface Actor {
  /** Person id. */
  by: string
  now: number
  msgId?: string
}

/** Check-in opens this long before the session starts (on the day). */
/** The refusals that mean the duty moved under an open request (not that its time ran out). */
const MOVED: ReadonlySet<string> = new Set(['asker.not-on', 'asker.already-on', 'target.already-on', 'target.not-on', 'session.cancelled'])

export const CHECK_IN_OPENS_MS = 60 * 60_000

type Part = Partition<RosterData>

export class SwapService {
  /** Request number → where it is stored (studio, year of its session). */
  private where = new Map<string, { studioId: string; year: number }>()

  private constructor(private readonly o: SwapServiceOptions) {}

  /** Indexes the requests of last year and later (the roster partitions RosterService.open loaded). */
  static async open(o: SwapServiceOptions, now: number): Promise<SwapService> {
    const s = new SwapService(o)
    const year = yearOf(toLocalDate(now))
    for (const p of await o.store.listPartitions('roster')) {
      if (p.year < year - 1) continue
      const part = await o.roster.partition(p.studioId, p.year)
      for (const r of part.data.swaps ?? []) s.where.set(r.id, { studioId: p.studioId, year: p.year })
    }
    return s
  }

  // ---- reading ---------------------------------------------------------------------------------------

  async find(id: string): Promise<SwapRequest | undefined> {
    const at = this.where.get(id)
    if (!at) return undefined
    return (await this.o.roster.partition(at.studioId, at.year)).data.swaps.find((r) => r.id === id)
  }

  /** The studio's requests about sessions from last year to next year, oldest first. */
  async requestsOf(studioId: string, now: number): Promise<SwapRequest[]> {
    const year = yearOf(toLocalDate(now))
    const out: SwapRequest[] = []
    for (let y = year - 1; y <= year + 1; y++) out.push(...((await this.o.roster.partition(studioId, y)).data.swaps ?? []))
    return out.sort((a, b) => a.createdAt - b.createdAt || Number(a.id) - Number(b.id))
  }

  /** Open requests of a studio that have not lapsed at `now`. */
  async openOf(studioId: string, now: number): Promise<SwapRequest[]> {
    return (await this.requestsOf(studioId, now)).filter((r) => r.status === 'open' && r.expiresAt > now)
  }

  /** The fairest people to ask for a seat of `s` (see suggestCandidates), best first. */
  async candidates(s: Session, exclude: string[], limit: number, now: number): Promise<Candidate[]> {
    const { roster, directory, config } = this.o
    const year = yearOf(s.date)
    const end = roster.horizonEnd(toLocalDate(now))
    const to = [makeDate(year, 12, 31), end, addDays(s.date, 62)].sort().at(-1)!
    const sessions = await roster.sessionsBetween(s.studioId, makeDate(year, 1, 1), to)
    const reps = directory.repsOf(s.studioId).map((p) => p.id)
    const unavailable: Record<string, LocalDate[]> = {}
    for (const p of config.people) if (reps.includes(p.id) && p.unavailable.length) unavailable[p.id] = p.unavailable
    return suggestCandidates({ session: s, sessions, reps, unavailable, exclude, limit })
  }

  // ---- a representative's own changes ----------------------------------------------------------------

  /** /请假: `who` comes off `sessionId` now; an open `leave` record waits for a volunteer. */
  leave(sessionId: string, who: string, reason: string | undefined, a: Actor): Promise<Result<{ request: SwapRequest; outcome: ChangeOutcome }, SwapCode>> {
    return this.o.roster.exclusive(async () => {
      const s = await this.o.roster.session(sessionId)
      if (!s) return err('session.not-found', { sessionId })
      const next = checkLeave(this.state(s), who, a.now)
      if (!next.ok) return next
      const id = await this.nextId()
      const request: SwapRequest = {
        id,
        studioId: s.studioId,
        kind: 'leave',
        sessionId: s.id,
        from: who,
        ...(reason ? { reason } : {}),
        createdAt: a.now,
        expiresAt: this.o.roster.startOf(s),
        status: 'open',
        ...(a.msgId ? { msgId: a.msgId } : {}),
      }
      // Written with the duty change (same partition): the leave and its record land together.
      const part = await this.partOf(s.id)
      part.data.swaps.push(request)
      const note = zh.swaps.noteLeave(this.name(who), id, reason)
      const r = await this.o.roster.changeDuty(s.id, next.value, a.by, 'leave', note, a.msgId, { now: a.now, expect: [...s.duty] })
      if (!r.ok) {
        part.data.swaps.splice(part.data.swaps.indexOf(request), 1)
        return r
      }
      this.where.set(id, { studioId: s.studioId, year: yearOf(s.date) })
      return ok({ request, outcome: r.value })
    })
  }

  /**
   * /销假: `who`, who went on leave from `sessionId`, takes the seat back while it is still open (their
   * leave still open, room on the session, not started); the leave is closed as withdrawn by them.
   */
  takeBack(sessionId: string, who: string, a: Actor): Promise<Result<{ outcome: ChangeOutcome; leave: SwapRequest }, SwapCode>> {
    return this.o.roster.exclusive(async () => {
      const s = await this.o.roster.session(sessionId)
      if (!s) return err('session.not-found', { sessionId })
      const part = await this.partOf(s.id)
      const leave = part.data.swaps.filter((r) => r.kind === 'leave' && r.sessionId === s.id && r.from === who).at(-1)
      const next = checkTakeBack(this.state(s), who, leave, a.now)
      if (!next.ok) return next
      const r = await this.o.roster.changeDuty(s.id, next.value, a.by, 'takeback', zh.swaps.noteTakeBack(this.name(who), leave!.id), a.msgId, { now: a.now, expect: [...s.duty] })
      if (!r.ok) return r
      Object.assign(leave!, { status: 'withdrawn', decidedAt: a.now, decidedBy: who, ...(a.msgId ? { decidedMsgId: a.msgId } : {}) })
      await part.commit()
      return ok({ outcome: r.value, leave: leave! })
    })
  }

  /** /顶班: `who` takes an open seat of `sessionId` at once (first come, first served). */
  volunteer(sessionId: string, who: string, a: Actor): Promise<Result<{ outcome: ChangeOutcome; filled?: SwapRequest }, SwapCode>> {
    return this.o.roster.exclusive(async () => {
      const s = await this.o.roster.session(sessionId)
      if (!s) return err('session.not-found', { sessionId })
      const next = checkVolunteer(this.state(s), who, this.reps(s.studioId), a.now)
      if (!next.ok) return next
      const r = await this.o.roster.changeDuty(s.id, next.value, a.by, 'volunteer', zh.swaps.noteVolunteer(this.name(who)), a.msgId, { now: a.now, expect: [...s.duty] })
      if (!r.ok) return r
      const filled = await this.settleLeaves(r.value.session, a.now, who)
      return ok({ outcome: r.value, filled })
    })
  }

  /**
   * /代班 and /换班: records a request for `to` to answer; nothing else changes. The same open request
   * (same kind, people and sessions) is returned instead of a second one (`existing`).
   */
  propose(
    p: { kind: 'substitute' | 'swap'; sessionId: string; otherSessionId?: string; from: string; to: string; reason?: string },
    a: Actor,
  ): Promise<Result<{ request: SwapRequest; existing: boolean }, SwapCode>> {
    return this.o.roster.exclusive(async () => {
      const s = await this.o.roster.session(p.sessionId)
      if (!s) return err('session.not-found', { sessionId: p.sessionId })
      const other = p.otherSessionId ? await this.o.roster.session(p.otherSessionId) : undefined
      if (p.otherSessionId && !other) return err('session.not-found', { sessionId: p.otherSessionId })
      const reps = this.reps(s.studioId)
      const check = p.kind === 'swap' ? checkSwap(this.state(s), this.state(other!), p.from, p.to, reps, a.now) : checkSubstitute(this.state(s), p.from, p.to, reps, a.now)
      if (!check.ok) return check
      const same = (await this.openOf(s.studioId, a.now)).find(
        (r) => r.kind === p.kind && r.from === p.from && r.to === p.to && r.sessionId === p.sessionId && r.otherSessionId === p.otherSessionId,
      )
      if (same) return ok({ request: same, existing: true })
      const starts = [s, ...(other ? [other] : [])].map((x) => this.o.roster.startOf(x))
      const id = await this.nextId()
      const request: SwapRequest = {
        id,
        studioId: s.studioId,
        kind: p.kind,
        sessionId: s.id,
        ...(other ? { otherSessionId: other.id } : {}),
        from: p.from,
        to: p.to,
        ...(p.reason ? { reason: p.reason } : {}),
        createdAt: a.now,
        expiresAt: requestExpiry(a.now, this.o.config.swaps.expireHours, starts),
        status: 'open',
        ...(a.msgId ? { msgId: a.msgId } : {}),
      }
      const part = await this.partOf(s.id)
      part.data.swaps.push(request)
      await part.commit()
      this.where.set(id, { studioId: s.studioId, year: yearOf(s.date) })
      return ok({ request, existing: false })
    })
  }

  /**
   * /同意: `who` accepts request `id`. Checked against the duty as it stands now: a request that an
   * accepted one (or a coordinator) overtook is refused with the change that did it (`params.why*`).
   */
  accept(id: string, who: string, a: Actor): Promise<Result<{ request: SwapRequest; outcomes: ChangeOutcome[] }, SwapCode>> {
    return this.o.roster.exclusive(async () => {
      // Closed because the duty moved: the one asked hears which change did it, as before it was closed.
      const found = await this.find(id)
      if (found?.status === 'superseded' && found.to === who) {
        const why = await this.whyUndoable(found, a.now)
        if (why) return why
      }
      const r = await this.answerable(id, who, a.now)
      if (!r.ok) return r
      const req = r.value
      const s = await this.o.roster.session(req.sessionId)
      const other = req.otherSessionId ? await this.o.roster.session(req.otherSessionId) : undefined
      if (!s || (req.otherSessionId && !other)) return err('session.not-found', { sessionId: req.otherSessionId ?? req.sessionId })
      const reps = this.reps(s.studioId)
      const check =
        req.kind === 'swap'
          ? checkSwap(this.state(s), this.state(other!), req.from, req.to!, reps, a.now)
          : checkSubstitute(this.state(s), req.from, req.to!, reps, a.now)
      if (!check.ok) return this.explain(check, [s, ...(other ? [other] : [])])
      const edits =
        req.kind === 'swap'
          ? [
              { sessionId: s.id, duty: (check.value as [string[], string[]])[0], expect: [...s.duty] },
              { sessionId: other!.id, duty: (check.value as [string[], string[]])[1], expect: [...other!.duty] },
            ]
          : [{ sessionId: s.id, duty: check.value as string[], expect: [...s.duty] }]
      const note =
        req.kind === 'swap'
          ? zh.swaps.noteSwap(this.name(req.from), this.name(req.to!), dateShort(s.date), dateShort(other!.date), req.id)
          : zh.swaps.noteSubstitute(this.name(req.from), this.name(req.to!), req.id)
      // The new status goes out with the duty change (the request lives in the session's partition).
      const before = { ...req }
      Object.assign(req, { status: 'accepted', decidedAt: a.now, decidedBy: who, ...(a.msgId ? { decidedMsgId: a.msgId } : {}) })
      const changed = await this.o.roster.changeDuties(edits, { by: who, kind: req.kind, note, msgId: a.msgId, now: a.now })
      if (!changed.ok) {
        for (const k of Object.keys(req) as (keyof SwapRequest)[]) delete req[k]
        Object.assign(req, before)
        return changed
      }
      await (await this.partOf(req.sessionId)).commit()
      for (const out of changed.value) await this.settleLeaves(out.session, a.now)
      return ok({ request: req, outcomes: changed.value })
    })
  }

  /** /拒绝: `who` (the one asked) declines; the duty stays. */
  refuse(id: string, who: string, a: Actor): Promise<Result<SwapRequest, SwapCode>> {
    return this.o.roster.exclusive(async () => {
      const r = await this.answerable(id, who, a.now)
      if (!r.ok) return r
      return ok(await this.close(r.value, 'refused', who, a))
    })
  }

  /** /撤回: the asker (or a coordinator of the studio) takes back an open request. */
  withdraw(id: string, who: string, isCoordinator: boolean, a: Actor): Promise<Result<SwapRequest, SwapCode>> {
    return this.o.roster.exclusive(async () => {
      const req = await this.find(id)
      if (!req) return err('request.not-found', { id })
      if (req.kind === 'leave') return err('request.leave', { id, sessionId: req.sessionId })
      if (req.from !== who && !isCoordinator) return err('request.not-asker', { id, from: req.from })
      const closed = this.closedCode(req)
      if (closed) return closed
      return ok(await this.close(req, 'withdrawn', who, a))
    })
  }

  // ---- coordinators ----------------------------------------------------------------------------------

  /**
   * /调班: `out` comes off and `into` goes on (either may be missing: fill an open seat, or open one).
   * Allowed until the session ends (a coordinator records who actually sat).
   */
  force(sessionId: string, out: string | undefined, into: string | undefined, reason: string | undefined, a: Actor): Promise<Result<ChangeOutcome, SwapCode>> {
    return this.o.roster.exclusive(async () => {
      const s = await this.o.roster.session(sessionId)
      if (!s) return err('session.not-found', { sessionId })
      if (s.cancelled) return err('session.cancelled', { sessionId })
      if (a.now >= this.o.roster.endOf(s)) return err('session.over', { sessionId })
      if (out && out === into) return err('force.same')
      if (out && !s.duty.includes(out)) return err('asker.not-on', { personId: out, sessionId })
      if (into && !this.reps(s.studioId).has(into)) return err('target.not-rep', { personId: into })
      if (into && s.duty.includes(into)) return err('target.already-on', { personId: into, sessionId })
      if (!out && s.duty.length >= s.required) return err('seat.none', { sessionId })
      const duty = out ? (into ? s.duty.map((p) => (p === out ? into : p)) : s.duty.filter((p) => p !== out)) : [...s.duty, into!]
      const note = zh.swaps.noteForce(this.name(a.by), reason)
      const r = await this.o.roster.changeDuty(s.id, duty, a.by, 'force', note, a.msgId, { now: a.now, expect: [...s.duty] })
      if (!r.ok) return r
      await this.settleLeaves(r.value.session, a.now, into)
      return ok(r.value)
    })
  }

  /**
   * /取消接待: marks the session cancelled (never staffed, announced or corrected again), records it in
   * its history and closes the open requests that touch it. The caller posts the notice.
   */
  cancelSession(sessionId: string, reason: string, a: Actor): Promise<Result<{ session: Session; closed: SwapRequest[]; announced: boolean }, SwapCode>> {
    return this.o.roster.exclusive(async () => {
      const s = await this.o.roster.session(sessionId)
      if (!s) return err('session.not-found', { sessionId })
      if (s.cancelled) return err('session.already-cancelled', { sessionId, reason: s.cancelled.reason })
      if (a.now >= this.o.roster.startOf(s)) return err('session.started', { sessionId })
      const announced = this.o.roster.isAnnounced(s)
      s.cancelled = { at: a.now, by: a.by, reason }
      s.history.push({ at: a.now, by: a.by, kind: 'cancel', before: [...s.duty], after: [...s.duty], note: reason, ...(a.msgId ? { msgId: a.msgId } : {}) })
      const closed: SwapRequest[] = []
      const touched = new Set<Part>([await this.partOf(s.id)])
      for (const r of await this.requestsOf(s.studioId, a.now)) {
        if (r.status !== 'open' || (r.sessionId !== s.id && r.otherSessionId !== s.id)) continue
        Object.assign(r, { status: 'cancelled', decidedAt: a.now, decidedBy: SYSTEM })
        closed.push(r)
        touched.add(await this.partOf(r.sessionId))
      }
      await Promise.all([...touched].map((p) => p.commit()))
      return ok({ session: s, closed, announced })
    })
  }

  /**
   * /签到: records that `personId` (on the duty) came. Open from CHECK_IN_OPENS_MS before the start to the
   * end of the session; a second check-in changes nothing (`checkin.already` with the first time). A
   * coordinator's record for someone else (`backfill`) or after the end (only with `mayBackfill`) is a
   * 补签: recorded with the session's start as `at`, and `recordedAt` = now. After the end, without
   * `mayBackfill`: `checkin.over`.
   */
  checkIn(sessionId: string, personId: string, a: Actor, o: { backfill?: boolean; mayBackfill?: boolean } = {}): Promise<Result<Session, SwapCode>> {
    return this.o.roster.exclusive(async () => {
      const s = await this.o.roster.session(sessionId)
      if (!s) return err('session.not-found', { sessionId })
      if (s.cancelled) return err('session.cancelled', { sessionId })
      if (!s.duty.includes(personId)) return err('checkin.not-on', { personId, sessionId })
      const start = this.o.roster.startOf(s)
      const end = this.o.roster.endOf(s)
      const opens = start - CHECK_IN_OPENS_MS
      if (a.now < opens) return err('checkin.too-early', { from: opens, to: end })
      const done = s.attendance.find((x) => x.personId === personId)
      if (done) return err('checkin.already', { personId, at: done.at, backfill: done.backfill ? 1 : 0, recordedAt: done.recordedAt ?? done.at })
      const backfill = o.backfill === true || a.now > end
      if (backfill && !o.mayBackfill) return err('checkin.over', { from: opens, to: end })
      s.attendance.push(backfill ? { personId, at: start, by: a.by, backfill: true, recordedAt: a.now } : { personId, at: a.now, by: a.by })
      await (await this.partOf(s.id)).commit()
      return ok(s)
    })
  }

  /**
   * After a duty change on `sessionIds` made by other means (/调班, /排班, /顶班, another request's
   * /同意): closes at once every open request on them that can no longer be done — a leave whose seat is
   * taken (`filled`), a substitute or swap request that the duty as it stands no longer allows (the asker
   * is off that session, or the one asked is already on it: `superseded`). Returns the substitute and swap
   * requests closed, whose askers are to be told. Runs in the caller's transaction.
   */
  settleAfterChange(sessionIds: readonly string[], a: Actor): Promise<{ request: SwapRequest; session: Session; other?: Session }[]> {
    return this.o.roster.exclusive(async () => {
      const closed: { request: SwapRequest; session: Session; other?: Session }[] = []
      const touched = new Set<Part>()
      for (const sessionId of sessionIds) {
        const s = await this.o.roster.session(sessionId)
        if (!s) continue
        for (const r of await this.requestsOf(s.studioId, a.now)) {
          if (r.status !== 'open' || (r.sessionId !== s.id && r.otherSessionId !== s.id)) continue
          const own = r.sessionId === s.id ? s : await this.o.roster.session(r.sessionId)
          const other = r.otherSessionId ? await this.o.roster.session(r.otherSessionId) : undefined
          if (!own) continue
          let stale: boolean
          if (r.kind === 'leave') stale = own.duty.length >= own.required
          else {
            const reps = this.reps(own.studioId)
            const check = r.kind === 'swap' && other ? checkSwap(this.state(own), this.state(other), r.from, r.to!, reps, a.now) : checkSubstitute(this.state(own), r.from, r.to!, reps, a.now)
            // Only a duty that moved closes it (a lapse in time is the sweep's `expired`).
            stale = !check.ok && MOVED.has(check.code)
          }
          if (!stale) continue
          Object.assign(r, { status: r.kind === 'leave' ? 'filled' : 'superseded', decidedAt: a.now, decidedBy: SYSTEM })
          touched.add(await this.partOf(r.sessionId))
          if (r.kind !== 'leave') closed.push({ request: r, session: own, ...(other ? { other } : {}) })
        }
      }
      await Promise.all([...touched].map((p) => p.commit()))
      return closed
    })
  }

  // ---- scheduled -------------------------------------------------------------------------------------

  /**
   * Lapses requests whose time is up (`expired`) and closes leaves whose seat was filled by other means
   * (`filled`, e.g. a coordinator's /排班). Returns the substitute and swap requests that expired now,
   * whose askers are to be told.
   */
  sweep(now: number): Promise<SwapRequest[]> {
    return this.o.roster.exclusive(async () => {
      const expired: SwapRequest[] = []
      for (const studio of this.o.directory.studios) {
        const touched = new Set<Part>()
        for (const r of await this.requestsOf(studio.id, now)) {
          if (r.status !== 'open') continue
          const s = await this.o.roster.session(r.sessionId)
          if (r.kind === 'leave' && s && !s.cancelled && s.duty.length >= s.required) {
            Object.assign(r, { status: 'filled', decidedAt: now, decidedBy: SYSTEM })
            touched.add(await this.partOf(r.sessionId))
          } else if (r.expiresAt <= now) {
            Object.assign(r, { status: 'expired', decidedAt: now, decidedBy: SYSTEM })
            touched.add(await this.partOf(r.sessionId))
            if (r.kind === 'leave') this.o.log.warn('a leave’s seat was still open when the session started', { request: r.id, sessionId: r.sessionId })
            else expired.push(r)
          }
        }
        await Promise.all([...touched].map((p) => p.commit()))
      }
      return expired
    })
  }

  // ---- inside ----------------------------------------------------------------------------------------

  private state(s: Session): SessionState {
    return { id: s.id, duty: s.duty, required: s.required, cancelled: !!s.cancelled, startsAt: this.o.roster.startOf(s), endsAt: this.o.roster.endOf(s) }
  }

  private reps(studioId: string): Set<string> {
    return new Set(this.o.directory.repsOf(studioId).map((p) => p.id))
  }

  private name(personId: string): string {
    return nameOf(this.o.directory, personId)
  }

  private async partOf(sessionId: string): Promise<Part> {
    const at = parseSessionId(sessionId)
    if (!at) throw new Error(`bad session id ${sessionId}`)
    return this.o.roster.partition(at.studioId, yearOf(at.date))
  }

  /**
   * The next request number, in the same transaction as the request (callers hold the roster lock, one
   * transaction): a failed write takes the number back, so it is never skipped nor repeated.
   */
  private async nextId(): Promise<string> {
    const next = (this.o.store.state.data.counters[SWAP_SEQ] ?? 0) + 1
    await this.o.store.state.set('counters', SWAP_SEQ, next)
    return String(next)
  }

  /** A request `who` may answer now (/同意, /拒绝). */
  private async answerable(id: string, who: string, now: number): Promise<Result<SwapRequest, SwapCode>> {
    const req = await this.find(id)
    if (!req) return err('request.not-found', { id })
    if (req.kind === 'leave') return err('request.leave', { id, sessionId: req.sessionId })
    if (req.to !== who) return req.from === who ? err('request.own', { id, to: req.to ?? '' }) : err('request.not-yours', { id, to: req.to ?? '' })
    const closed = this.closedCode(req)
    if (closed) return closed
    if (now >= req.expiresAt) return err('request.expired', { id, at: req.expiresAt })
    return ok(req)
  }

  /** Why a substitute or swap request cannot be done with the duty as it stands (the change that did it), if so. */
  private async whyUndoable(req: SwapRequest, now: number): Promise<Result<never, SwapCode> | undefined> {
    const s = await this.o.roster.session(req.sessionId)
    const other = req.otherSessionId ? await this.o.roster.session(req.otherSessionId) : undefined
    if (!s || (req.otherSessionId && !other)) return undefined
    const reps = this.reps(s.studioId)
    const check = req.kind === 'swap' ? checkSwap(this.state(s), this.state(other!), req.from, req.to!, reps, now) : checkSubstitute(this.state(s), req.from, req.to!, reps, now)
    return check.ok || !MOVED.has(check.code) ? undefined : this.explain(check, [s, ...(other ? [other] : [])])
  }

  private closedCode(req: SwapRequest): Result<never, SwapCode> | undefined {
    if (req.status === 'expired') return err('request.expired', { id: req.id, at: req.decidedAt ?? req.expiresAt })
    if (req.status !== 'open') return err('request.closed', { id: req.id, status: req.status, at: req.decidedAt ?? 0, by: req.decidedBy ?? '' })
    return undefined
  }

  private async close(req: SwapRequest, status: 'refused' | 'withdrawn', who: string, a: Actor): Promise<SwapRequest> {
    Object.assign(req, { status, decidedAt: a.now, decidedBy: who, ...(a.msgId ? { decidedMsgId: a.msgId } : {}) })
    await (await this.partOf(req.sessionId)).commit()
    return req
  }

  /**
   * After a seat was taken: the oldest open leave on the session is `filled` by `taker`; once the session
   * is full every open leave on it is.
   */
  private async settleLeaves(s: Session, now: number, taker?: string): Promise<SwapRequest | undefined> {
    const leaves = (await this.requestsOf(s.studioId, now)).filter((r) => r.kind === 'leave' && r.status === 'open' && r.sessionId === s.id)
    if (leaves.length === 0) return undefined
    let first: SwapRequest | undefined
    if (taker) {
      first = leaves.shift()!
      Object.assign(first, { status: 'filled', decidedAt: now, decidedBy: taker })
    }
    if (s.duty.length >= s.required) for (const r of leaves) Object.assign(r, { status: 'filled', decidedAt: now, decidedBy: SYSTEM })
    await (await this.partOf(s.id)).commit()
    return first
  }

  /** Adds to a conflict code the change that made the request impossible. */
  private explain(e: { ok: false; code: DutyChangeCode; params?: Record<string, string | number> }, sessions: Session[]): Result<never, SwapCode> {
    const p = e.params ?? {}
    const s = sessions.find((x) => x.id === p.sessionId)
    const person = String(p.personId ?? '')
    const h = s
      ? [...s.history].reverse().find((x) => x.by !== SYSTEM && x.before.includes(person) !== x.after.includes(person))
      : undefined
    if (!h) return e
    return err(e.code, { ...p, whyKind: h.kind, whyBy: h.by, whyAt: h.at, ...(h.note ? { whyNote: h.note } : {}) })
  }
}
