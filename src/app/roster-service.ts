/**
 * The roster service: every studio's reception sessions (党代表接待日), who sits them, and what was
 * announced. Sessions live in the store's partitions `roster/<studio>/<year>.json` (by the session's
 * date), as `Session` records with their duty, the full history of duty changes (who, when, which message)
 * and attendance. A change records its studio-year partitions in the store's transaction.
 *
 * What it guarantees, and how:
 * - Planning (`ensurePlanned`) is deterministic and fair (domain/roster/plan-roster.ts) and touches only
 *   what it may: a session that was announced, has started, or was set by a person (a history entry not by
 *   `system`) is kept exactly as it is; a planned, unannounced one keeps its valid seats and only seats of
 *   people who left, declared the date unavailable or are missing are re-staffed. A rule change drops the
 *   unannounced sessions whose dates the rule no longer yields and adds the new dates.
 * - "Announced" is the outbox marker `announce:<sessionId>` or `announcedAt` on the session, written with
 *   the post in one transaction. (Data folders of the first store format may hold only the marker: the
 *   next planning copies it into the session, so an announced duty is never reshuffled.)
 * - A change to an announced session posts a correction against `announcedDuty` (what the group was last
 *   told) under the marker `correct:<sessionId>:<history length>`, then moves `announcedDuty`; a crash in
 *   between is caught by the sweep (`postPendingCorrections`) that the announcement job runs every minute.
 * - Every change goes through one lock (`exclusive`, the store's transaction), re-entrant within one async
 *   call chain, so a command, a scheduled job and a swap acceptance never interleave their read-check-write
 *   steps, and each is durable as one record or not at all.
 *
 * Times: `LocalDate`/`LocalTime` in Asia/Shanghai; instants in epoch ms from the injected clock.
 */
import type { Config } from '../config/schema.js'
import type { Clock } from '../platform/clock.js'
import type { Logger } from '../platform/logger.js'
import type { Store, RosterData } from '../platform/store/store.js'
import type { Partition } from '../platform/store/partition.js'
import type { DutyChange, Session, Studio } from '../domain/model.js'
import { planRoster, type RosterSession } from '../domain/roster/plan-roster.js'
import { receptionDatesBetween } from '../domain/calendar/reception-rule.js'
import { addDays, daysInMonth, makeDate, splitDate, toInstant, toLocalDate, yearOf, type LocalDate } from '../domain/time/local-date.js'
import { err, ok, type Result } from '../domain/result.js'
import type { Directory } from './directory.js'
import type { Calendars } from './calendars.js'
import type { Outbox } from './outbox.js'
import type { OutgoingMessage } from '../messages/message.js'
import { contactsOf, correctionPost, dateShort } from '../text/posts/roster.js'
import { zh } from '../text/zh-CN.js'
import { parseSessionId, sessionIdOf } from '../domain/roster/session-id.js'
import { decideSession } from '../domain/roster/keep-or-drop.js'

/** `by` of changes the bot makes itself (planning, re-staffing). */
export const SYSTEM = 'system'

/** The horizon reaches at least this far: longer than the longest announcement lead (30 days). */
const MIN_HORIZON_DAYS = 31

export const announceMarker = (sessionId: string): string => `announce:${sessionId}`
const correctMarker = (sessionId: string, n: number): string => `correct:${sessionId}:${n}`
const gapMarker = (studioId: string, year: number): string => `calendar-gap:${studioId}:${year}`
/** Kept in state.counters (never pruned, unlike markers): the calendar-gap warning went out for that studio-year. */
const gapWarnedKey = (studioId: string, year: number): string => `roster.calendarGapWarned:${studioId}:${year}`


export type ChangeDutyCode =
  | 'session.not-found' // params.sessionId
  | 'session.cancelled' // params.sessionId
  | 'session.over' // params.sessionId: the session has ended; its record is final
  | 'duty.duplicate' // params.personId: the same person twice
  | 'duty.not-rep' // params.personId: not an active representative of the session's studio
  | 'duty.too-many' // params.required, params.given
  | 'duty.stale' // params.sessionId: the duty is no longer what the caller expected

