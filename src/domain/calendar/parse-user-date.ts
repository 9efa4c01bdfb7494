/**
 * Dates and months as people type them in a WeChat group: "12月10号", "12/10", "下周三", "明天",
 * "2026年12月", "下月" …
 *
 * Why: requests like 请假 12月10日 or 排班 下月 carry a date in whatever form the sender uses; the command
 * needs one `LocalDate` (Asia/Shanghai) or a precise reason to ask again. `today` is injected (never
 * `Date.now()`), so "明天" is testable.
 *
 * Policies:
 * - A month/day without a year is its first occurrence that is at most 61 days (~2 months) in the past,
 *   trying last year, this year, next year: in late November "1月5日" is next January while "10月20日"
 *   stays this year (and `requireNotPast` then says it is past instead of silently jumping a year); in
 *   early January "12月28日" is the December just gone, not the next one.
 *   `parseMonthSpec` does the same by months: at most two months back, else next year.
 * - "周三" alone is the next Wednesday, today included; "本周三/这周三" is the Wednesday of this week
 *   (Monday–Sunday, may be past); "下周三" of next week, "下下周三" the week after, "上周三" last week.
 * - "25号" alone is the next 25th (this month if not past, else next month).
 * - A weekday written after a date ("12月10日（周四）") must match the date, else `date.weekday-mismatch`:
 *   a wrong pair usually means a typo in one of them, and guessing which would be worse.
 * Input is NFKC-normalised again here (full-width digits, `／`, `．`), blanks are ignored. Chinese is never
 * matched with `\w`.
 */
import type { Result } from '../result.js'
import { err, ok } from '../result.js'
import type { LocalDate } from '../time/local-date.js'
import { addDays, daysBetween, daysInMonth, isoWeekday, makeDate, splitDate, weekStart } from '../time/local-date.js'
import { readSmallNumber } from './reception-rule.js'

export type UserDateCode =
  | 'date.unrecognised' // params.text
  | 'date.impossible' // params.month, params.day (and params.year when known): 2月30日, 13月1日
  | 'date.weekday-mismatch' // params.date, params.weekday: "12月10日周三" when 10 Dec is a Thursday
export type PastDateCode = 'date.past' // params.date, params.today
export type MonthSpecCode =
  | 'month.unrecognised' // params.text
  | 'month.impossible' // params.month: "13月"
/** Every code this file can return. */
export type ParseUserDateCode = UserDateCode | PastDateCode | MonthSpecCode

export interface MonthSpec {
  year: number
  month: number
}

/** How far in the past a year-less date may be before it is read as next year's. */
const PAST_WINDOW_DAYS = 61

const NUM = '([0-9]{1,2}|[零〇一二两三四五六七八九十]{1,3})'
const WEEKDAY = '(?:周|星期|礼拜)([一二三四五六日天1-7])'
const DAY_END = '(?:日|号)?'

const FULL_DATE = /^([0-9]{4})(?:年|[-/.])([0-9]{1,2})(?:月|[-/.])([0-9]{1,2})(?:日|号)?$/u
const MONTH_DAY = new RegExp(`^${NUM}(?:月|[-/.])${NUM}${DAY_END}$`, 'u')
const DAY_ONLY = new RegExp(`^${NUM}(?:日|号)$`, 'u')
const THIS_MONTH_DAY = new RegExp(`^(?:本月|这个月|这月|当月)${NUM}${DAY_END}$`, 'u')
const NEXT_MONTH_DAY = new RegExp(`^(?:下月|下个月|下一个月|下一月)${NUM}${DAY_END}$`, 'u')
const RELATIVE_WEEKDAY = new RegExp(`^(本|这|这个|下|下个|下一个|下一|下下|下下个|上|上个|上一个|上一)?${WEEKDAY}$`, 'u')
const TRAILING_WEEKDAY = new RegExp(`^(.+?)[(（]?${WEEKDAY}[)）]?$`, 'u')

const WEEKDAY_OF: Record<string, number> = {
  一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 日: 7, 天: 7,
  '1': 1, '2': 2, '3': 3, '4': 4, '5': 5, '6': 6, '7': 7,
}

const RELATIVE_DAYS: Record<string, number> = {
  今天: 0, 今日: 0, 明天: 1, 明日: 1, 后天: 2, 大后天: 3,
}

function clean(text: string): string {
  return text.normalize('NFKC').replace(/\s+/gu, '').replace(/[。!?！？]+$/u, '')
}

function num(s: string): number {
  return readSmallNumber(s) ?? Number.NaN
}

const unrecognised = (text: string): Result<LocalDate, UserDateCode> => err('date.unrecognised', { text })

/** A full date, or `date.impossible` with what was asked. */
function build(year: number, month: number, day: number): Result<LocalDate, UserDateCode> {
  if (!(month >= 1 && month <= 12) || !(day >= 1 && day <= daysInMonth(year, month))) {
    return err('date.impossible', { year, month, day })
  }
  return ok(makeDate(year, month, day))
}

function inferYear(month: number, day: number, today: LocalDate): number {
  const [ty] = splitDate(today)
  for (const y of [ty - 1, ty]) {
    const probe = makeDate(y, month, Math.min(day, daysInMonth(y, month)))
    if (daysBetween(probe, today) <= PAST_WINDOW_DAYS) return y
  }
  return ty + 1
}

