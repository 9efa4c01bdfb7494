/**
 * Where the open issues of a studio (or the district) stand, for the weekly follow-up: how many wait at
 * each stage, which are overdue (催办: past their working-day due date) and which are overdue by more
 * than the configured limit (督办: escalated to the liaison office). Pure.
 *
 * "Overdue by N" counts working days after the due date (the studio's calendar): due Friday, on the next
 * Tuesday (Monday a working day) it is overdue by 2; on the Saturday right after, by 1 (an overdue issue is
 * never "overdue by 0"). Escalated means N > `escalateAfter`.
 */
import type { Issue, WorkingDays } from '../issues/issue.js'
import { dueDate, isOverdue } from '../issues/issue-machine.js'
import type { LocalDate } from '../time/local-date.js'

export const OPEN_STAGES = ['registered', 'transferred', 'answered', 'rated'] as const
export type OpenStage = (typeof OPEN_STAGES)[number]

export interface LateIssue {
  issue: Issue
  due: LocalDate
  /** Working days past the due date (≥ 1). */
  days: number
}

export interface OpenSummary {
  open: number
  byStage: Record<OpenStage, number>
  /** Most overdue first, then by id. */
  overdue: LateIssue[]
  escalated: LateIssue[]
}

export function summariseOpen(open: readonly Issue[], today: LocalDate, days: (studioId: string) => WorkingDays, escalateAfter: number): OpenSummary {
  const byStage: Record<OpenStage, number> = { registered: 0, transferred: 0, answered: 0, rated: 0 }
  const overdue: LateIssue[] = []
  for (const i of open) {
    if (!(OPEN_STAGES as readonly string[]).includes(i.status)) continue
    byStage[i.status as OpenStage]++
    if (!isOverdue(i, today)) continue
    const due = dueDate(i)!
    overdue.push({ issue: i, due, days: Math.max(1, -days(i.studioId).workingDaysBetween(today, due)) })
  }
  overdue.sort((a, b) => b.days - a.days || (a.issue.id < b.issue.id ? -1 : 1))
  return { open: OPEN_STAGES.reduce((n, s) => n + byStage[s], 0), byStage, overdue, escalated: overdue.filter((x) => x.days > escalateAfter) }
}
