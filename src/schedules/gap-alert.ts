/**
 * The gap guard (不得空岗): once a day, at `swaps.gapAlertAt` (Asia/Shanghai), every studio whose sessions
 * in the next `swaps.gapWindowDays` days (today included, not yet started, not cancelled) have fewer
 * representatives than required gets one alert in its group, @mentioning its coordinators, the people on
 * those sessions and those whose leave opened the seat, with the fairest people to ask. It repeats each
 * day while a gap remains and stops once the sessions are filled.
 *
 * Exactly once per studio and day: the outbox marker `gap-alert:<studio>:<date>` is written with the post.
 * Seats at risk (a duty representative who had not confirmed by `reminders.confirmBy` the day before)
 * are listed as well, with those people, even when the session is otherwise full.
 *
 * A due-check after the alert time (a restart, the bot back from downtime later that day) posts the day's
 * alert if it is still owed and the gap still open; a day spent wholly offline gets none (the next day's
 * alert covers it).
 */
import { eachStudio, type Job } from './job.js'
import type { Deps } from '../app/deps.js'
import type { Studio } from '../domain/model.js'
import { addDays, toInstant, toLocalDate } from '../domain/time/local-date.js'
import { openGaps, seatsAtRisk } from '../app/open-gaps.js'
import { gapAlertPost, type GapLine } from '../text/posts/swaps.js'

/** How many people the alert suggests for each gap. */
export const SUGGEST = 3

export const gapAlertMarker = (studioId: string, date: string): string => `gap-alert:${studioId}:${date}`

export const gapAlertJob: Job = {
  name: 'gap-alert',
  async run(deps, firedAt) {
    const today = toLocalDate(firedAt)
    if (firedAt < toInstant(today, deps.config.swaps.gapAlertAt)) return
    await eachStudio(deps, 'gap alert', (studio) => alertStudio(deps, studio, firedAt))
  },
}

async function alertStudio(deps: Deps, studio: Studio, now: number): Promise<void> {
  const { roster, swaps, directory, outbox, config, log } = deps
  const today = toLocalDate(now)
  const marker = gapAlertMarker(studio.id, today)
  if (outbox.has(marker)) return
  const window = config.swaps.gapWindowDays
  const gaps = (await openGaps(roster, studio.id, today, addDays(today, window), now)).filter((s) => roster.startOf(s) > now)
  // Seats whose representative has not confirmed by the deadline are at risk: listed too, full or not.
  const risky = new Map((await seatsAtRisk(roster, studio.id, today, addDays(today, window), config.reminders, now)).map((r) => [r.session.id, r.people]))
  for (const id of risky.keys()) if (!gaps.some((s) => s.id === id)) gaps.push((await roster.session(id))!)
  gaps.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
  if (gaps.length === 0) return
  const room = directory.roomOf(studio.id)
  if (!room) {
    deps.log.once(marker, () => log.warn('gap alert waits: the studio has no group bound', { studioId: studio.id }))
    return
  }
  const open = await swaps.openOf(studio.id, now)
  const lines: GapLine[] = []
  for (const s of gaps) {
    const left = open.filter((r) => r.kind === 'leave' && r.sessionId === s.id).map((r) => r.from)
    const atRisk = risky.get(s.id) ?? []
    const short = s.duty.length < s.required || atRisk.length > 0
    lines.push({ session: s, left, atRisk, candidates: short ? await swaps.candidates(s, [...left, ...atRisk], SUGGEST, now) : [] })
  }
  if (await outbox.post(marker, [gapAlertPost(directory, studio, lines, window, room)], now)) {
    log.info('gap alert posted', { studioId: studio.id, sessions: gaps.map((s) => s.id) })
  }
}