export interface DutyEdit {
  sessionId: string
  /** The new duty, person ids in seat order (may be shorter than required: a gap). */
  duty: string[]
  /** Refuse (`duty.stale`) unless the current duty is exactly this (compare-and-set for concurrent requests). */
  expect?: string[]
}

export interface ChangeMeta {
  /** Person id of whoever made the change, or SYSTEM. */
  by: string
  kind: DutyChange['kind']
  note?: string
  msgId?: string
  /** Default: the clock's now. */
  now?: number
}

export interface ChangeOutcome {
  session: Session
  before: string[]
  changed: boolean
  /** A correction was queued for the group (the session had been announced). */
  corrected: boolean
}

export interface PlanReport {
  /** False when nothing had to be looked at again (same day, same people). */
  ran: boolean
  added: string[]
  dropped: string[]
  restaffed: string[]
  /** Session ids with seats nobody could fill. */
  unfilled: { sessionId: string; seats: number }[]
  /** Kept sessions (announced or hand-set) with someone who left or declared the date unavailable. */
  attention: { sessionId: string; personId: string; reason: 'inactive' | 'unavailable' }[]
  /** Calendar-gap warnings queued now. */
  gapWarnings: { studioId: string; year: number }[]
}

export interface RosterServiceOptions {
  config: Config
  store: Store<any>
  clock: Clock
  log: Logger
  directory: Directory
  calendars: Calendars
  outbox: Outbox
}


type Part = Partition<RosterData>

const sameList = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((x, i) => x === b[i])
const byDate = (a: Session, b: Session): number => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

export class RosterService {
  private lastPlan = ''

  private constructor(private readonly o: RosterServiceOptions) {}

  /** Loads the roster files of last year and later (the ones that can hold live sessions or recent changes). */
  static async open(o: RosterServiceOptions): Promise<RosterService> {
    const r = new RosterService(o)
    const year = yearOf(toLocalDate(o.clock.now()))
    const parts = (await o.store.listPartitions('roster')).filter((p) => p.year >= year - 1)
    await Promise.all(parts.map((p) => o.store.roster(p.studioId, p.year)))
    o.log.info('roster loaded', { partitions: parts.length })
    return r
  }

  // ---- reading ---------------------------------------------------------------------------------------

  partition(studioId: string, year: number): Promise<Part> {
    return this.o.store.roster(studioId, year)
  }

  /** Sessions of a studio with dates in [from, to], by date; cancelled ones only when asked for. */
  async sessionsBetween(studioId: string, from: LocalDate, to: LocalDate, opts: { includeCancelled?: boolean } = {}): Promise<Session[]> {
    const out: Session[] = []
    if (to < from) return out
    for (let y = yearOf(from); y <= yearOf(to); y++) {
      const part = await this.partition(studioId, y)
      for (const s of part.data.sessions) if (s.date >= from && s.date <= to && (opts.includeCancelled || !s.cancelled)) out.push(s)
    }
    return out.sort(byDate)
  }

  /** The studio's session on that date (cancelled included), if one is stored. */
  async sessionOn(studioId: string, date: LocalDate): Promise<Session | undefined> {
    const part = await this.partition(studioId, yearOf(date))
    return part.data.sessions.find((s) => s.date === date)
  }

  async session(sessionId: string): Promise<Session | undefined> {
    const at = parseSessionId(sessionId)
    if (!at) return undefined
    const part = await this.partition(at.studioId, yearOf(at.date))
    return part.data.sessions.find((s) => s.id === sessionId)
  }

  /** Sessions not yet ended, from now on, up to the planning horizon (cancelled ones flagged, not left out). */
  async upcoming(studioId: string, now: number, limit = Infinity): Promise<Session[]> {
    const today = toLocalDate(now)
    const all = await this.sessionsBetween(studioId, today, this.horizonEnd(today), { includeCancelled: true })
    return all.filter((s) => this.endOf(s) > now).slice(0, limit)
  }

