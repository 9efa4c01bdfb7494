/**
 * Loading the State Council's holiday notice into the running bot, and what follows from it.
 *
 * - `read(text)`: parse (domain/calendar/parse-holiday-notice.ts); the admin sees it day by day and what
 *   would change. Nothing is stored until `/确认放假安排` (`confirm`): the parsed notice waits in memory
 *   for 30 minutes per admin (a restart forgets it: paste again).
 * - `confirm` → `saveNotice` (`<data>/calendar/<year>.json`, atomic) → `apply`: every calendar is rebuilt
 *   with it, announced sessions now on a day off move to the next working day with a 更正 post and their
 *   coordinators told, unannounced sessions are re-planned, open issues' due dates are recomputed. No restart.
 * - `checkFolder` (the minute's due-check): a notice file written by `npm run calendar -- import` (or
 *   changed on disk) is applied the same way.
 * - `comparePackage` (start-up): a year loaded from a notice that chinese-days now covers too is compared
 *   day by day; a difference is told to the admins once (marker per year and difference).
 */
import type { Clock } from '../platform/clock.js'
import type { Logger } from '../platform/logger.js'
import { parseHolidayNotice, type HolidayNotice } from '../domain/calendar/parse-holiday-notice.js'
import { packageYear, type NoticeDays } from '../domain/calendar/working-calendar.js'
import { err, ok, type Result } from '../domain/result.js'
import { addDays, isoWeekday, makeDate, toLocalDate, yearOf, type LocalDate } from '../domain/time/local-date.js'
import type { Session, Studio } from '../domain/model.js'
import type { Calendars } from './calendars.js'
import type { Directory } from './directory.js'
import type { Outbox } from './outbox.js'
import type { RosterService } from './roster-service.js'
import type { OutgoingMessage } from '../messages/message.js'
import { contactsOf, dateLong, dateShort, movedSessionPost } from '../text/posts/roster.js'
import { daysOf, loadNotices, noticeStamps, saveNotice, type StoredNotice } from './holiday-notice-file.js'
import { recomputeDeadlines, type DeadlineChange } from './recompute-deadlines.js'
import type { IssueRepo } from './issue-repo.js'
import type { Store } from '../platform/store/store.js'
import { zh } from '../text/zh-CN.js'

/**
 * Kept in state.counters once a notice's consequences (moves, re-plan, deadlines) are done: the
 * confirmation instant of the notice applied. A notice on disk whose counter differs (a crash after the
 * file was written, or a console import while the bot was stopped) is applied at the first due-check.
 */
const appliedKey = (year: number): string => `calendar.noticeApplied:${year}`

/** How long a parsed notice waits for /确认放假安排, and a bare /放假安排 for the pasted text. */
export const PENDING_MS = 30 * 60_000

export interface HolidayNoticeOptions {
  dataDir: string
  /** For the "applied" counter in state.json (see `appliedKey`). */
  store: Store<any>
  calendars: Calendars
  directory: Directory
  outbox: Outbox
  clock: Clock
  log: Logger
  roster: () => RosterService
  issues: () => IssueRepo
  /** Notices already on disk (read before the calendars were built). */
  loaded: Map<number, StoredNotice & { mtimeMs: number }>
}

export interface ApplyOutcome {
  year: number
  moved: { from: Session; to: Session }[]
  added: number
  dropped: number
  deadlines: DeadlineChange[]
}

export class HolidayNotices {
  private pending = new Map<string, { notice: HolidayNotice; text: string; until: number }>()
  private awaiting = new Map<string, number>()
  private stamps = new Map<number, number>()
  private startupDone = false

  constructor(private readonly o: HolidayNoticeOptions) {
    for (const [y, n] of o.loaded) this.stamps.set(y, n.mtimeMs)
  }

  /** The notices read from disk at start-up, for the calendars. */
  static async readAll(dataDir: string): Promise<Map<number, StoredNotice & { mtimeMs: number }>> {
    return loadNotices(dataDir)
  }

  static initialDays(loaded: Map<number, StoredNotice>): Map<number, NoticeDays> {
    return new Map([...loaded].map(([y, n]) => [y, daysOf(n)]))
  }

  // ---- the chat flow ---------------------------------------------------------------------------------

  /** A bare /放假安排: the admin's next plain message in the private chat is the notice. */
  awaitText(contactId: string, now: number): void {
    this.awaiting.set(contactId, now + PENDING_MS)
  }

