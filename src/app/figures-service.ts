/**
 * The figures of a studio or the district, read from the store: the one place /统计 and the liaison
 * office's overview (src/web/office) compute them, so both say the same numbers. Both call
 * `figuresOf` with the same settings (the working-day calendars, `issues.respondWithinWorkingDays`) on
 * the records of one studio at a time, and merge studios with `mergeFigures`.
 */
import type { Deps } from './deps.js'
import { computeFigures, mergeFigures, type Figures } from '../domain/stats/figures.js'
import type { Period } from '../domain/stats/period.js'
import { withRange } from '../domain/stats/period.js'
import { collectLedger, storeSource, type LedgerData } from '../export/ledger-source.js'
import type { LocalDate } from '../domain/time/local-date.js'

/** The figures of one studio's records over [from, to]. */
export function figuresOf(deps: Deps, data: Pick<LedgerData, 'issues' | 'sessions'>, from: LocalDate, to: LocalDate, now: number): Figures {
  return computeFigures({ issues: data.issues, sessions: data.sessions, from, to, now, days: (id) => deps.calendars.of(id), respondWithinWorkingDays: deps.config.issues.respondWithinWorkingDays })
}

/**
 * The figures of one studio over a period, read year by year (a year not loaded is read from disk and not
 * kept): what /统计 computes a district from, one studio at a time, never holding the district's records.
 */
export async function studioFigures(deps: Deps, studioId: string, period: Period, now: number): Promise<Figures> {
  const data = await collectLedger(storeSource(deps.store), [studioId], period.from, period.to)
  return figuresOf(deps, data, period.from, period.to, now)
}

export interface YearOverview {
  year: number
  /** The whole year, merged over the studios (what /统计 <year>年 [全区] says). */
  total: Figures
  /** January … December, merged over the studios. */
  months: Figures[]
  /** Each studio's year. */
  studios: { id: string; name: string; f: Figures }[]
}

/**
 * A year's figures for the office's overview: each studio's records of the year read once, its year and
 * its twelve months computed by `figuresOf` (a month's figures count what was registered, and sessions
 * held, in that month, as /统计 <year>年<m>月 does), then merged.
 */
export async function yearOverview(deps: Deps, studioIds: readonly string[], year: number, now: number, between: () => Promise<void> = async () => undefined): Promise<YearOverview> {
  const period = withRange({ kind: 'year', year })
  const monthRanges = Array.from({ length: 12 }, (_x, k) => withRange({ kind: 'month', year, month: k + 1 }))
  const studios: YearOverview['studios'] = []
  const months: Figures[][] = monthRanges.map(() => [])
  for (const id of studioIds) {
    const data = await collectLedger(storeSource(deps.store), [id], period.from, period.to)
    studios.push({ id, name: deps.directory.studio(id)?.name ?? id, f: figuresOf(deps, data, period.from, period.to, now) })
    monthRanges.forEach((m, k) => months[k].push(figuresOf(deps, data, m.from, m.to, now)))
    await between()
  }
  return {
    year,
    total: mergeFigures(period.from, period.to, studios.map((s) => s.f)),
    months: months.map((parts, k) => mergeFigures(monthRanges[k].from, monthRanges[k].to, parts)),
    studios,
  }
}