  /** A person's duties in [from, to] (any studio they sit for), cancelled sessions left out. */
  async dutiesOf(personId: string, from: LocalDate, to: LocalDate): Promise<Session[]> {
    const studioId = this.o.directory.person(personId)?.studioId
    const studios = studioId ? [studioId] : this.o.directory.studios.map((s) => s.id)
    const out: Session[] = []
    for (const id of studios) for (const s of await this.sessionsBetween(id, from, to)) if (s.duty.includes(personId)) out.push(s)
    return out.sort(byDate)
  }

  /** Announced: the exactly-once marker exists or the session records it. */
  isAnnounced(s: Session): boolean {
    return s.announcedAt !== undefined || this.o.outbox.has(announceMarker(s.id))
  }

  /**
   * What the group was last told about the duty: `announcedDuty`, or (the roster write after the
   * announcement was lost) the duty as it stood when the marker was written.
   */
  announcedDutyOf(s: Session): string[] {
    if (s.announcedDuty) return s.announcedDuty
    const at = s.announcedAt ?? this.o.store.state.data.markers[announceMarker(s.id)]
    if (at === undefined) return []
    return s.history.filter((h) => h.at <= at).at(-1)?.after ?? []
  }

  startOf(s: Pick<Session, 'date' | 'time'>): number {
    return toInstant(s.date, s.time)
  }

  endOf(s: Pick<Session, 'date' | 'time' | 'durationMinutes'>): number {
    return toInstant(s.date, s.time) + s.durationMinutes * 60_000
  }

  /**
   * Last day planned ahead: the end of the month `roster.horizonMonths` after the current one (in December
   * with the default 2: the end of February), so a whole month's roster is always there to look at; and
   * never less than 31 days ahead, so every session is staffed before its announcement (at most 30 days
   * ahead) falls due.
   */
  horizonEnd(today: LocalDate): LocalDate {
    const [y, m] = splitDate(today)
    const i = y * 12 + (m - 1) + this.o.config.roster.horizonMonths
    const ey = Math.floor(i / 12)
    const em = (i % 12) + 1
    const end = makeDate(ey, em, daysInMonth(ey, em))
    const floor = addDays(today, MIN_HORIZON_DAYS)
    return end > floor ? end : floor
  }

  /** The dates the studio's rule yields in [from, to] (moved to working days). */
  ruleDates(studio: Studio, from: LocalDate, to: LocalDate): LocalDate[] {
    return receptionDatesBetween(studio.reception.rules, from, to, this.o.calendars.of(studio.id))
  }

  /**
   * Years in [from, to] where the studio has reception dates but the holiday calendar has no published
   * State Council schedule (weekends-only fallback in use). For the weekly post and the list commands.
   */
  calendarGapYears(studioId: string, from: LocalDate, to: LocalDate): number[] {
    const studio = this.o.directory.studio(studioId)
    if (!studio || to < from) return []
    const cal = this.o.calendars.of(studioId)
    const out: number[] = []
    for (let y = yearOf(from); y <= yearOf(to); y++) {
      if (cal.isYearCovered(y)) continue
      const a = y === yearOf(from) ? from : makeDate(y, 1, 1)
      const b = y === yearOf(to) ? to : makeDate(y, 12, 31)
      if (this.ruleDates(studio, a, b).length) out.push(y)
    }
    return out
  }

  /**
   * The stored session on `date`, or a new unstaffed one when the studio's rule yields that date and it
   * has not started (a date beyond the planning horizon, set by hand ahead of time). Otherwise undefined.
   */
  async ensureSession(studioId: string, date: LocalDate, now: number = this.o.clock.now()): Promise<Session | undefined> {
    return this.exclusive(async () => {
      const found = await this.sessionOn(studioId, date)
      if (found) return found
      const studio = this.o.directory.studio(studioId)
      if (!studio || !this.ruleDates(studio, date, date).includes(date)) return undefined
      const s = newSession(studio, date)
      if (this.startOf(s) <= now) return undefined
      const part = await this.partition(studioId, yearOf(date))
      part.data.sessions.push(s)
      part.data.sessions.sort(byDate)
      await part.commit()
      return s
    })
  }

  // ---- the lock --------------------------------------------------------------------------------------

