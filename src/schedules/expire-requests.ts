/**
 * Request expiry: every due-check lapses the substitute and swap requests whose time is up (`expireHours`
 * after they were made, never later than the start of a session they touch), closes leave records whose
 * seat was filled by other means, and tells each asker once that their request lapsed (privately when their
 * WeChat contact is known, else in the studio's group).
 *
 * Exactly once: the notice goes through the outbox under the marker `swap-expired:<number>`; the job looks
 * at every request that expired in the last NOTICE_DAYS, so a crash between marking a request expired and
 * queuing its notice is caught by the next run, and a restart never repeats one.
 */
import type { Job } from './job.js'
import { expiredNotice } from '../text/posts/swaps.js'

/** How far back an expired request still gets its notice (downtime longer than this loses it, logged). */
const NOTICE_DAYS = 2

export const expiredMarker = (id: string): string => `swap-expired:${id}`

export const expireRequestsJob: Job = {
  name: 'expire-requests',
  async run(deps, firedAt) {
    const { swaps, roster, directory, outbox, log } = deps
    await swaps.sweep(firedAt)
    for (const studio of directory.studios) {
      for (const r of await swaps.requestsOf(studio.id, firedAt)) {
        if (r.status !== 'expired' || r.kind === 'leave' || outbox.has(expiredMarker(r.id))) continue
        if ((r.decidedAt ?? 0) < firedAt - NOTICE_DAYS * 86_400_000) continue
        const s = await roster.session(r.sessionId)
        const other = r.otherSessionId ? await roster.session(r.otherSessionId) : undefined
        const req = s ? expiredNotice(directory, r, s, other, directory.roomOf(studio.id)) : undefined
        if (!req) {
          deps.log.once(expiredMarker(r.id), () => log.warn('expired request: nobody to tell', { request: r.id }))
          continue
        }
        if (await outbox.post(expiredMarker(r.id), [req], firedAt)) log.info('request expired, asker told', { request: r.id })
      }
    }
  },
}