function shiftMonth(year: number, month: number, by: number): MonthSpec {
  const i = year * 12 + (month - 1) + by
  return { year: Math.floor(i / 12), month: (i % 12) + 1 }
}

/** Parses a date without a trailing weekday. */
function parseBare(s: string, today: LocalDate): Result<LocalDate, UserDateCode> | null {
  const [ty, tm, td] = splitDate(today)

  if (s in RELATIVE_DAYS) return ok(addDays(today, RELATIVE_DAYS[s]))

  const week = RELATIVE_WEEKDAY.exec(s)
  if (week) {
    const target = WEEKDAY_OF[week[2]]
    const prefix = week[1] ?? ''
    if (prefix === '') return ok(addDays(today, (target - isoWeekday(today) + 7) % 7))
    const weeksAhead = prefix.startsWith('下下') ? 2 : prefix.startsWith('下') ? 1 : prefix.startsWith('上') ? -1 : 0
    return ok(addDays(weekStart(today), 7 * weeksAhead + target - 1))
  }

  let m = FULL_DATE.exec(s)
  if (m) return build(Number(m[1]), Number(m[2]), Number(m[3]))

  m = MONTH_DAY.exec(s)
  if (m) {
    const month = num(m[1])
    const day = num(m[2])
    if (Number.isNaN(month) || Number.isNaN(day)) return unrecognised(s)
    if (!(month >= 1 && month <= 12) || !(day >= 1 && day <= 31)) return err('date.impossible', { month, day })
    return build(inferYear(month, day, today), month, day)
  }

  m = THIS_MONTH_DAY.exec(s)
  if (m) return Number.isNaN(num(m[1])) ? unrecognised(s) : build(ty, tm, num(m[1]))

  m = NEXT_MONTH_DAY.exec(s)
  if (m) {
    const next = shiftMonth(ty, tm, 1)
    return Number.isNaN(num(m[1])) ? unrecognised(s) : build(next.year, next.month, num(m[1]))
  }

  m = DAY_ONLY.exec(s)
  if (m) {
    const day = num(m[1])
    if (Number.isNaN(day)) return unrecognised(s)
    if (!(day >= 1 && day <= 31)) return err('date.impossible', { month: tm, day })
    if (day >= td && day <= daysInMonth(ty, tm)) return ok(makeDate(ty, tm, day))
    const next = shiftMonth(ty, tm, 1)
    return build(next.year, next.month, day)
  }
  return null
}

/**
 * Reads a date a person typed, relative to `today` (Asia/Shanghai). Does not judge past/future: use
 * `requireNotPast` where the command needs a coming date.
 */
export function parseUserDate(text: string, today: LocalDate): Result<LocalDate, UserDateCode> {
  const s = clean(text)
  const bare = parseBare(s, today)
  if (bare) return bare
  const withWeekday = TRAILING_WEEKDAY.exec(s)
  if (withWeekday) {
    const inner = parseBare(withWeekday[1], today)
    if (inner && inner.ok) {
      const weekday = WEEKDAY_OF[withWeekday[2]]
      if (isoWeekday(inner.value) !== weekday) return err('date.weekday-mismatch', { date: inner.value, weekday })
      return inner
    }
    if (inner) return inner
  }
  return err('date.unrecognised', { text: text.trim() })
}

/** Today counts as not past. */
export function requireNotPast(date: LocalDate, today: LocalDate): Result<LocalDate, PastDateCode> {
  return date < today ? err('date.past', { date, today }) : ok(date)
}

const MONTH_NAMED = new RegExp(`^(今年|明年|去年)?${NUM}月份?$`, 'u')
const MONTH_FULL = /^([0-9]{4})(?:年|[-/.])([0-9]{1,2})月?份?$/u
const MONTH_RELATIVE: Record<string, number> = {
  本月: 0, 这个月: 0, 这月: 0, 当月: 0, 下月: 1, 下个月: 1, 下一个月: 1, 上月: -1, 上个月: -1,
}

/** Reads a month: "2026年12月", "2026-12", "12月", "本月", "下月", "上个月", "明年1月". */
export function parseMonthSpec(text: string, today: LocalDate): Result<MonthSpec, MonthSpecCode> {
  const s = clean(text)
  const [ty, tm] = splitDate(today)
  if (s in MONTH_RELATIVE) return ok(shiftMonth(ty, tm, MONTH_RELATIVE[s]))
  const full = MONTH_FULL.exec(s)
  if (full) {
    const month = Number(full[2])
    if (month < 1 || month > 12) return err('month.impossible', { month })
    return ok({ year: Number(full[1]), month })
  }
  const named = MONTH_NAMED.exec(s)
  if (named) {
    const month = num(named[2])
    if (Number.isNaN(month)) return err('month.unrecognised', { text: text.trim() })
    if (!(month >= 1 && month <= 12)) return err('month.impossible', { month })
    const yearWord = named[1]
    if (yearWord) return ok({ year: ty + (yearWord === '明年' ? 1 : yearWord === '去年' ? -1 : 0), month })
    const monthsBack = (y: number): number => (ty - y) * 12 + (tm - month)
    return ok({ year: monthsBack(ty - 1) <= 2 ? ty - 1 : monthsBack(ty) <= 2 ? ty : ty + 1, month })
  }
  return err('month.unrecognised', { text: text.trim() })
}
