/**
 * Reporting periods as offices say them: 本月, 上月, 本季度, 上季度, 本年, 去年, 2026年, 2026年3月,
 * 2026年第一季度 / 2026Q1, 上半年, 2026-01至2026-06, 2026年1月至6月, 2026-01-01至2026-03-15 …
 *
 * Why: `/统计`, `/导出台账` and `/履职` take the period of the report being written; a period is a closed
 * range of `LocalDate`s (Asia/Shanghai), `from` ≤ `to`. `today` is injected.
 *
 * Policies:
 * - A month without a year (`3月`, `3月至6月`) is this year's; a quarter or half without a year likewise.
 *   Unlike roster dates (which look ahead), a report looks back, but a month later this year is still
 *   this year's (its figures are simply empty so far).
 * - The right side of a range inherits the left side's year (`2026年1月至6月`); a range that runs
 *   backwards is refused (`period.reversed`), never silently swapped.
 * - A period may reach into the future (本月 on the 3rd): figures count what happened so far.
 * - A period longer than ten years (MAX_PERIOD_YEARS) is refused (`period.too-long`): every report reads
 *   each studio-year of its period, and no office reports on more than a decade at once.
 * Input is NFKC-normalised and blanks are ignored. Chinese is never matched with `\w`.
 */
import { err, ok, type Result } from '../result.js'
import { daysInMonth, isValidDate, makeDate, splitDate, type LocalDate } from '../time/local-date.js'
import { readSmallNumber } from '../calendar/reception-rule.js'

export type PeriodSpec =
  | { kind: 'month'; year: number; month: number }
  | { kind: 'quarter'; year: number; quarter: number }
  | { kind: 'half'; year: number; half: 1 | 2 }
  | { kind: 'year'; year: number }
  /** Whole months, first to last (both included). */
  | { kind: 'months'; from: { year: number; month: number }; to: { year: number; month: number } }
  | { kind: 'days'; from: LocalDate; to: LocalDate }

export interface Period {
  from: LocalDate
  to: LocalDate
  spec: PeriodSpec
}

export type PeriodCode =
  | 'period.unrecognised' // params.text
  | 'period.impossible' // params.text: 13月, 2026-02-30
  | 'period.reversed' // params.text: 2026-06至2026-01
  | 'period.too-long' // params.text: 1900-01至9999-12 (more than MAX_PERIOD_YEARS)

/** The longest period a report covers: ten years, e.g. 2017-01至2026-12. */
export const MAX_PERIOD_YEARS = 10

/**
 * True when [from, to] is longer than `years` years: `to` is on or after the same day `years` years
 * after `from` (2017-01-01至2026-12-31 is ten years; 2017-01-01至2027-01-01 one day more). A 29 February
 * start counts from 1 March.
 */
export function isLongerThanYears(from: LocalDate, to: LocalDate, years: number): boolean {
  const [y, m, d] = splitDate(from)
  const end = m === 2 && d === 29 && !isValidDate(makeDate(y + years, 2, 29)) ? makeDate(y + years, 3, 1) : makeDate(y + years, m, d)
  return to >= end
}

/** The longest period that may be asked, ending with `today`'s year, as typed (the refusal's example): 2017-01至2026-12. */
export function longestRecentPeriod(today: LocalDate): string {
  const [y] = splitDate(today)
  return `${y - MAX_PERIOD_YEARS + 1}-01至${y}-12`
}

const RANGE_SEP = /^(.+?)(?:至|到|~|～|—|–)(.+)$/u
/** `1月-6月`, `3月1日-3月15日`: a hyphen separates only after 月 or 日 (in `2026-01` it is part of the month). */
const HYPHEN_AFTER_UNIT = /^(.+?[月日号])-(.+)$/u
const HYPHEN_MONTH_RANGE = /^(\d{4}-\d{1,2})-(\d{4}-\d{1,2})$/u
const YEAR = /^(\d{4})(?:年度?)?$/u
const YEAR_MONTH = /^(\d{4})(?:年|[-/.])(\d{1,2})月?份?$/u
const MONTH = /^([0-9]{1,2}|[零〇一二两三四五六七八九十]{1,3})月份?$/u
const DATE = /^(\d{4})(?:年|[-/.])(\d{1,2})(?:月|[-/.])(\d{1,2})(?:日|号)?$/u
const MONTH_DAY = /^(\d{1,2})(?:月|[-/.])(\d{1,2})(?:日|号)$/u
const QUARTER = /^(?:(\d{4})年?)?(?:第?([一二三四1-4])季度|[Qq]([1-4]))$/u
const HALF = /^(?:(\d{4})年?)?([上下])半年$/u

