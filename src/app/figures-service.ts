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
import { toLocalDate, yearOf, type LocalDate } from '../domain/time/local-date.js'

/**
 * The overview's figures of each studio-year, kept while nothing they are computed from changed: the
 * studio-year's issue and roster partitions (the store's revision of each, bumped by every change and
 * every failed write), the day, the calendars and the settings. A page seen again, or the district's
 * page after one studio changed, recomputes only what changed (issue 18's bench row: the overview of a
 * 200,000-issue city in ≤ 300 ms; the first view of a year not in memory reads its files once).
 */
interface Cached {
  rev: string
  year: Figures
  months: Figures[]
}
const caches = new WeakMap<object, Map<string, Cached>>()
function cacheOf(deps: Deps): Map<string, Cached> {
  let c = caches.get(deps.store)
  if (!c) caches.set(deps.store, (c = new Map()))
  return c
}

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
  const cache = cacheOf(deps)
  const today = toLocalDate(now)
  // What else the figures depend on: the day (overdue), within the year still running the minute (sessions
  // over), the calendars and the 响应率 limit.
  const context = `${today}|${year >= yearOf(today) ? Math.floor(now / 60_000) : ''}|${JSON.stringify(deps.calendars.spec())}|${deps.config.issues.respondWithinWorkingDays}`
  for (const id of studioIds) {
    const key = `${id}/${year}`
    const rev = `${deps.store.revision(`issues/${key}`)}|${deps.store.revision(`roster/${key}`)}|${context}`
    let hit = cache.get(key)
    if (!hit || hit.rev !== rev) {
      const data = await collectLedger(storeSource(deps.store), [id], period.from, period.to)
      hit = { rev, year: figuresOf(deps, data, period.from, period.to, now), months: monthRanges.map((m) => figuresOf(deps, data, m.from, m.to, now)) }
      cache.set(key, hit)
      await between()
    }
    studios.push({ id, name: deps.directory.studio(id)?.name ?? id, f: hit.year })
    hit.months.forEach((f, k) => months[k].push(f))
  }
  return {
    year,
    total: mergeFigures(period.from, period.to, studios.map((s) => s.f)),
    months: months.map((parts, k) => mergeFigures(monthRanges[k].from, monthRanges[k].to, parts)),
    studios,
  }
}