  /**
   * Runs `fn` alone among changes, as one store transaction: everything it changes (sessions of any
   * studio-year, swap requests, outbox posts and markers, counters) is one durable record, or nothing if
   * it throws or the write fails. Calls from inside `fn` join it.
   */
  exclusive<T>(fn: () => Promise<T>): Promise<T> {
    return this.o.store.transaction(() => fn())
  }

  // ---- planning --------------------------------------------------------------------------------------

  /**
   * Staffs every studio's sessions from today to the horizon. Cheap when nothing changed since the last
   * run (same day, same representatives): the due-check calls it every minute.
   */
  ensurePlanned(now: number): Promise<PlanReport> {
    return (async () => {
      const report: PlanReport = { ran: false, added: [], dropped: [], restaffed: [], unfilled: [], attention: [], gapWarnings: [] }
      const today = toLocalDate(now)
      const signature = [today, ...this.o.directory.studios.map((s) => `${s.id}:${this.o.directory.repsOf(s.id).map((p) => p.id).join(',')}`)].join('|')
      if (signature === this.lastPlan) return report
      report.ran = true
      let failed = false
      for (const studio of this.o.directory.studios) {
        try {
          // One transaction per studio: a studio whose write fails keeps its old plan, the others go on.
          await this.exclusive(() => this.planStudio(studio, now, report))
        } catch (e) {
          // One studio's unreadable file must not stop the others; the next due-check tries again.
          failed = true
          this.o.log.error('roster planning failed', { studioId: studio.id, error: e })
        }
      }
      await this.exclusive(() => this.warnCalendarGaps(now, report))
      if (!failed) this.lastPlan = signature
      if (report.added.length || report.dropped.length || report.restaffed.length) {
        this.o.log.info('roster planned', { added: report.added.length, dropped: report.dropped, restaffed: report.restaffed })
      }
      for (const u of report.unfilled) this.o.log.warn('roster: seats nobody can fill', u)
      for (const a of report.attention) this.o.log.warn('roster: kept session needs attention', a)
      return report
    })()
  }

  private async planStudio(studio: Studio, now: number, report: PlanReport): Promise<void> {
    const today = toLocalDate(now)
    const end = this.horizonEnd(today)
    const ruleDates = new Set(this.ruleDates(studio, today, end))
    const parts = new Map<number, Part>()
    for (let y = yearOf(today); y <= yearOf(end); y++) parts.set(y, await this.partition(studio.id, y))
    const touched = new Set<Part>()
    const r = studio.reception

    for (const [, part] of parts) {
      const keep: Session[] = []
      for (const s of part.data.sessions) {
        // A crash between the announcement's outbox write and the roster write left only the marker.
        if (s.announcedAt === undefined && this.o.outbox.has(announceMarker(s.id))) {
          s.announcedDuty = this.announcedDutyOf(s)
          s.announcedAt = this.o.store.state.data.markers[announceMarker(s.id)]
          touched.add(part)
        }
        const decision = decideSession(
          { ...s, cancelled: !!s.cancelled, announced: this.isAnnounced(s), started: this.startOf(s) <= now },
          { today, end, onRule: ruleDates.has(s.date), settings: r },
        )
        if (decision === 'keep-off-rule') {
          this.o.log.once(`offrule:${s.id}`, () => this.o.log.warn('announced session no longer on the studio rule: kept', { sessionId: s.id }))
        }
        if (decision === 'drop') {
          report.dropped.push(s.id)
          touched.add(part)
          continue
        }
        if (decision === 'update') {
          s.time = r.time
          s.durationMinutes = r.durationMinutes
          s.place = r.place
          s.required = r.perSession
          touched.add(part)
        }
        keep.push(s)
      }
      part.data.sessions = keep
    }
    for (const date of ruleDates) {
      const part = parts.get(yearOf(date))!
      if (part.data.sessions.some((s) => s.date === date)) continue
      const s = newSession(studio, date)
      if (this.startOf(s) <= now) continue
      part.data.sessions.push(s)
      part.data.sessions.sort(byDate)
      report.added.push(s.id)
      touched.add(part)
    }

    // The whole current year goes to the planner (past sessions locked), so fairness counts every duty.
    const sessions = (await this.sessionsBetween(studio.id, makeDate(yearOf(today), 1, 1), end)).filter((s) => s.duty.length > 0 || s.date >= today)
    const reps = this.o.directory.repsOf(studio.id).map((p) => p.id)
    const unavailable = this.unavailable(reps)
    const valid = (s: Session) => s.duty.every((p) => reps.includes(p) && !unavailable[p]?.includes(s.date))
    const input: RosterSession[] = sessions.map((s) => ({
      id: s.id,
      date: s.date,
      required: s.required,
      duty: s.duty,
      locked: this.startOf(s) <= now || this.isAnnounced(s) || (s.history.some((h) => h.by !== SYSTEM) && valid(s)),
    }))
    const planned = planRoster({ sessions: input, reps, unavailable })
    const byId = new Map(sessions.map((s) => [s.id, s]))
    for (const p of planned) {
      const s = byId.get(p.id)!
      if (p.unfilled > 0 && this.startOf(s) > now) report.unfilled.push({ sessionId: s.id, seats: p.unfilled })
      for (const a of p.attention) if (this.startOf(s) > now) report.attention.push({ sessionId: s.id, ...a })
      if (!p.changed) continue
      const before = [...s.duty]
      s.duty = p.duty
      s.history.push({ at: now, by: SYSTEM, kind: s.history.length === 0 ? 'planned' : 'restaff', before, after: [...p.duty] })
      if (before.length) report.restaffed.push(s.id)
      touched.add(parts.get(yearOf(s.date))!)
    }
    await Promise.all([...touched].map((p) => p.commit()))
  }