  /** True (once) when this contact's plain message is the notice text they were asked for. */
  takeAwaiting(contactId: string, now: number): boolean {
    const until = this.awaiting.get(contactId)
    if (until === undefined) return false
    this.awaiting.delete(contactId)
    return until > now
  }

  /** Parses the text and keeps it for this admin's confirmation. */
  read(contactId: string, text: string, now: number): Result<HolidayNotice, string> {
    this.awaiting.delete(contactId)
    const r = parseHolidayNotice(text)
    if (!r.ok) return r
    this.pending.set(contactId, { notice: r.value, text, until: now + PENDING_MS })
    return ok(r.value)
  }

  /** What the admin sees before confirming: the notice day by day, and what would change. */
  async preview(notice: HolidayNotice, now: number): Promise<string> {
    const cal = this.o.calendars.district
    const y = notice.year
    const source = cal.sourceOf(y)
    const current = zh.calendar.sourceName[source](y)
    const { onlyNew: newOff, onlyOld: noLongerOff } = diffOff(this.o.calendars, notice)
    const newWork = notice.workdays.filter((d) => !cal.isWorkingDay(d))
    const changes: string[] = []
    if (newOff.length) changes.push(zh.calendar.changeOff(newOff.map(dateShort)))
    if (newWork.length) changes.push(zh.calendar.changeWork(newWork.map(dateShort)))
    if (noLongerOff.length) changes.push(zh.calendar.changeNoLongerOff(noLongerOff.map(dateShort)))
    const off = new Set(notice.holidays)
    const today = toLocalDate(now)
    const roster = this.o.roster()
    let hit = 0
    for (const studio of this.o.directory.studios) {
      for (const s of await roster.sessionsBetween(studio.id, today, roster.horizonEnd(today))) if (off.has(s.date) && roster.isAnnounced(s)) hit++
    }
    if (hit) changes.push(zh.calendar.changeSessions(hit))
    return zh.calendar.preview({
      year: y,
      items: notice.items.map((it) => ({ name: it.name, off: it.holidays.map((d) => dateWithYear(d, y)), work: it.workdays.map((d) => dateWithYear(d, y)) })),
      offCount: notice.holidays.length,
      workCount: notice.workdays.length,
      current,
      changes,
    })
  }

  /** /确认放假安排: stores this admin's pending notice and puts it in force. */
  async confirm(contactId: string, by: string, now: number): Promise<Result<ApplyOutcome, 'nothing' | 'expired'>> {
    const p = this.pending.get(contactId)
    if (!p) return err('nothing')
    this.pending.delete(contactId)
    if (p.until <= now) return err('expired')
    const stored = { year: p.notice.year, holidays: p.notice.holidays, workdays: p.notice.workdays, confirmedAt: now, confirmedBy: by, text: p.text }
    await saveNotice(this.o.dataDir, stored)
    this.o.log.info('holiday notice confirmed', { year: stored.year, by, holidays: stored.holidays.length, workdays: stored.workdays.length })
    const outcome = await this.apply(stored, now)
    // The file this process wrote is not "new on disk" for the minute's check.
    const stamps = await noticeStamps(this.o.dataDir)
    const st = stamps.get(stored.year)
    if (st !== undefined) this.stamps.set(stored.year, st)
    return ok(outcome)
  }

  // ---- putting a notice in force -------------------------------------------------------------------------

  /** Uses the notice from now on and brings sessions and deadlines in line with it. */
  async apply(n: Pick<StoredNotice, 'year' | 'holidays' | 'workdays' | 'confirmedAt'>, now: number): Promise<ApplyOutcome> {
    this.o.calendars.setNotice(n.year, daysOf(n as StoredNotice))
    // Everything the notice changes (moved and re-planned sessions of every studio and year, recounted
    // deadlines, the posts about them, the "applied" counter) is one store transaction: all or nothing.
    const out = await this.o.store.transaction(async () => {
      const roster = this.o.roster()
      const { moved, report } = await roster.replanForCalendar(now, (from, to, studio) => this.movedPosts(from, to, studio))
      const deadlines = await recomputeDeadlines(this.o.issues(), this.o.calendars, this.o.directory, this.o.outbox, now)
      await this.o.store.state.set('counters', appliedKey(n.year), n.confirmedAt)
      return { year: n.year, moved, added: report.added.length, dropped: report.dropped.length, deadlines }
    })
    this.o.log.info('holiday notice in force', { year: n.year, moved: out.moved.length, added: out.added, dropped: out.dropped, deadlines: out.deadlines.length })
    return out
  }

