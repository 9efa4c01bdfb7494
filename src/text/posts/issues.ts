/**
 * How an issue reads in a chat: its state line for lists, its due line, the whole record with its
 * history (/查询), the constituent masked or in full (the privacy rule: src/commands/issue-common.ts and
 * DOMAIN.md). Given the little they need of the app (names, studios, working days), not the app itself.
 */
import { zh } from '../zh-CN.js'
import type { Issue } from '../../domain/issues/issue.js'
import { dueDate } from '../../domain/issues/issue-machine.js'
import { brief, maskFreeText, maskName, maskPhone } from '../../domain/issues/mask.js'
import { maskAddress } from '../../domain/privacy/mask-address.js'
import { isoWeekday, splitDate, toLocalDate, toLocalTime, type LocalDate } from '../../domain/time/local-date.js'
import { describeIssueEvent, freeText } from './issue-events.js'
import type { People } from './people.js'
import { nameTold } from './roster.js'

const t = zh.issues

/** What showing an issue needs of the app (the app's Deps is one). */
export interface IssueTextDeps {
  directory: Pick<People, 'person' | 'namesakes'> & { studio(id: string): { name: string } | undefined }
  calendars: { of(studioId: string): { workingDaysBetween(from: LocalDate, to: LocalDate): number } }
  config: { issues: { remindWorkingDaysBefore: number } }
}

export function fmtDate(d: LocalDate, today: LocalDate): string {
  const [y, m, day] = splitDate(d)
  const w = zh.common.weekdays[isoWeekday(d)]
  return d.slice(0, 4) === today.slice(0, 4) ? zh.common.dateShort(m, day, w) : zh.common.dateLong(y, m, day, w)
}

export function fmtStamp(at: number, today: LocalDate): string {
  const d = toLocalDate(at)
  const [y, m, day] = splitDate(d)
  return t.stamp(d.slice(0, 4) === today.slice(0, 4) ? undefined : y, m, day, toLocalTime(at))
}

export function personName(deps: IssueTextDeps, id: string): string {
  if (id === 'system') return t.system
  const p = deps.directory.person(id)
  return p ? nameTold(p, deps.directory.namesakes(p.name)) : id
}

/** Name and phone of the constituent, masked unless `full`. */
export function constituentText(issue: Issue, full: boolean): string {
  const c = issue.constituent
  const name = full ? c.name : maskName(c.name)
  const phone = c.phone ? (full ? c.phone : maskPhone(c.phone)) : undefined
  return phone ? `${name} ${phone}` : name
}

export function addressText(address: string | undefined, full: boolean): string | undefined {
  if (!address) return undefined
  return full ? address : maskFreeText(maskAddress(address))
}


/** The due date and working days left (or overdue), for the step the issue waits on. */
export function dueText(deps: IssueTextDeps, issue: Issue, today: LocalDate): string | undefined {
  const due = dueDate(issue)
  if (!due) return undefined
  return t.dueLine(fmtDate(due, today), deps.calendars.of(issue.studioId).workingDaysBetween(today, due))
}

/** Where an issue stands, one line (lists). */
export function stateText(deps: IssueTextDeps, issue: Issue, today: LocalDate): string {
  const s = t.stateLine
  const due = dueDate(issue)
  const urgency = (): string => {
    if (!due) return ''
    const left = deps.calendars.of(issue.studioId).workingDaysBetween(today, due)
    return left < 0 ? s.overdue(-left) : left <= deps.config.issues.remindWorkingDaysBefore ? s.left(left) : ''
  }
  switch (issue.status) {
    case 'registered':
      return s.registered(fmtDate(issue.transferBy ?? today, today)) + urgency()
    case 'transferred':
      return s.transferred(issue.department ?? '', fmtDate(issue.deadline ?? today, today)) + urgency()
    case 'answered':
      return s.answered
    case 'rated':
      return s.rated(issue.feedback?.rating ?? '')
    default:
      return s.final(t.status[issue.status])
  }
}

export function listLine(deps: IssueTextDeps, issue: Issue, today: LocalDate, full: boolean): string {
  return t.listLine(issue.id, full ? issue.constituent.name : maskName(issue.constituent.name), brief(freeText(issue.content, full)), stateText(deps, issue, today))
}

/** The whole record with its history (/查询). */
export function renderRecord(deps: IssueTextDeps, issue: Issue, today: LocalDate, full: boolean): string {
  const studio = deps.directory.studio(issue.studioId)?.name ?? issue.studioId
  const names = (ids: string[]) =>
    ids.length === 1 && ids[0] === issue.registrar
      ? t.byRegistrar(personName(deps, ids[0]))
      : ids.length
        ? ids.map((id) => personName(deps, id)).join(zh.common.listSep)
        : undefined
  const status = issue.status === 'transferred' && issue.department ? t.statusWith(t.status[issue.status], issue.department) : t.status[issue.status]
  return t.record({
    id: issue.id,
    status,
    studio,
    date: fmtDate(issue.date, today),
    registrar: personName(deps, issue.registrar),
    duty: names(issue.dutyReps),
    who: constituentText(issue, full),
    address: addressText(issue.constituent.address, full),
    content: freeText(issue.content, full),
    category: issue.category + (issue.categoryGuessed ? t.guessed : ''),
    department: issue.department,
    due: dueText(deps, issue, today),
    dueLabel: t.dueLabel[issue.status],
    answers: issue.answers.map((a) => t.answerLine(a.round, fmtStamp(a.at, today), personName(deps, a.by), freeText(a.text, full), a.onTheSpot === true)),
    feedback: issue.feedback ? t.feedbackLine(issue.feedback.rating, issue.feedback.round, issue.feedback.comment && freeText(issue.feedback.comment, full), issue.feedback.solved) : undefined,
    history: issue.history.map((e) => t.eventLine(fmtStamp(e.at, today), personName(deps, e.by), describeIssueEvent(issue, e, { full, date: (d) => fmtDate(d, today) }))),
    masked: !full,
  })
}