const RELATIVE: Record<string, (y: number, m: number) => PeriodSpec> = {
  本月: (y, m) => ({ kind: 'month', year: y, month: m }),
  这个月: (y, m) => ({ kind: 'month', year: y, month: m }),
  当月: (y, m) => ({ kind: 'month', year: y, month: m }),
  上月: (y, m) => monthSpec(shift(y, m, -1)),
  上个月: (y, m) => monthSpec(shift(y, m, -1)),
  本季度: (y, m) => ({ kind: 'quarter', year: y, quarter: quarterOf(m) }),
  本季: (y, m) => ({ kind: 'quarter', year: y, quarter: quarterOf(m) }),
  这个季度: (y, m) => ({ kind: 'quarter', year: y, quarter: quarterOf(m) }),
  上季度: (y, m) => (quarterOf(m) === 1 ? { kind: 'quarter', year: y - 1, quarter: 4 } : { kind: 'quarter', year: y, quarter: quarterOf(m) - 1 }),
  上个季度: (y, m) => (quarterOf(m) === 1 ? { kind: 'quarter', year: y - 1, quarter: 4 } : { kind: 'quarter', year: y, quarter: quarterOf(m) - 1 }),
  本年: (y) => ({ kind: 'year', year: y }),
  今年: (y) => ({ kind: 'year', year: y }),
  本年度: (y) => ({ kind: 'year', year: y }),
  全年: (y) => ({ kind: 'year', year: y }),
  去年: (y) => ({ kind: 'year', year: y - 1 }),
  上年: (y) => ({ kind: 'year', year: y - 1 }),
  上一年: (y) => ({ kind: 'year', year: y - 1 }),
}

/**
 * The forms shown to users (help texts, refusals), one of each kind the parser reads; the relative words
 * are RELATIVE's own keys and a test parses every example, so the help cannot promise what the parser
 * does not take.
 */
export const PERIOD_EXAMPLES: readonly string[] = [
  ...(['本月', '上月', '本季度', '上季度', '本年', '去年'] satisfies (keyof typeof RELATIVE)[]),
  '2026年',
  '2026年3月',
  '2026年第一季度',
  '上半年',
  '2026-01至2026-06',
]

/** True when `text` reads as a period (the commands use it to tell a period from a name). */
export function looksLikePeriod(text: string, today: LocalDate): boolean {
  const r = parsePeriod(text, today)
  return r.ok || r.code !== 'period.unrecognised'
}

/** Reads a reporting period relative to `today`. */
export function parsePeriod(text: string, today: LocalDate): Result<Period, PeriodCode> {
  const s = clean(text)
  const shown = text.trim()
  if (s === '') return err('period.unrecognised', { text: shown })
  const [ty, tm] = splitDate(today)

  const hyphen = HYPHEN_MONTH_RANGE.exec(s)
  const range = hyphen ? [hyphen[0], hyphen[1], hyphen[2]] : single(s, ty, tm) ? null : RANGE_SEP.exec(s) ?? HYPHEN_AFTER_UNIT.exec(s)
  if (range) {
    const left = endpoint(range[1], ty)
    if (!left) return err('period.unrecognised', { text: shown })
    if (left === 'impossible') return err('period.impossible', { text: shown })
    const right = endpoint(range[2], left.year)
    if (!right) return err('period.unrecognised', { text: shown })
    if (right === 'impossible') return err('period.impossible', { text: shown })
    const from = left.from
    const to = right.to
    if (to < from) return err('period.reversed', { text: shown })
    if (isLongerThanYears(from, to, MAX_PERIOD_YEARS)) return err('period.too-long', { text: shown })
    const spec: PeriodSpec =
      left.month !== undefined && right.month !== undefined && left.day === undefined && right.day === undefined
        ? { kind: 'months', from: { year: left.year, month: left.month }, to: { year: right.year, month: right.month } }
        : { kind: 'days', from, to }
    return ok({ from, to, spec })
  }

  const one = single(s, ty, tm)
  if (one === 'impossible') return err('period.impossible', { text: shown })
  if (!one) return err('period.unrecognised', { text: shown })
  return ok(withRange(one))
}

/** The first and last day of a spec. */
export function rangeOf(spec: PeriodSpec): { from: LocalDate; to: LocalDate } {
  switch (spec.kind) {
    case 'month':
      return { from: makeDate(spec.year, spec.month, 1), to: makeDate(spec.year, spec.month, daysInMonth(spec.year, spec.month)) }
    case 'quarter': {
      const m = (spec.quarter - 1) * 3 + 1
      return { from: makeDate(spec.year, m, 1), to: makeDate(spec.year, m + 2, daysInMonth(spec.year, m + 2)) }
    }
    case 'half':
      return spec.half === 1 ? { from: makeDate(spec.year, 1, 1), to: makeDate(spec.year, 6, 30) } : { from: makeDate(spec.year, 7, 1), to: makeDate(spec.year, 12, 31) }
    case 'year':
      return { from: makeDate(spec.year, 1, 1), to: makeDate(spec.year, 12, 31) }
    case 'months':
      return { from: makeDate(spec.from.year, spec.from.month, 1), to: makeDate(spec.to.year, spec.to.month, daysInMonth(spec.to.year, spec.to.month)) }
    case 'days':
      return { from: spec.from, to: spec.to }
  }
}

