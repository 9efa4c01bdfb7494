/**
 * How the weekly follow-up, the district summary (督办) and the deadline reminder read. All wording comes
 * from zh.followup; this file picks the values.
 *
 * Privacy: the weekly post and the district summary go to groups, so a constituent is only surname + 某
 * and every phone or ID number in the content is masked (src/domain/issues/mask.ts). The reminder goes
 * to a coordinator in private chat: the name in full, still no phone (it is not needed to act).
 */
import type { Issue } from '../../domain/issues/issue.js'
import type { Session, Studio } from '../../domain/model.js'
import type { LateIssue, OpenSummary } from '../../domain/stats/open-issues.js'
import { addRate, rate, type Rate } from '../../domain/stats/figures.js'
import { MAX_PERIOD_YEARS, longestRecentPeriod, type PeriodCode } from '../../domain/stats/period.js'
import type { LocalDate } from '../../domain/time/local-date.js'
import { SATISFACTION_FLOOR, type Attention } from '../../domain/stats/attention.js'
import { brief, maskFreeText, maskName } from '../../domain/issues/mask.js'
import { dateShort, dutyText, timeRange } from './roster.js'
import type { People } from './people.js'
import { zh } from '../zh-CN.js'
import { refuse, refusalText } from '../refusals.js'
import type { UserError } from '../../messages/user-error.js'

const t = zh.followup

/** What a period that cannot be used is answered with: why, and the forms that work. */
export function refusePeriod(code: PeriodCode, text: string, today: LocalDate): UserError {
  if (code === 'period.reversed') return refuse('followup.reversedPeriod', text)
  if (code === 'period.impossible') return refuse('followup.impossiblePeriod', text)
  if (code === 'period.too-long') return refuse('followup.tooLongPeriod', text, MAX_PERIOD_YEARS, longestRecentPeriod(today))
  return refuse('followup.badPeriod', text)
}

/** The same refusal as words (the command-line export prints it). */
export function periodRefusal(code: PeriodCode, text: string, today: LocalDate): string {
  return refusalText(refusePeriod(code, text, today))
}

/** Overdue lines shown in one post; the rest are counted. */
export const OVERDUE_LINES = 10

export { brief }

/** Where an overdue issue waits: for the transfer, or on a department's answer. */
export function whereText(i: Issue, due: string): string {
  return i.status === 'registered' ? t.whereRegistered(dateShort(due)) : t.whereTransferred(i.department ?? '', dateShort(due))
}

export interface WeeklyPostInput {
  studio: Studio
  weekFrom: string
  weekTo: string
  sessions: Session[]
  gaps: Session[]
  summary: OpenSummary
  escalateAfter: number
  calendarGap?: string
}

/** The weekly follow-up text for a studio's group (masked). */
export function weeklyText(directory: People, o: WeeklyPostInput): string {
  const shown = o.summary.overdue.slice(0, OVERDUE_LINES)
  return t.weekly({
    studio: o.studio.name,
    week: t.weekRange(dateShort(o.weekFrom), dateShort(o.weekTo)),
    sessions: o.sessions.map((s) => t.weeklySession(dateShort(s.date), timeRange(s), s.cancelled ? zh.roster.cancelledTag : dutyText(directory, s))),
    gaps: o.gaps.map((s) => t.weeklyGap(dateShort(s.date), timeRange(s), s.required - s.duty.length)),
    open: o.summary.open,
    byStage: o.summary.byStage,
    overdue: shown.map((x) => overdueLine(x, x.days > o.escalateAfter)),
    overdueMore: o.summary.overdue.length - shown.length,
    calendarGap: o.calendarGap,
  })
}

function overdueLine(x: LateIssue, escalated: boolean): string {
  const i = x.issue
  return t.overdueLine(i.id, maskName(i.constituent.name), brief(maskFreeText(i.content)), whereText(i, x.due), x.days, escalated)
}

type StatsInput = Parameters<typeof t.stats>[0]

/**
 * /统计 全区 in at most two messages, each within `maxChars` (the sender's limit, so none is split):
 * the district's figures with the category and department lines that fit (the rest counted), then the
 * studios that need attention, as many as fit, and where the full table is (the ledger). `period` is the
 * period as the user may type it again, for the /导出台账 it names.
 */
export function districtStatsTexts(o: { stats: Omit<StatsInput, 'byStudio' | 'categoriesMore' | 'departmentsMore'>; attention: Attention[]; studios: number; period: string; maxChars: number }): string[] {
  const cats = o.stats.byCategory
  const deps = o.stats.byDepartment
  let c = cats.length
  let d = deps.length
  const first = () => t.stats({ ...o.stats, byStudio: [], byCategory: cats.slice(0, c), byDepartment: deps.slice(0, d), categoriesMore: cats.length - c, departmentsMore: deps.length - d })
  let one = first()
  while (one.length > o.maxChars && c + d > 0) {
    if (d >= c) d--
    else c--
    one = first()
  }
  const lines = o.attention.map((a) => t.attentionLine(a.name, a.f.overdue, a.f.received, a.f.closure, a.f.satisfaction))
  const two = fitting((n) => t.statsAttention({ period: o.stats.period, studios: o.studios, lines: lines.slice(0, n), more: lines.length - n, floor: Math.round(SATISFACTION_FLOOR * 100), ledger: t.ledgerCommand(o.period) }), lines.length, o.maxChars)
  return [one, two]
}