  private unavailable(reps: string[]): Record<string, LocalDate[]> {
    const out: Record<string, LocalDate[]> = {}
    for (const p of this.o.config.people) if (reps.includes(p.id) && p.unavailable.length) out[p.id] = p.unavailable
    return out
  }

  /**
   * Warns each studio's coordinators, once per studio and year, when the planning horizon reaches a year
   * the holiday calendar does not cover (privately; in the studio's group when no coordinator is bound).
   */
  private async warnCalendarGaps(now: number, report: PlanReport): Promise<void> {
    const today = toLocalDate(now)
    for (const studio of this.o.directory.studios) {
      for (const year of this.calendarGapYears(studio.id, today, this.horizonEnd(today))) {
        const key = gapWarnedKey(studio.id, year)
        if (this.o.store.state.data.counters[key] !== undefined) continue
        const text = zh.roster.calendarGap(studio.name, year)
        const coordinators = contactsOf(this.o.directory, this.o.directory.coordinatorsOf(studio.id).map((p) => p.id))
        const room = this.o.directory.roomOf(studio.id)
        const reqs: OutgoingMessage[] = coordinators.length
          ? coordinators.map((contactId) => ({ to: { contactId }, text }))
          : room
            ? [{ to: { roomId: room }, text }]
            : []
        if (reqs.length === 0) {
          this.o.log.once(key, () => this.o.log.warn('calendar gap: nobody to warn', { studioId: studio.id, year }))
          continue
        }
        if (await this.o.outbox.post(gapMarker(studio.id, year), reqs, now)) report.gapWarnings.push({ studioId: studio.id, year })
        this.o.log.warn('holiday calendar does not cover a planned year: weekends-only fallback', { studioId: studio.id, year })
        await this.o.store.state.set('counters', key, now)
      }
    }
  }

  // ---- a new holiday calendar ------------------------------------------------------------------------