export function withRange(spec: PeriodSpec): Period {
  return { ...rangeOf(spec), spec }
}

/** The calendar year of `today` (the default of /导出台账 and /履职). */
export function thisYear(today: LocalDate): Period {
  return withRange({ kind: 'year', year: splitDate(today)[0] })
}

/** The month of `today` (the default of /统计). */
export function thisMonth(today: LocalDate): Period {
  const [y, m] = splitDate(today)
  return withRange({ kind: 'month', year: y, month: m })
}

/** A whole calendar year: the yearly evaluation is only suggested for one. */
export function isWholeYear(p: Period): boolean {
  return p.spec.kind === 'year'
}

// ---- internals ----------------------------------------------------------------------------------------

function clean(text: string): string {
  return text.normalize('NFKC').replace(/\s+/gu, '').replace(/[。!?！？]+$/u, '')
}

function shift(y: number, m: number, by: number): { year: number; month: number } {
  const i = y * 12 + (m - 1) + by
  return { year: Math.floor(i / 12), month: (i % 12) + 1 }
}

function monthSpec(x: { year: number; month: number }): PeriodSpec {
  return { kind: 'month', year: x.year, month: x.month }
}

function quarterOf(month: number): number {
  return Math.floor((month - 1) / 3) + 1
}

function digitOrHan(s: string): number {
  return /^\d+$/u.test(s) ? Number(s) : readSmallNumber(s) ?? Number.NaN
}

/** A period named by one word (no range), or null when the text is not one. */
function single(s: string, ty: number, tm: number): PeriodSpec | 'impossible' | null {
  if (s in RELATIVE) return RELATIVE[s](ty, tm)
  let m = YEAR.exec(s)
  if (m) return { kind: 'year', year: Number(m[1]) }
  m = YEAR_MONTH.exec(s)
  if (m) {
    const month = Number(m[2])
    return month >= 1 && month <= 12 ? { kind: 'month', year: Number(m[1]), month } : 'impossible'
  }
  m = MONTH.exec(s)
  if (m) {
    const month = digitOrHan(m[1])
    if (Number.isNaN(month)) return null
    return month >= 1 && month <= 12 ? { kind: 'month', year: ty, month } : 'impossible'
  }
  m = QUARTER.exec(s)
  if (m) {
    const q = digitOrHan(m[2] ?? m[3])
    return { kind: 'quarter', year: m[1] ? Number(m[1]) : ty, quarter: q }
  }
  m = HALF.exec(s)
  if (m) return { kind: 'half', year: m[1] ? Number(m[1]) : ty, half: m[2] === '上' ? 1 : 2 }
  m = DATE.exec(s)
  if (m) {
    const d = makeDate(Number(m[1]), Number(m[2]), Number(m[3]))
    return isValidDate(d) ? { kind: 'days', from: d, to: d } : 'impossible'
  }
  return null
}

interface Endpoint {
  year: number
  month?: number
  day?: number
  from: LocalDate
  to: LocalDate
}

/** One side of a range: a year, a month (with or without its year) or a date. */
function endpoint(s: string, defaultYear: number): Endpoint | 'impossible' | null {
  let m = DATE.exec(s)
  if (m) {
    const d = makeDate(Number(m[1]), Number(m[2]), Number(m[3]))
    return isValidDate(d) ? { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), from: d, to: d } : 'impossible'
  }
  m = MONTH_DAY.exec(s)
  if (m) {
    const d = makeDate(defaultYear, Number(m[1]), Number(m[2]))
    return isValidDate(d) ? { year: defaultYear, month: Number(m[1]), day: Number(m[2]), from: d, to: d } : 'impossible'
  }
  let year: number
  let month: number
  m = YEAR_MONTH.exec(s)
  if (m) {
    year = Number(m[1])
    month = Number(m[2])
  } else {
    m = MONTH.exec(s)
    if (m) {
      year = defaultYear
      month = digitOrHan(m[1])
      if (Number.isNaN(month)) return null
    } else {
      m = YEAR.exec(s)
      if (!m) return null
      const y = Number(m[1])
      return { year: y, from: makeDate(y, 1, 1), to: makeDate(y, 12, 31) }
    }
  }
  if (!(month >= 1 && month <= 12)) return 'impossible'
  return { year, month, from: makeDate(year, month, 1), to: makeDate(year, month, daysInMonth(year, month)) }
}
