/**
 * Deadline reminders (到期提醒): an open issue whose current due date (the transfer while 待转办, the
 * department's answer while 承办中) is at most `issues.remindWorkingDaysBefore` working days away (its
 * studio's calendar; 0 = due today) is reminded to its studio's coordinators in private chat, once per
 * issue and due date: an extension or a second handling brings a new due date and one new reminder.
 * Overdue issues are not reminded here: the weekly follow-up chases them (催办) and escalates them (督办).
 *
 * Reminders go out from `issues.remindAt` (default 09:00, Asia/Shanghai) on, never at night; a day the
 * bot was down is caught up the next time it runs while the issue is still within the window.
 * Exactly once: the marker `remind:<id>:<stage>:<round>:<due>` is written with the messages (Outbox). A
 * studio with no coordinator bound to a WeChat contact gets nothing marked (a warning is logged once), so
 * the reminder goes out once someone is bound, if still in time.
 */
import type { Job } from './job.js'
import { dueDate } from '../domain/issues/issue-machine.js'
import { addDays, toInstant, toLocalDate } from '../domain/time/local-date.js'
import { contactsOf } from '../text/posts/roster.js'
import { reminderText } from '../text/posts/followup.js'
import type { Issue } from '../domain/issues/issue.js'

export const reminderMarker = (i: Issue, due: string): string => `remind:${i.id}:${i.status}:${i.round}:${due}`

export const deadlineRemindersJob: Job = {
  name: 'deadline-reminders',
  async run(deps, firedAt) {
    const { config, directory, log } = deps
    const today = toLocalDate(firedAt)
    if (firedAt < toInstant(today, config.issues.remindAt)) return
    const window = config.issues.remindWorkingDaysBefore
    // The last due date inside the window, per studio calendar: one string comparison per open issue, as
    // this runs every minute over every open issue of the district.
    const lastDue = new Map<string, string>()
    for (const issue of await deps.issues.openIssues()) {
      const due = dueDate(issue)
      if (!due || due < today) continue
      const cal = deps.calendars.of(issue.studioId)
      let last = lastDue.get(issue.studioId)
      // The day before the (window + 1)-th working day: every date at most `window` working days away.
      if (last === undefined) lastDue.set(issue.studioId, (last = addDays(cal.addWorkingDays(today, window + 1), -1)))
      if (due > last) continue
      const left = cal.workingDaysBetween(today, due)
      if (left < 0 || left > window) continue
      const marker = reminderMarker(issue, due)
      if (deps.outbox.has(marker)) continue
      const studio = directory.studio(issue.studioId)
      if (!studio) continue
      const contacts = contactsOf(directory, directory.coordinatorsOf(studio.id).map((p) => p.id))
      if (contacts.length === 0) {
        deps.log.once(`remind-nobody:${studio.id}`, () => log.warn('deadline reminder waits: no coordinator of the studio is bound', { studioId: studio.id }))
        continue
      }
      const text = reminderText(issue, studio.name, due, left)
      try {
        if (await deps.outbox.post(marker, contacts.map((contactId) => ({ to: { contactId }, text })), firedAt)) {
          log.info('deadline reminder sent', { id: issue.id, due, left })
        }
      } catch (e) {
        log.error('deadline reminder failed', { id: issue.id, error: e })
      }
    }
  },
}
