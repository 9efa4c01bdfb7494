/**
 * The duty desk's timed posts, all private:
 * - the reminder to each duty representative the evening before (`reminders.dayBeforeAt`) and on the
 *   morning of the session (`reminders.morningAt`, when that is before the start), with place, time, who
 *   else is on duty and whether they confirmed, and the handoff digest (the studio's open issues and what
 *   the last session registered, masked as for any representative);
 * - past `reminders.confirmBy` on the day before, the studio's coordinators (with none bound, the admins)
 *   are told about each representative who has not confirmed.
 *
 * Exactly once per person: the outbox markers `remind:<eve|morning>:<session>:<person>` and
 * `unconfirmed:<session>:<person>` are written with the post. A replacement gets their own reminder (and,
 * unconfirmed after the deadline, their own notice). A bot down through the evening reminder sends the
 * morning one only; nothing is sent once the session has started. Which reminder is due:
 * domain/roster/duty-confirmation.ts.
 */
import { eachStudio, type Job } from './job.js'
import type { Deps } from '../app/deps.js'
import type { Session, Studio } from '../domain/model.js'
import { addDays, toLocalDate } from '../domain/time/local-date.js'
import { atRisk, confirmDeadline, reminderDue } from '../domain/roster/duty-confirmation.js'
import { reminderText, unconfirmedText, type Handoff } from '../text/posts/duty.js'
import { contactsOf } from '../text/posts/roster.js'

export const reminderMarker = (kind: 'eve' | 'morning', sessionId: string, personId: string): string => `remind:${kind}:${sessionId}:${personId}`
export const unconfirmedMarker = (sessionId: string, personId: string): string => `unconfirmed:${sessionId}:${personId}`

/** How far back the handoff looks for the studio's previous session. */
const LAST_SESSION_LOOKBACK_DAYS = 92

export const dutyRemindersJob: Job = {
  name: 'duty-reminders',
  async run(deps, firedAt) {
    await eachStudio(deps, 'duty reminders', (studio) => remindStudio(deps, studio, firedAt))
  },
}

async function remindStudio(deps: Deps, studio: Studio, now: number): Promise<void> {
  const { roster, outbox, config, directory, log } = deps
  const today = toLocalDate(now)
  // Today's sessions (the morning reminder) and tomorrow's (the evening one, the confirmation deadline).
  const sessions = (await roster.sessionsBetween(studio.id, today, addDays(today, 1))).filter((s) => roster.startOf(s) > now)
  for (const s of sessions) {
    let handoff: Handoff | undefined
    const kind = reminderDue(s, config.reminders, now)
    if (kind) {
      for (const personId of s.duty) {
        const marker = reminderMarker(kind, s.id, personId)
        if (outbox.has(marker)) continue
        const contactId = directory.contactOf(personId)
        if (!contactId) {
          log.once(marker, () => log.warn('duty reminder not sent: no WeChat contact bound', { sessionId: s.id, personId }))
          continue
        }
        handoff ??= await handoffOf(deps, studio, s)
        const text = reminderText(deps, studio, s, personId, kind === 'eve', handoff, today)
        if (await outbox.post(marker, [{ to: { contactId }, text }], now)) log.info('duty reminder queued', { sessionId: s.id, personId, kind })
      }
    }
    for (const personId of atRisk(s, config.reminders, now)) {
      const marker = unconfirmedMarker(s.id, personId)
      if (outbox.has(marker)) continue
      const coordinators = contactsOf(directory, directory.coordinatorsOf(studio.id).map((p) => p.id))
      const to = coordinators.length ? coordinators : contactsOf(directory, directory.admins().map((p) => p.id))
      if (to.length === 0) {
        log.once(marker, () => log.warn('unconfirmed duty: no coordinator or admin bound to tell', { sessionId: s.id, personId }))
        continue
      }
      const text = unconfirmedText(directory, studio, s, personId, confirmDeadline(s, config.reminders))
      if (await outbox.post(marker, [...new Set(to)].map((contactId) => ({ to: { contactId }, text })), now)) log.info('unconfirmed duty told to the coordinators', { sessionId: s.id, personId })
    }
  }
}

/** The studio's open issues (oldest first) and what its previous held session registered (not withdrawn). */
async function handoffOf(deps: Deps, studio: Studio, s: Session): Promise<Handoff> {
  const open = (await deps.issues.openIssues(studio.id)).sort((a, b) => a.createdAt - b.createdAt)
  const before = await deps.roster.sessionsBetween(studio.id, addDays(s.date, -LAST_SESSION_LOOKBACK_DAYS), addDays(s.date, -1))
  const prev = before.at(-1)
  if (!prev) return { open }
  const issues = (await deps.issues.registeredOn(studio.id, prev.date)).filter((i) => i.status !== 'withdrawn').sort((a, b) => a.createdAt - b.createdAt)
  return { open, last: { date: prev.date, issues } }
}
