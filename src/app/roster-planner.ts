/**
 * Planning the roster: every studio's sessions from today to the horizon, staffed fairly
 * (domain/roster/plan-roster.ts; which stored sessions planning may change: domain/roster/keep-or-drop.ts),
 * the calendar-gap warnings, sessions made on demand, and re-planning after a holiday notice.
 */
import type { Session, Studio } from '../domain/model.js'
import { planRoster, type RosterSession } from '../domain/roster/plan-roster.js'
import { makeDate, toLocalDate, yearOf, type LocalDate } from '../domain/time/local-date.js'
import type { OutgoingMessage } from '../messages/message.js'
import { contactsOf, dateShort } from '../text/posts/roster.js'
import { zh } from '../text/zh-CN.js'
import { decideSession } from '../domain/roster/keep-or-drop.js'
import { confirmationsAfter } from '../domain/roster/duty-confirmation.js'

import { RosterQueries, SYSTEM, announceMarker, byDate, gapMarker, gapWarnedKey, newSession, type Part, type PlanReport } from './roster-queries.js'

export class RosterPlanner extends RosterQueries {
  private lastPlan = ''

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
      if (s.confirmations) s.confirmations = confirmationsAfter(s.confirmations, p.duty, [], 'restaff', now)
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
        this.o.log.warn(zh.roster.calendarGapLog(studio.name, year), { studioId: studio.id, year })
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
}
