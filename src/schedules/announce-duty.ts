/**
 * The duty announcement: `announceDaysBefore` calendar days before each session (posted even on a
 * holiday), at `announceAt` Asia/Shanghai, one post in the studio's group naming the duty representatives
 * (name, unit, position) and @mentioning them.
 *
 * Exactly once: the service writes the marker `announce:<sessionId>` and the post in one write of
 * state.json. What the check does with a session, at the instant it fires:
 * - before the due time: nothing yet;
 * - due, and at most GRACE after the due time: the post (a due-check runs every minute; a restart right
 *   after the time is not a late post);
 * - due longer ago (the bot was down), the session not yet started: the post, marked 补发;
 * - the session has started or passed: nothing is posted, a warning is logged (once per process).
 * Each run also posts any correction still owed (see RosterService.postPendingCorrections).
 */
import { eachStudio, type Job } from './job.js'
import type { Deps } from '../app/deps.js'
import type { Session, Studio } from '../domain/model.js'
import { addDays, beijingStamp, toInstant, toLocalDate, yearOf } from '../domain/time/local-date.js'
import { announcementPost } from '../text/posts/roster.js'

/** A post this soon after its due time is on time, not 补发. */
export const GRACE_MS = 10 * 60_000
/** How far back a missed announcement is still noticed and logged. */
const LOOK_BACK_DAYS = 31

/** The instant a session's announcement is due: N calendar days before, at announceAt (Asia/Shanghai). */
export function announcementDueAt(studio: Studio, s: Pick<Session, 'date'>): number {
  return toInstant(addDays(s.date, -studio.reception.announceDaysBefore), studio.reception.announceAt)
}

export const announceDutyJob: Job = {
  name: 'announce-duty',
  async run(deps, firedAt) {
    await deps.roster.postPendingCorrections(firedAt)
    await eachStudio(deps, 'announcement', (studio) => announceStudio(deps, studio, firedAt))
  },
}

async function announceStudio(deps: Deps, studio: Studio, now: number): Promise<void> {
  const { roster, directory, log } = deps
  const today = toLocalDate(now)
  const sessions = await roster.sessionsBetween(studio.id, addDays(today, -LOOK_BACK_DAYS), addDays(today, studio.reception.announceDaysBefore + 1))
  for (const s of sessions) {
    if (roster.isAnnounced(s)) continue
    const due = announcementDueAt(studio, s)
    if (now < due) continue
    if (now >= roster.startOf(s)) {
      deps.log.once(`missed:${s.id}`, () =>
        log.warn('announcement not posted: the session started while the bot was down', { sessionId: s.id, dueAt: beijingStamp(due) }),
      )
      continue
    }
    const room = directory.roomOf(studio.id)
    if (!room) {
      deps.log.once(`noroom:${s.id}`, () => log.warn('announcement waits: the studio has no group bound', { sessionId: s.id }))
      continue
    }
    const late = now - due > GRACE_MS
    const posted = await roster.announce(s.id, (cur) => announcementPost(directory, studio, cur, room, late, deps.calendars.of(studio.id).sourceOf(yearOf(cur.date)) === 'provisional'), now)
    if (posted) log.info(late ? 'announcement posted late (marked as resent)' : 'announcement posted', { sessionId: s.id })
  }
}