  /**
   * After a notice was loaded (the calendar changed under the roster): an announced, upcoming session
   * that now falls on a day off moves to the next working day (cancelled on its old date with the reason;
   * on the new date with the same duty, time and place, counted as announced, because the 更正 post
   * tells the group); then planning runs at once (not waiting for tomorrow's signature), so unannounced
   * sessions follow the new calendar: dropped where their date is now off, added on the moved dates.
   * Under the roster lock; idempotent (a second run finds nothing to move).
   */
  replanForCalendar(now: number, post: (from: Session, to: Session, studio: Studio) => OutgoingMessage[]): Promise<{ moved: { from: Session; to: Session }[]; report: PlanReport }> {
    return this.exclusive(async () => {
      const today = toLocalDate(now)
      const moved: { from: Session; to: Session }[] = []
      for (const studio of this.o.directory.studios) {
        const cal = this.o.calendars.of(studio.id)
        for (const s of await this.sessionsBetween(studio.id, today, this.horizonEnd(today))) {
          if (!this.isAnnounced(s) || this.startOf(s) <= now || cal.isWorkingDay(s.date)) continue
          const date = cal.nextWorkingDayOnOrAfter(s.date)
          const found = await this.sessionOn(studio.id, date)
          if (found && (found.cancelled || this.isAnnounced(found) || found.history.some((h) => h.by !== SYSTEM))) {
            // The next working day already holds a session people know about: keep both, tell the log.
            this.o.log.once(`move-blocked:${s.id}`, () => this.o.log.warn('session on a new day off not moved: the next working day has a session', { sessionId: s.id, date }))
            continue
          }
          const note = zh.calendar.movedNote(dateShort(s.date))
          const to: Session = found ?? newSession(studio, date)
          Object.assign(to, { time: s.time, durationMinutes: s.durationMinutes, place: s.place, required: s.required })
          to.history.push({ at: now, by: SYSTEM, kind: 'set', before: [...to.duty], after: [...s.duty], note })
          to.duty = [...s.duty]
          s.cancelled = { at: now, by: SYSTEM, reason: zh.calendar.movedReason(dateShort(date)) }
          s.history.push({ at: now, by: SYSTEM, kind: 'cancel', before: [...s.duty], after: [...s.duty], note: s.cancelled.reason })
          const part = await this.partition(studio.id, yearOf(date))
          if (!found) {
            part.data.sessions.push(to)
            part.data.sessions.sort(byDate)
          }
          // The 更正 post is the new date's announcement: its marker keeps the announcement job off it.
          await this.o.outbox.post(announceMarker(to.id), post(s, to, studio), now)
          to.announcedAt = now
          to.announcedDuty = [...to.duty]
          await Promise.all([...new Set([part, await this.partition(studio.id, yearOf(s.date))])].map((p) => p.commit()))
          moved.push({ from: s, to })
        }
      }
      this.lastPlan = ''
      const report = await this.ensurePlanned(now)
      return { moved, report }
    })
  }

  // ---- changing a duty -------------------------------------------------------------------------------

  /** Sets one session's duty; see `changeDuties`. */
  async changeDuty(
    sessionId: string,
    newDuty: string[],
    by: string,
    kind: DutyChange['kind'],
    note?: string,
    msgId?: string,
    opts: { now?: number; expect?: string[] } = {},
  ): Promise<Result<ChangeOutcome, ChangeDutyCode>> {
    const r = await this.changeDuties([{ sessionId, duty: newDuty, expect: opts.expect }], { by, kind, note, msgId, now: opts.now })
    return r.ok ? ok(r.value[0]) : r
  }

