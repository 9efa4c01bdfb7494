/**
 * One step of an issue's history in words: the chat view (/查询, masked unless full) and the Excel ledger
 * (always full, ISO dates) describe steps the same way from here.
 */
import { zh } from '../zh-CN.js'
import type { Issue, IssueEvent } from '../../domain/issues/issue.js'
import { maskFreeText } from '../../domain/issues/mask.js'
import type { LocalDate } from '../../domain/time/local-date.js'

/** A free text (content, answer, comment, reason): phones and ID numbers masked unless `full`. */
export function freeText(s: string, full: boolean): string {
  return full ? s : maskFreeText(s)
}

export function describeIssueEvent(issue: Issue, e: IssueEvent, o: { full: boolean; date: (d: LocalDate) => string }): string {
  const ev = zh.issues.event
  const reason = (e as { reason?: string }).reason
  const r = reason ? freeText(reason, o.full) : undefined
  switch (e.kind) {
    case 'register':
      return ev.register
    case 'on_the_spot':
      return ev.on_the_spot
    case 'transfer':
      return ev.transfer(e.department, e.workingDays, o.date(e.deadline))
    case 'answer':
      return ev.answer(e.round)
    case 'feedback': {
      const rated = ev.feedback(e.rating, e.comment && freeText(e.comment, o.full), e.solved)
      return e.reopened && e.deadline ? ev.both(rated, ev.reopened(e.round + 1, o.date(e.deadline))) : rated
    }
    case 'extend':
      return ev.extend(e.workingDays, o.date(e.deadline), freeText(e.reason, o.full))
    case 'contact': {
      const note = issue.contactAttempts.find((c) => c.at === e.at && c.by === e.by)?.note
      return ev.contact(e.reached, note && freeText(note, o.full))
    }
    case 'archive':
      return ev.archive(r)
    case 'correct':
      // Field names only: the old and new values may be the constituent's details.
      return ev.correct(e.changes.map((c) => zh.issues.fieldName[c.field] ?? c.field).join(zh.common.listSep), r)
    case 'withdraw':
      return ev.withdraw(r)
    case 'sign':
      return ev.sign
    case 'return':
      return ev.returned(freeText(e.reason, o.full))
    case 'extend_request':
      return ev.extendRequest(e.workingDays, freeText(e.reason, o.full))
    case 'extend_decline':
      return ev.extendDecline(e.reason && freeText(e.reason, o.full))
    case 'urge':
      return ev.urge(e.level)
    case 'recalendar':
      return zh.calendar.recalendarEvent(zh.calendar.deadlineWhat[e.field === 'transferBy' ? 'transfer' : 'answer'], o.date(e.before), o.date(e.deadline))
  }
}
