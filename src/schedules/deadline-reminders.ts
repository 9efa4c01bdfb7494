/**
 * Deadline reminders (到期提醒), one digest a day per coordinator: from `issues.remindAt` (default 09:00,
 * Asia/Shanghai; never at night) each coordinator bound to WeChat gets one private message listing
 *
 * - every open issue of their studios whose current due date (the transfer while 待转办, the
 *   department's answer while 承办中) has come within `issues.remindWorkingDaysBefore` working days (its
 *   studio's calendar; 0 = due today) — each issue once per due date: an extension or a second handling
 *   brings a new due date and one more mention;
 * - and every overdue one, in a line each, most overdue first (the weekly group post chases them too,
 *   with 督办 after 10 working days).
 *
 * An issue newly due soon while 承办中 is also a 催办 of its department (the warning ladder's yellow,
 * domain/issues/warning-level.ts): an `urge` yellow step is recorded on it in the same transaction as
 * the digest and its marker, so the department's page shows it; exactly once per due date (the marker).
 *
 * However long the backlog, that is one message per coordinator per day (the marker
 * `remind-digest:<contact>:<date>`), written together with the per-issue markers
 * `remind:<id>:<stage>:<round>:<due>` in one transaction: a restart sends neither twice. A day the bot
 * was down is caught up the next time it runs. A studio with no coordinator bound to a WeChat contact
 * gets nothing marked (a warning is logged once), so its issues are reminded once someone is bound.
 */
import type { Job } from './job.js'
import { dueDate } from '../domain/issues/issue-machine.js'
import { summariseOpen } from '../domain/stats/open-issues.js'
import { addDays, toInstant, toLocalDate } from '../domain/time/local-date.js'
import { contactsOf } from '../text/posts/roster.js'
import { reminderDigestText, type DueSoon, type Overdue } from '../text/posts/followup.js'
import type { Issue } from '../domain/issues/issue.js'

export const reminderMarker = (i: Issue, due: string): string => `remind:${i.id}:${i.status}:${i.round}:${due}`
export const digestMarker = (contactId: string, date: string): string => `remind-digest:${contactId}:${date}`

/** What one digest (or one studio's share of it) lists. */
interface Items {
  dueSoon: (DueSoon & { marker: string })[]
  overdue: Overdue[]
}

export const deadlineRemindersJob: Job = {
  name: 'deadline-reminders',
  async run(deps, firedAt) {
    const { config, directory, log } = deps
    const today = toLocalDate(firedAt)
    if (firedAt < toInstant(today, config.issues.remindAt)) return
    const window = config.issues.remindWorkingDaysBefore
    // Per studio: its coordinators' contacts that have not had today's digest (most of the day: none, and
    // the studio's issues are skipped at once).
    const waiting = new Map<string, string[]>()
    const waitingOf = (studioId: string) => {
      let v = waiting.get(studioId)
      if (!v) {
        const contacts = contactsOf(directory, directory.coordinatorsOf(studioId).map((p) => p.id))
        if (contacts.length === 0) deps.log.once(`remind-nobody:${studioId}`, () => log.warn('deadline reminders wait: no coordinator of the studio is bound', { studioId }))
        waiting.set(studioId, (v = contacts.filter((c) => !deps.outbox.has(digestMarker(c, today)))))
      }
      return v
    }
    const open = (await deps.issues.openIssues()).filter((i) => directory.studio(i.studioId) && waitingOf(i.studioId).length > 0)
    // Per studio: the issues newly due soon (not yet reminded for this due date) and the overdue ones
    // (as the open-issue summary counts them: most overdue first).
    const byStudio = new Map<string, Items>()
    const of = (studioId: string) => {
      let v = byStudio.get(studioId)
      if (!v) byStudio.set(studioId, (v = { dueSoon: [], overdue: [] }))
      return v
    }
    const calendarOf = (studioId: string) => deps.calendars.of(studioId)
    for (const x of summariseOpen(open, today, calendarOf, config.weekly.escalateAfterWorkingDays).overdue) {
      of(x.issue.studioId).overdue.push({ ...x, studio: directory.studio(x.issue.studioId)!.name })
    }
    // The last due date inside the window, per studio calendar: one string comparison per open issue, as
    // this runs every minute over every open issue of the district.
    const lastDue = new Map<string, string>()
    for (const issue of open) {
      const due = dueDate(issue)
      if (!due || due < today) continue
      const cal = calendarOf(issue.studioId)
      let last = lastDue.get(issue.studioId)
      // The day before the (window + 1)-th working day: every date at most `window` working days away.
      if (last === undefined) lastDue.set(issue.studioId, (last = addDays(cal.addWorkingDays(today, window + 1), -1)))
      if (due > last) continue
      const left = cal.workingDaysBetween(today, due)
      if (left < 0 || left > window) continue
      const marker = reminderMarker(issue, due)
      if (deps.outbox.has(marker)) continue
      of(issue.studioId).dueSoon.push({ issue, studio: directory.studio(issue.studioId)!.name, due, left, marker })
    }
    // Per coordinator contact: everything of their studios, in one message, once a day. An issue counts
    // as reminded once a digest carrying it is written (a coordinator who already had today's digest
    // sees what came since tomorrow).
    const digests = new Map<string, Items>()
    const markers = new Set<string>()
    const urged = new Map<string, Issue>()
    for (const [studioId, items] of byStudio) {
      const open = waitingOf(studioId)
      for (const x of items.dueSoon) {
        markers.add(x.marker)
        if (x.issue.status === 'transferred') urged.set(x.issue.id, x.issue)
      }
      for (const c of open) {
        let d = digests.get(c)
        if (!d) digests.set(c, (d = { dueSoon: [], overdue: [] }))
        d.dueSoon.push(...items.dueSoon)
        d.overdue.push(...items.overdue)
      }
    }
    if (digests.size === 0) return
    try {
      await deps.store.transaction(async () => {
        for (const [contactId, d] of digests) {
          d.overdue.sort((a, b) => b.days - a.days || a.issue.id.localeCompare(b.issue.id))
          d.dueSoon.sort((a, b) => a.left - b.left || a.issue.id.localeCompare(b.issue.id))
          await deps.outbox.post(digestMarker(contactId, today), [{ to: { contactId }, text: reminderDigestText(today, d.dueSoon, d.overdue) }], firedAt)
        }
        for (const m of markers) await deps.store.state.set('markers', m, firedAt)
        for (const x of urged.values()) {
          const r = await deps.issues.apply(x.id, { type: 'urge', level: 'yellow' }, { at: firedAt, by: 'system', today, days: calendarOf(x.studioId) })
          if (!r.ok) log.warn('urge (yellow) not recorded', { id: x.id, code: r.code })
        }
      })
      log.info('deadline reminders sent', { coordinators: digests.size, dueSoon: markers.size })
    } catch (e) {
      log.error('deadline reminders failed', { error: e })
    }
  },
}
