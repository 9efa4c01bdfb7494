/**
 * Reading the roster: sessions by studio and date, the planning horizon, the lock (the first of the
 * roster service's three files; planning: roster-planner.ts; changing and announcing duties:
 * roster-service.ts). The roster is every studio's reception sessions (党代表接待日), who sits them, and
 * what was announced. Sessions live in the store's partitions `roster/<studio>/<year>.json` (by the session's
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
import { receptionDatesBetween } from '../domain/calendar/reception-rule.js'
import { addDays, daysInMonth, makeDate, splitDate, toInstant, toLocalDate, yearOf, type LocalDate } from '../domain/time/local-date.js'
import type { Directory } from './directory.js'
import type { Calendars } from './calendars.js'
import type { Outbox } from './outbox.js'
import { parseSessionId, sessionIdOf } from '../domain/roster/session-id.js'

/** `by` of changes the bot makes itself (planning, re-staffing). */
export const SYSTEM = 'system'

/** The horizon reaches at least this far: longer than the longest announcement lead (30 days). */
const MIN_HORIZON_DAYS = 31

export const announceMarker = (sessionId: string): string => `announce:${sessionId}`
export const correctMarker = (sessionId: string, n: number): string => `correct:${sessionId}:${n}`
export const gapMarker = (studioId: string, year: number): string => `calendar-gap:${studioId}:${year}`
/** Kept in state.counters (never pruned, unlike markers): the calendar-gap warning went out for that studio-year. */
export const gapWarnedKey = (studioId: string, year: number): string => `roster.calendarGapWarned:${studioId}:${year}`


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


export type Part = Partition<RosterData>

export const sameList = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((x, i) => x === b[i])
export const byDate = (a: Session, b: Session): number => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

/** The roster read: sessions by studio, date and person, announced or not, the planning horizon. */
export class RosterQueries {
  protected constructor(protected readonly o: RosterServiceOptions) {}

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

  /**
   * Sessions in [from, to] the person is or was on (any change named them), cancelled ones included: what
   * their calendar must carry, the ones they no longer have to be sent as cancelled.
   */
  async everDutiesOf(personId: string, from: LocalDate, to: LocalDate): Promise<Session[]> {
    const studioId = this.o.directory.person(personId)?.studioId
    const studios = studioId ? [studioId] : this.o.directory.studios.map((s) => s.id)
    const out: Session[] = []
    for (const id of studios) {
      for (const s of await this.sessionsBetween(id, from, to, { includeCancelled: true })) {
        if (s.duty.includes(personId) || s.history.some((h) => h.before.includes(personId) || h.after.includes(personId))) out.push(s)
      }
    }
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
   * State Council schedule (the provisional statutory calendar is in use). For the weekly post and the list commands.
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

  // ---- the lock --------------------------------------------------------------------------------------

  /**
   * Runs `fn` alone among changes, as one store transaction: everything it changes (sessions of any
   * studio-year, swap requests, outbox posts and markers, counters) is one durable record, or nothing if
   * it throws or the write fails. Calls from inside `fn` join it.
   */
  exclusive<T>(fn: () => Promise<T>): Promise<T> {
    return this.o.store.transaction(() => fn())
  }
}

export function newSession(studio: Studio, date: LocalDate): Session {
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