  /**
   * Sets the duty of one or more sessions (a swap touches two), all or nothing: every edit is checked
   * first (session exists, not cancelled, not ended, people are active representatives of its studio, no
   * one twice, not more than required, `expect` still holds), then each changed session gets a history
   * entry and is written; an announced one gets a correction in its group. A session with a history entry
   * not by SYSTEM is never re-planned (only a seat whose person left is re-staffed).
   */
  changeDuties(edits: DutyEdit[], meta: ChangeMeta): Promise<Result<ChangeOutcome[], ChangeDutyCode>> {
    return this.exclusive(async () => {
      const now = meta.now ?? this.o.clock.now()
      const found: Session[] = []
      for (const e of edits) {
        const s = await this.session(e.sessionId)
        if (!s) return err('session.not-found', { sessionId: e.sessionId })
        if (s.cancelled) return err('session.cancelled', { sessionId: s.id })
        if (this.endOf(s) <= now) return err('session.over', { sessionId: s.id })
        if (e.expect && !sameList(e.expect, s.duty)) return err('duty.stale', { sessionId: s.id })
        const reps = new Set(this.o.directory.repsOf(s.studioId).map((p) => p.id))
        const seen = new Set<string>()
        for (const p of e.duty) {
          if (seen.has(p)) return err('duty.duplicate', { personId: p })
          seen.add(p)
          if (!reps.has(p)) return err('duty.not-rep', { personId: p })
        }
        if (e.duty.length > s.required) return err('duty.too-many', { required: s.required, given: e.duty.length })
        found.push(s)
      }
      const outcomes: ChangeOutcome[] = []
      const touched = new Set<Part>()
      edits.forEach((e, i) => {
        const s = found[i]
        const before = [...s.duty]
        const changed = !sameList(before, e.duty)
        if (changed) {
          s.duty = [...e.duty]
          const entry: DutyChange = { at: now, by: meta.by, kind: meta.kind, before, after: [...e.duty] }
          if (meta.note) entry.note = meta.note
          if (meta.msgId) entry.msgId = meta.msgId
          s.history.push(entry)
        }
        outcomes.push({ session: s, before, changed, corrected: false })
      })
      for (const out of outcomes) if (out.changed) touched.add(await this.partition(out.session.studioId, yearOf(out.session.date)))
      await Promise.all([...touched].map((p) => p.commit()))
      for (const out of outcomes) if (out.changed) out.corrected = await this.correct(out.session, now)
      return ok(outcomes)
    })
  }

  // ---- announcing ------------------------------------------------------------------------------------

  /**
   * Queues the announcement of a session exactly once: `build` makes the post from the session as it is
   * under the lock; the marker and the post are written together, then the session records what was
   * announced. False when it was already announced, cancelled or is unknown.
   */
  announce(sessionId: string, build: (s: Session) => OutgoingMessage, now: number): Promise<boolean> {
    return this.exclusive(async () => {
      const s = await this.session(sessionId)
      if (!s || s.cancelled || this.isAnnounced(s)) return false
      const req = build(s)
      const posted = await this.o.outbox.post(announceMarker(s.id), [req], now)
      s.announcedAt = now
      s.announcedDuty = [...s.duty]
      await (await this.partition(s.studioId, yearOf(s.date))).commit()
      return posted
    })
  }

  /**
   * Posts the corrections still owed: announced, upcoming sessions whose duty differs from what the group
   * was last told (a crash after the change and before its correction). Run by the announcement job.
   */
  postPendingCorrections(now: number): Promise<number> {
    return this.exclusive(async () => {
      const today = toLocalDate(now)
      let n = 0
      for (const studio of this.o.directory.studios) {
        for (const s of await this.sessionsBetween(studio.id, today, this.horizonEnd(today))) {
          if (this.endOf(s) > now && (await this.correct(s, now))) n++
        }
      }
      return n
    })
  }

  /** Corrects an announced session whose duty moved away from `announcedDuty`. Caller holds the lock. */
  private async correct(s: Session, now: number): Promise<boolean> {
    if (!this.isAnnounced(s) || s.cancelled || this.endOf(s) <= now) return false
    const told = this.announcedDutyOf(s)
    if (sameList(told, s.duty)) return false
    const studio = this.o.directory.studio(s.studioId)
    const room = this.o.directory.roomOf(s.studioId)
    if (!studio || !room) {
      this.o.log.once(`correct:${s.id}`, () => this.o.log.warn('correction not posted: studio has no group', { sessionId: s.id }))
      return false
    }
    const note = s.history.at(-1)?.note
    const posted = await this.o.outbox.post(correctMarker(s.id, s.history.length), [correctionPost(this.o.directory, studio, s, told, room, note)], now)
    s.announcedDuty = [...s.duty]
    await (await this.partition(s.studioId, yearOf(s.date))).commit()
    return posted
  }

  // ---- odds and ends ---------------------------------------------------------------------------------

}

function newSession(studio: Studio, date: LocalDate): Session {
  const r = studio.reception
  return {
    id: sessionIdOf(studio.id, date),
    studioId: studio.id,
    date,
    time: r.time,
    durationMinutes: r.durationMinutes,
    place: r.place,
    required: r.perSession,
    duty: [],
    attendance: [],
    history: [],
  }
}
