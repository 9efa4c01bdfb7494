/**
 * Which studios of a district need attention over a period: what `/统计 全区` names under the district's
 * figures (the full table of every studio is the ledger's 统计 sheet). Pure.
 *
 * A studio needs attention when
 * - it has overdue issues (超期未结: open and past their working-day due date today), or
 * - its satisfaction rate is below SATISFACTION_FLOOR (80%) over the issues rated in the period.
 * Worst first: most overdue, then lowest satisfaction (none rated counts as fine), then by name.
 */
import { share, type Figures } from './figures.js'

export const SATISFACTION_FLOOR = 0.8

export interface StudioFigures {
  id: string
  name: string
  f: Figures
}

export interface Attention extends StudioFigures {
  overdue: boolean
  lowSatisfaction: boolean
}

export function needingAttention(rows: readonly StudioFigures[]): Attention[] {
  const sat = (f: Figures) => share(f.satisfaction) ?? 1
  return rows
    .map((r) => ({ ...r, overdue: r.f.overdue > 0, lowSatisfaction: sat(r.f) < SATISFACTION_FLOOR }))
    .filter((r) => r.overdue || r.lowSatisfaction)
    .sort((a, b) => b.f.overdue - a.f.overdue || sat(a.f) - sat(b.f) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
}
