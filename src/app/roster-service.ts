/**
 * Changing and announcing duties (the roster service's third file, deps.roster; reading:
 * roster-queries.ts, planning: roster-planner.ts): a person's change of an upcoming duty, all or nothing under
 * the lock, with a correction in the group when it was announced; the exactly-once announcement; the
 * sweep of corrections still owed.
 */
import type { Confirmation, DutyChange, Session } from '../domain/model.js'
import { confirmationsAfter, isConfirmed } from '../domain/roster/duty-confirmation.js'
import { toLocalDate, yearOf } from '../domain/time/local-date.js'
import { err, ok, type Result } from '../domain/result.js'
import type { OutgoingMessage } from '../messages/message.js'
import { correctionPost } from '../text/posts/roster.js'

import { RosterPlanner } from './roster-planner.js'
import { announceMarker, correctMarker, sameList, type Part, type ChangeDutyCode, type ChangeMeta, type ChangeOutcome, type DutyEdit, type RosterServiceOptions } from './roster-queries.js'

export { SYSTEM, announceMarker, type ChangeDutyCode, type ChangeMeta, type ChangeOutcome, type DutyEdit, type PlanReport, type RosterServiceOptions } from './roster-queries.js'

export type ConfirmCode = 'session.not-found' | 'session.cancelled' | 'session.started' | 'confirm.not-on'

export class RosterService extends RosterPlanner {
  /** Loads the roster files of last year and later (the ones that can hold live sessions or recent changes). */
  static async open(o: RosterServiceOptions): Promise<RosterService> {
    const r = new RosterService(o)
    const year = yearOf(toLocalDate(o.clock.now()))
    const parts = (await o.store.listPartitions('roster')).filter((p) => p.year >= year - 1)
    await Promise.all(parts.map((p) => o.store.roster(p.studioId, p.year)))
    o.log.info('roster loaded', { partitions: parts.length })
    return r
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
          // Whoever came off loses their confirmation; whoever took the seat themselves has confirmed.
          const confirmations = confirmationsAfter(s.confirmations, s.duty, s.duty.filter((p) => !before.includes(p)), meta.kind, now)
          if (confirmations.length || s.confirmations) s.confirmations = confirmations
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

  // ---- confirming ------------------------------------------------------------------------------------

  /**
   * A duty representative confirms they will come: recorded on the session (its roster partition, in the
   * caller's transaction). `already` when they had confirmed before (nothing is written).
   */
  confirm(sessionId: string, personId: string, via: Confirmation['via'], now: number): Promise<Result<{ session: Session; already: boolean }, ConfirmCode>> {
    return this.exclusive(async () => {
      const s = await this.session(sessionId)
      if (!s) return err('session.not-found', { sessionId })
      if (s.cancelled) return err('session.cancelled', { sessionId })
      if (this.startOf(s) <= now) return err('session.started', { sessionId })
      if (!s.duty.includes(personId)) return err('confirm.not-on', { sessionId, personId })
      if (isConfirmed(s, personId)) return ok({ session: s, already: true })
      s.confirmations = [...(s.confirmations ?? []), { personId, at: now, via }]
      await (await this.partition(s.studioId, yearOf(s.date))).commit()
      return ok({ session: s, already: false })
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
}
