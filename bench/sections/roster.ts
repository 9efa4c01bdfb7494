/**
 * (d) The roster of a whole city for a year: for each of 230 studios, the reception dates of 12 months
 * (its rule, moved off holidays on its own working calendar) and the duty plan over its representatives
 * (planRoster). Baseline: the same loop computing only the dates. Each run builds fresh calendars, as a
 * new process would; figures are the median of `runs` alternating runs after one warm-up.
 */
import { createWorkingCalendar } from '../../src/domain/calendar/working-calendar.js'
import { receptionDatesInMonth } from '../../src/domain/calendar/reception-rule.js'
import { planRoster, type RosterSession } from '../../src/domain/roster/plan-roster.js'
import { studiosFromConfig, peopleFromConfig } from '../../src/app/directory.js'
import type { Config } from '../../src/config/schema.js'

export interface RosterResult {
  studios: number
  months: number
  sessions: number
  seatsFilled: number
  unfilled: number
  /** Max − min duties per person within a studio, worst studio (fairness check: ≤ 1). */
  worstSpread: number
  fullMs: number
  fullMaxMs: number
  datesMs: number
  datesMaxMs: number
  runs: number
}

function runOnce(config: Config, year: number, plan: boolean) {
  const studios = studiosFromConfig(config)
  const people = peopleFromConfig(config)
  let sessions = 0
  let filled = 0
  let unfilled = 0
  let worstSpread = 0
  for (const s of studios) {
    const cal = createWorkingCalendar({ extraHolidays: s.extraHolidays, extraWorkdays: s.extraWorkdays })
    const list: RosterSession[] = []
    for (let m = 1; m <= 12; m++) {
      for (const date of receptionDatesInMonth(s.reception.rules, year, m, cal)) list.push({ id: `${s.id}/${date}`, date, required: s.reception.perSession, duty: [], locked: false })
    }
    sessions += list.length
    if (!plan) continue
    const reps = people.filter((p) => p.active && p.studioId === s.id && p.roles.includes('representative')).map((p) => p.id)
    const planned = planRoster({ sessions: list, reps })
    const load = new Map(reps.map((r) => [r, 0]))
    for (const p of planned) {
      filled += p.duty.length
      unfilled += p.unfilled
      for (const id of p.duty) load.set(id, (load.get(id) ?? 0) + 1)
    }
    const v = [...load.values()]
    if (v.length) worstSpread = Math.max(worstSpread, Math.max(...v) - Math.min(...v))
  }
  return { sessions, filled, unfilled, worstSpread }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

export function benchRoster(config: Config, year: number, runs = 5): RosterResult {
  runOnce(config, year, true) // warm-up: module code compiled, library calendar loaded
  const full: number[] = []
  const dates: number[] = []
  let last = { sessions: 0, filled: 0, unfilled: 0, worstSpread: 0 }
  for (let i = 0; i < runs; i++) {
    let t = performance.now()
    last = runOnce(config, year, true)
    full.push(performance.now() - t)
    t = performance.now()
    runOnce(config, year, false)
    dates.push(performance.now() - t)
  }
  return {
    studios: config.studios.length,
    months: 12,
    sessions: last.sessions,
    seatsFilled: last.filled,
    unfilled: last.unfilled,
    worstSpread: last.worstSpread,
    fullMs: median(full),
    fullMaxMs: Math.max(...full),
    datesMs: median(dates),
    datesMaxMs: Math.max(...dates),
    runs,
  }
}
