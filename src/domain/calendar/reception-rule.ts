/**
 * A studio's reception-day rule ("每月10日、25日", "每月第二个周三", "每月1日；最后一个周五") and the
 * dates it yields.
 *
 * Why: coordinators write the rule in their own words in the YAML config; the bot must read the
 * common forms and turn them into real session dates under the published policy 如遇节假日顺延到下一个
 * 工作日 (a date on a make-up working Saturday stays there).
 *
 * Policies:
 * - A day the month lacks (31 in a 30-day month, 29–31 in February) is clamped to the month's last day,
 *   then moved like any other date; so "每月31日" is a monthly session at month end, never skipped.
 * - "第五个周X" in a month with only four is the last one (same idea: the month keeps its session).
 * - A moved date can cross into the next month (1 Oct → 9 Oct is fine, 31 Jan 2026 → 2 Feb). Dates are
 *   listed under the month they fall in: `receptionDatesInMonth(…, 2026, 2)` includes 2 Feb that came
 *   from January's 31st. So the months of a year together list every session exactly once.
 * - Two rules landing on the same day (before or after moving) make one session.
 */
import type { ReceptionRule } from '../model.js'
import type { Result } from '../result.js'
import { err, ok } from '../result.js'
import type { LocalDate } from '../time/local-date.js'
import { daysInMonth, isoWeekday, makeDate, monthKey, splitDate } from '../time/local-date.js'
import type { WorkingCalendar } from './working-calendar.js'

export type ReceptionRuleCode =
  | 'rule.empty' // nothing but blanks/separators
  | 'rule.unrecognised' // params.text: the piece not understood
  | 'rule.day-out-of-range' // params.day: a day outside 1–31
  | 'rule.nth-out-of-range' // params.nth: "第六个周三", "第0个周一"
  | 'rule.weekday-out-of-range' // params.weekday: "周8", "周0"

/** Separators between rule pieces: 、，,；;, blanks, 和/及/与/以及. "10,25" and "10、25日" both work. */
const SEPARATORS = /(?:以及|[、,，;；\s和及与])+/u

const WEEKDAY_WORDS: Record<string, number> = {
  一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 日: 7, 天: 7,
}

const CN_DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
}

/** "12", "十二", "二十五", "三十一" → number; null when not a number word. Shared with parse-user-date. */
export function readSmallNumber(s: string): number | null {
  if (/^[0-9]+$/.test(s)) return Number(s)
  if (!/^[零〇一二两三四五六七八九十]+$/u.test(s)) return null
  const ten = s.indexOf('十')
  if (ten === -1) return s.length === 1 ? CN_DIGITS[s] : null
  if (s.indexOf('十', ten + 1) !== -1) return null
  const tensPart = s.slice(0, ten)
  const onesPart = s.slice(ten + 1)
  if (tensPart.length > 1 || onesPart.length > 1) return null
  const tens = tensPart === '' ? 1 : CN_DIGITS[tensPart]
  const ones = onesPart === '' ? 0 : CN_DIGITS[onesPart]
  if (tens === undefined || ones === undefined) return null
  return tens * 10 + ones
}

const NUM = '[0-9]+|[零〇一二两三四五六七八九十]+'
const PREFIX = '(?:每月|每个月|每月的|每个月的|月)?'
const WEEK = '(?:周|星期|礼拜)'
const DAY_RE = new RegExp(`^${PREFIX}(${NUM})(?:日|号)?$`, 'u')
const NTH_RE = new RegExp(`^${PREFIX}第(${NUM})个?${WEEK}(${NUM}|[日天])$`, 'u')
const LAST_RE = new RegExp(`^${PREFIX}(?:最后一个|最后1个|最末一个|最后|倒数第一个|倒数第1个)${WEEK}(${NUM}|[日天])$`, 'u')

function readWeekday(s: string): number | null {
  if (s in WEEKDAY_WORDS) return WEEKDAY_WORDS[s]
  return readSmallNumber(s)
}

/**
 * Reads a rule as coordinators write it. Day numbers gather into one `days` rule (sorted, unique);
 * weekday rules follow in the order written, without duplicates.
 */
