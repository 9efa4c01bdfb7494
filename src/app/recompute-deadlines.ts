/**
 * After a holiday notice was loaded: every open issue's due date counted again on the new calendar
 * (issue-machine.ts `recountDue`), written as a `recalendar` step through the issue repository, and each
 * studio's coordinators told once which issues moved (one private message per studio; the marker holds
 * the list, so the same change is never told twice).
 */
import { SYSTEM } from './roster-service.js'
import { recountDue } from '../domain/issues/issue-machine.js'
import { toLocalDate } from '../domain/time/local-date.js'
import type { Calendars } from './calendars.js'
import type { Directory } from './directory.js'
import type { IssueRepo } from './issue-repo.js'
import type { Outbox } from './outbox.js'
import { contactsOf, dateShort } from '../text/posts/roster.js'
import { zh } from '../text/zh-CN.js'

export interface DeadlineChange {
  id: string
  studioId: string
  field: 'transferBy' | 'deadline'
  before: string
  after: string
}

export async function recomputeDeadlines(issues: IssueRepo, calendars: Calendars, directory: Directory, outbox: Outbox, now: number): Promise<DeadlineChange[]> {
  const changes: DeadlineChange[] = []
  const today = toLocalDate(now)
  for (const issue of await issues.openIssues()) {
    const days = calendars.of(issue.studioId)
    const r = recountDue(issue, days)
    if (!r) continue
    const applied = await issues.apply(issue.id, { type: 'recalendar', field: r.field, date: r.after }, { at: now, by: SYSTEM, today, days })
    if (applied.ok) changes.push({ id: issue.id, studioId: issue.studioId, ...r })
  }
  const byStudio = new Map<string, DeadlineChange[]>()
  for (const c of changes) byStudio.set(c.studioId, [...(byStudio.get(c.studioId) ?? []), c])
  for (const [studioId, list] of byStudio) {
    const studio = directory.studio(studioId)
    const contacts = contactsOf(directory, directory.coordinatorsOf(studioId).map((p) => p.id))
    if (!studio || contacts.length === 0) continue
    const what = zh.calendar.deadlineWhat
    const text = [
      zh.calendar.deadlinesHeader(studio.name),
      ...list.map((c) => zh.calendar.deadlineMoved({ id: c.id, what: c.field === 'transferBy' ? what.transfer : what.answer, before: dateShort(c.before), after: dateShort(c.after) })),
    ].join('\n')
    const marker = `recalendar:${studioId}:${list.map((c) => `${c.id}>${c.after}`).join(',')}`
    await outbox.post(marker, contacts.map((contactId) => ({ to: { contactId }, text })), now)
  }
  return changes
}