  private movedPosts(from: Session, to: Session, studio: Studio): OutgoingMessage[] {
    const out: OutgoingMessage[] = []
    const room = this.o.directory.roomOf(studio.id)
    if (room) out.push(movedSessionPost(this.o.directory, studio, from, to, room))
    const text = zh.calendar.movedToCoordinator({ studio: studio.name, from: dateShort(from.date), to: dateShort(to.date) })
    for (const contactId of contactsOf(this.o.directory, this.o.directory.coordinatorsOf(studio.id).map((p) => p.id))) out.push({ to: { contactId }, text })
    return out
  }

  /** The minute's check: a notice file new or changed on disk (a console import) is put in force. */
  async checkFolder(now: number): Promise<number[]> {
    const stamps = await noticeStamps(this.o.dataDir)
    const changed = [...stamps].filter(([y, t]) => this.stamps.get(y) !== t).map(([y]) => y)
    if (!this.startupDone) {
      // Notices read at start-up whose consequences were never carried out (see appliedKey).
      this.startupDone = true
      const counters = (this.o.store.state.data as { counters: Record<string, number> }).counters
      for (const [y, n] of this.o.loaded) if (counters[appliedKey(y)] !== n.confirmedAt && !changed.includes(y)) changed.push(y)
    }
    if (changed.length === 0) return []
    const all = await loadNotices(this.o.dataDir)
    const done: number[] = []
    for (const y of changed) {
      const n = all.get(y)
      if (!n) continue
      this.stamps.set(y, n.mtimeMs)
      await this.apply(n, now)
      this.o.log.info('holiday notice loaded from disk', { year: y, by: n.confirmedBy })
      done.push(y)
    }
    return done
  }

  /** Start-up: loaded notices that chinese-days now covers too, compared; differences told to admins once. */
  async comparePackage(loaded: Map<number, StoredNotice>, now: number): Promise<number[]> {
    const differing: number[] = []
    for (const [y, n] of loaded) {
      const pkg = packageYear(y)
      if (!pkg) continue
      const inYear = (list: LocalDate[]) => list.filter((d) => yearOf(d) === y)
      const d = {
        year: y,
        onlyNoticeOff: minus(inYear(n.holidays), pkg.holidays).map(dateShort),
        onlyPackageOff: minus(pkg.holidays, inYear(n.holidays)).map(dateShort),
        onlyNoticeWork: minus(inYear(n.workdays), pkg.workdays).map(dateShort),
        onlyPackageWork: minus(pkg.workdays, inYear(n.workdays)).map(dateShort),
      }
      if (!d.onlyNoticeOff.length && !d.onlyPackageOff.length && !d.onlyNoticeWork.length && !d.onlyPackageWork.length) {
        this.o.log.info('holiday notice matches chinese-days', { year: y })
        continue
      }
      differing.push(y)
      this.o.log.warn('holiday notice differs from chinese-days', d)
      const text = zh.calendar.packageDiffers(d)
      const admins = contactsOf(this.o.directory, this.o.directory.admins().map((p) => p.id))
      const marker = `calendar-diff:${y}:${hash(text)}`
      if (admins.length) await this.o.outbox.post(marker, admins.map((contactId) => ({ to: { contactId }, text })), now)
    }
    return differing
  }
}

const minus = (a: LocalDate[], b: LocalDate[]): LocalDate[] => {
  const s = new Set(b)
  return a.filter((x) => !s.has(x))
}

/** Days off of the notice's year: the notice's against what the district calendar uses now (weekends aside). */
function diffOff(calendars: Calendars, notice: HolidayNotice): { onlyNew: LocalDate[]; onlyOld: LocalDate[] } {
  const cal = calendars.district
  const onlyNew = notice.holidays.filter((d) => cal.isWorkingDay(d))
  const named = new Set([...notice.holidays, ...notice.workdays])
  const onlyOld: LocalDate[] = []
  for (let d = makeDate(notice.year, 1, 1); d <= makeDate(notice.year, 12, 31); d = addDays(d, 1)) {
    if (!cal.isWorkingDay(d) && isoWeekday(d) <= 5 && !named.has(d)) onlyOld.push(d)
  }
  return { onlyNew, onlyOld }
}

/** 1月1日（周五）, with the year when it is not the notice's (元旦 beginning on 31 December). */
function dateWithYear(d: LocalDate, year: number): string {
  return yearOf(d) === year ? dateShort(d) : dateLong(d)
}

function hash(s: string): string {
  let h = 0
  for (let i = 0; i < s.length; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0
  return (h >>> 0).toString(36)
}