/** `make(n)` for the largest n ≤ `most` whose text fits in `max` characters (`make(0)` if none does). */
function fitting(make: (n: number) => string, most: number, max: number): string {
  let n = most
  let text = make(n)
  while (text.length > max && n > 0) text = make(--n)
  return text
}

export interface DistrictRow {
  name: string
  open: number
  overdue: number
  escalated: number
  received: number
  closure: Rate
  satisfaction: Rate
}

/** Escalated issues, one masked line each (they may go to a group), at most `max` (30), the rest counted. */
function escalatedLines(escalated: readonly LateIssue[], studioName: (id: string) => string, max = OVERDUE_LINES * 3): string[] {
  const d = t.district
  const shown = escalated.slice(0, max)
  return [
    ...shown.map((x) => d.escalatedLine(x.issue.id, studioName(x.issue.studioId), maskName(x.issue.constituent.name), brief(maskFreeText(x.issue.content)), whereText(x.issue, x.due), x.days)),
    ...(escalated.length > shown.length ? [d.more(escalated.length - shown.length)] : []),
  ]
}

/**
 * The district summary for the liaison office (masked: it may go to a group), in at most two messages of
 * `maxChars` each (the sender's limit, so none is split). Rows come worst first. Every studio's line when
 * they all fit in one message (a small district); otherwise the district's totals and the studios that
 * have something to chase (overdue or escalated), as many as fit, the others counted and the full table
 * left to the ledger. Then the escalated issues (通报), as many as fit, the rest counted.
 */
export function districtTexts(o: { district: string; weekFrom: string; weekTo: string; year: number; rows: DistrictRow[]; escalated: LateIssue[]; limit: number; studioName: (id: string) => string; maxChars: number }): string[] {
  const d = t.district
  const line = (r: DistrictRow) => d.studioLine(r.name, r.open, r.overdue, r.escalated, o.year, r.received, r.closure, r.satisfaction)
  const sum = o.rows.reduce(
    (a, r) => ({ open: a.open + r.open, overdue: a.overdue + r.overdue, escalated: a.escalated + r.escalated, received: a.received + r.received, closure: addRate(a.closure, r.closure), satisfaction: addRate(a.satisfaction, r.satisfaction) }),
    { open: 0, overdue: 0, escalated: 0, received: 0, closure: rate(0, 0), satisfaction: rate(0, 0) },
  )
  const head = [d.header(o.district, t.weekRange(dateShort(o.weekFrom), dateShort(o.weekTo))), d.totals(o.rows.length, sum.open, sum.overdue, sum.escalated, o.year, sum.received, sum.closure, sum.satisfaction)]
  let first = [...head, d.studiosHeader, ...o.rows.map(line)].join('\n')
  if (first.length > o.maxChars) {
    const behind = o.rows.filter((r) => r.overdue > 0 || r.escalated > 0)
    const lines = behind.map(line)
    first = fitting(
      (n) => [...head, d.behindHeader(behind.length), ...lines.slice(0, n), ...(behind.length > n ? [d.moreStudios(behind.length - n)] : []), d.restFine(o.rows.length - behind.length, t.ledgerCommand(`${o.year}年`))].join('\n'),
      lines.length,
      o.maxChars,
    )
  }
  const esc = fitting((max) => (o.escalated.length ? [d.escalatedHeader(o.escalated.length, o.limit), ...escalatedLines(o.escalated, o.studioName, max)] : [d.none(o.limit)]).join('\n'), OVERDUE_LINES * 3, o.maxChars)
  return first.length + 1 + esc.length <= o.maxChars ? [`${first}\n${esc}`] : [first, esc]
}

/** One issue whose due date is near, for a coordinator's daily reminder. */
export interface DueSoon {
  issue: Issue
  studio: string
  due: string
  /** Working days left (0: due today). */
  left: number
}

/** One overdue issue (as the open-issue summary gives it), with its studio's name, for a coordinator's daily reminder. */
export type Overdue = LateIssue & { studio: string }

function dueSoonText(x: DueSoon): string {
  const i = x.issue
  return t.remind({ id: i.id, studio: x.studio, who: i.constituent.name, content: brief(maskFreeText(i.content)), registered: i.status === 'registered', department: i.department, due: dateShort(x.due), left: x.left })
}

/**
 * A coordinator's reminder of the day (private): every issue whose due date has come near since the last
 * one, in full with what to do, then the overdue ones in one line each (most overdue first, at most
 * `limit`). One message however many issues: a backlog never becomes hundreds of messages.
 */
export function reminderDigestText(date: string, dueSoon: readonly DueSoon[], overdue: readonly Overdue[], limit = 10): string {
  const d = t.remindDigest
  const shown = overdue.slice(0, limit)
  return [
    d.header(dateShort(date)),
    ...(dueSoon.length ? [d.dueHeader(dueSoon.length), ...dueSoon.map(dueSoonText)] : []),
    ...(overdue.length
      ? [
          d.overdueHeader(overdue.length),
          ...shown.map((x) => d.overdueLine(x.issue.id, x.studio, x.issue.constituent.name, whereText(x.issue, x.due), x.days)),
          ...(overdue.length > shown.length ? [d.more(overdue.length - shown.length)] : []),
        ]
      : []),
    d.footer,
  ].join('\n')
}

/** The liaison office's daily 督办 (masked: it may go to a group): the issues newly past the limit. */
export function escalationDigestText(date: string, escalated: readonly LateIssue[], limit: number, studioName: (id: string) => string): string {
  return [t.escalationDigest.header(dateShort(date), limit, escalated.length), ...escalatedLines(escalated, studioName), t.escalationDigest.footer].join('\n')
}