export function parseReceptionRule(text: string): Result<ReceptionRule[], ReceptionRuleCode> {
  const pieces = text.normalize('NFKC').split(SEPARATORS).filter((p) => p !== '')
  if (pieces.length === 0) return err('rule.empty')
  const days: number[] = []
  const rules: ReceptionRule[] = []
  let daysAt = -1
  for (const piece of pieces) {
    const day = DAY_RE.exec(piece)
    if (day) {
      const n = readSmallNumber(day[1])
      if (n === null) return err('rule.unrecognised', { text: piece })
      if (n < 1 || n > 31) return err('rule.day-out-of-range', { day: n })
      if (daysAt === -1) daysAt = rules.length
      if (!days.includes(n)) days.push(n)
      continue
    }
    const nth = NTH_RE.exec(piece)
    const last = nth ? null : LAST_RE.exec(piece)
    if (!nth && !last) return err('rule.unrecognised', { text: piece })
    const n = nth ? readSmallNumber(nth[1]) : -1
    const weekdayText = nth ? nth[2] : last![1]
    const weekday = readWeekday(weekdayText)
    if (n === null || weekday === null) return err('rule.unrecognised', { text: piece })
    if (n !== -1 && (n < 1 || n > 5)) return err('rule.nth-out-of-range', { nth: n })
    if (weekday < 1 || weekday > 7) return err('rule.weekday-out-of-range', { weekday })
    if (!rules.some((r) => r.kind === 'nth-weekday' && r.nth === n && r.weekday === weekday)) {
      rules.push({ kind: 'nth-weekday', nth: n, weekday })
    }
  }
  if (daysAt !== -1) rules.splice(daysAt, 0, { kind: 'days', days: days.sort((a, b) => a - b) })
  return ok(rules)
}

/** The rule dates of one month before any moving (clamped; may contain duplicates). */
function rawDates(rules: ReceptionRule[], year: number, month: number, out: LocalDate[]): void {
  const last = daysInMonth(year, month)
  let firstWeekday = 0
  for (const rule of rules) {
    if (rule.kind === 'days') {
      for (const d of rule.days) out.push(makeDate(year, month, Math.min(d, last)))
    } else {
      if (firstWeekday === 0) firstWeekday = isoWeekday(makeDate(year, month, 1))
      const first = 1 + ((rule.weekday - firstWeekday + 7) % 7)
      const lastOne = first + 7 * Math.floor((last - first) / 7)
      const day = rule.nth === -1 ? lastOne : Math.min(first + 7 * (rule.nth - 1), lastOne)
      out.push(makeDate(year, month, day))
    }
  }
}

/**
 * Session dates falling in `year`-`month`: this month's rule dates moved to a working day, plus any of
 * last month's that moved into this month. Unique, sorted.
 */
export function receptionDatesInMonth(
  rules: ReceptionRule[],
  year: number,
  month: number,
  cal: WorkingCalendar,
): LocalDate[] {
  const key = makeDate(year, month, 1).slice(0, 7)
  const raw: LocalDate[] = []
  rawDates(rules, month === 1 ? year - 1 : year, month === 1 ? 12 : month - 1, raw)
  rawDates(rules, year, month, raw)
  const found: LocalDate[] = []
  for (const r of raw) {
    const moved = cal.nextWorkingDayOnOrAfter(r)
    if (moved.startsWith(key) && !found.includes(moved)) found.push(moved)
  }
  return found.sort()
}

/** Session dates in [from, to] (both inclusive), unique and sorted; [] when `to` is before `from`. */
export function receptionDatesBetween(
  rules: ReceptionRule[],
  from: LocalDate,
  to: LocalDate,
  cal: WorkingCalendar,
): LocalDate[] {
  if (to < from) return []
  const out: LocalDate[] = []
  let [y, m] = splitDate(from)
  const end = monthKey(to)
  for (;;) {
    const key = makeDate(y, m, 1).slice(0, 7)
    if (key > end) break
    for (const d of receptionDatesInMonth(rules, y, m, cal)) if (d >= from && d <= to) out.push(d)
    if (m === 12) {
      y += 1
      m = 1
    } else m += 1
  }
  return out
}
