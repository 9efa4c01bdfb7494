/**
 * Reads the State Council's yearly notice (国务院办公厅关于YYYY年部分节假日安排的通知) from its text: the
 * days off and the make-up working days (调休上班) it names. Pure; errors are codes with the line.
 *
 * The notice has a fixed shape with variations over the years, all of which this reads:
 * - one numbered item per festival: `一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。`
 * - `周四` or `星期四`; `（农历除夕、周二）`; full-width or half-width punctuation (NFKC first);
 * - the month (and year) left out of a range's end (`2月10日至17日`), a range over the new year
 *   (`2022年12月31日至2023年1月2日`), a list (`1月28日（星期六）、1月29日（星期日）上班`);
 * - `放假`, `放假调休`, `补休`, `与周末连休`, `放假1天，不调休`;
 * - sentences that name a day without making it one off (`鼓励……安排职工在除夕（2月9日）休息`) are skipped.
 *
 * Checks that catch a misread: a weekday in brackets must be the date's weekday; `共N天` must be the
 * number of days the sentence gives off; a date cannot be both off and working; every numbered item must
 * read in full. Anything else in the text (the preamble, the closing paragraph, the signature) is ignored.
 * The notice's year comes from the text (`2027年元旦` / `关于2027年`), never from the clock.
 */
import { err, ok, type Result } from '../result.js'
import { addDays, isoWeekday, isValidDate, makeDate, type LocalDate } from '../time/local-date.js'

export interface NoticeItem {
  /** The festival as the notice names it (`中秋节、国庆节`). */
  name: string
  /** Line number in the text (1-based), for messages. */
  line: number
  holidays: LocalDate[]
  workdays: LocalDate[]
}

export interface HolidayNotice {
  year: number
  /** Days off the notice names, in date order (a day of the previous year may open the list: 元旦 2023). */
  holidays: LocalDate[]
  /** Its make-up working days, in date order. */
  workdays: LocalDate[]
  items: NoticeItem[]
}

export type NoticeErrorCode =
  | 'notice.empty'
  | 'notice.no-year' // no "YYYY年元旦" / "关于YYYY年" in the text
  | 'notice.no-items' // no numbered festival item
  | 'notice.bad-line' // params.line, params.text: a numbered item that does not read in full
  | 'notice.bad-date' // params.line, params.text, params.date: e.g. 2月30日
  | 'notice.weekday-mismatch' // params.line, params.date, params.weekday (1–7 as written)
  | 'notice.count-mismatch' // params.line, params.said, params.counted
  | 'notice.both' // params.date: named as a day off and as a working day
  | 'notice.other-year' // params.line, params.date: a date far from the notice's year

const FESTIVAL = /元旦|春节|清明|劳动|端午|中秋|国庆|纪念日/
const ITEM = /^\s*([一二三四五六七八九十]{1,3})、\s*([^:]{1,30}?)\s*:\s*(.*)$/
const WEEKDAY_CN: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 日: 7, 天: 7 }
/** A date as written: optional year, optional month, day, optional bracket. */
const DATE = /(?:(\d{4})\s*年\s*)?(?:(\d{1,2})\s*月\s*)?(\d{1,2})\s*日(?:\s*\(([^)]*)\))?/g
const RANGE_SEP = /^\s*(?:至|到|-|~|—|–|－)\s*$/

interface Token {
  date: LocalDate
  /** Text between the previous token and this one. */
  before: string
}

export function parseHolidayNotice(text: string): Result<HolidayNotice, NoticeErrorCode> {
  const norm = text.normalize('NFKC').replace(/\r\n?/g, '\n')
  if (!norm.trim()) return err('notice.empty')
  const yearMatch = /关于\s*(\d{4})\s*年\s*部分节假日/.exec(norm) ?? /(\d{4})\s*年\s*元旦/.exec(norm) ?? /(\d{4})\s*年[^\n。]{0,40}放假调休日期/.exec(norm)
  if (!yearMatch) return err('notice.no-year')
  const year = Number(yearMatch[1])
  // A text pasted as one paragraph: each numbered item on its own line.
  const lines = norm.replace(/([。;])\s*(?=[一二三四五六七八九十]{1,3}、[^:。]{1,20}:)/g, '$1\n').split('\n')

  const items: NoticeItem[] = []
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim()
    const m = ITEM.exec(line)
    if (!m || !FESTIVAL.test(m[2])) {
      // A numbered line that names a festival but has no colon is a misread, not prose.
      if (/^[一二三四五六七八九十]{1,3}、/.test(line) && FESTIVAL.test(line.slice(0, 12)) && /\d+\s*月/.test(line)) {
        return err('notice.bad-line', { line: i + 1, text: line })
      }
      continue
    }
    const item = parseItem(m[2], m[3], year, i + 1, line)
    if (!item.ok) return item
    items.push(item.value)
  }
  if (items.length === 0) return err('notice.no-items')

  const holidays = new Set<LocalDate>()
  const workdays = new Set<LocalDate>()
  for (const it of items) {
    for (const d of it.holidays) holidays.add(d)
    for (const d of it.workdays) workdays.add(d)
  }
  for (const d of holidays) if (workdays.has(d)) return err('notice.both', { date: d })
  return ok({ year, holidays: [...holidays].sort(), workdays: [...workdays].sort(), items })
}

function parseItem(name: string, body: string, year: number, line: number, lineText: string): Result<NoticeItem, NoticeErrorCode> {
  const holidays: LocalDate[] = []
  const workdays: LocalDate[] = []
  // The year and month a date without them inherits: the notice's year, then the last date written.
  const ctx = { year, month: 0 }
  // A text pasted as one paragraph runs on from the last item into the closing lines and the signature.
  const own = body.split(/节假日期间|国务院办公厅/)[0]
  for (const sentence of own.split(/[。;]/)) {
    const s = sentence.trim()
    if (!s || /^鼓励|^提倡|^建议/.test(s)) continue
    const sentenceVerb = verbOf(s)
    const off: LocalDate[] = []
    for (const clause of s.split(/[,,]/)) {
      const tokens = dateTokens(clause, ctx)
      if (!tokens.ok) return err(tokens.code, { ...tokens.params, line, text: lineText })
      if (tokens.value.length === 0) continue
      const verb = verbOf(clause) ?? sentenceVerb
      if (!verb) return err('notice.bad-line', { line, text: lineText })
      const dates: LocalDate[] = []
      for (let k = 0; k < tokens.value.length; k++) {
        const t = tokens.value[k]
        if (k > 0 && RANGE_SEP.test(t.before)) {
          const from = dates[dates.length - 1]
          if (t.date <= from) return err('notice.bad-line', { line, text: lineText })
          for (let d = addDays(from, 1); d <= t.date; d = addDays(d, 1)) dates.push(d)
        } else if (k > 0 && !/^\s*(?:、|和|及|与)?\s*$/.test(t.before)) {
          return err('notice.bad-line', { line, text: lineText })
        } else dates.push(t.date)
      }
      for (const d of dates) {
        if (Math.abs(Number(d.slice(0, 4)) - year) > 1) return err('notice.other-year', { line, date: d })
      }
      if (verb === 'work') workdays.push(...dates)
      else off.push(...dates)
    }
    const said = /共\s*(\d{1,2})\s*天/.exec(s)
    if (said && off.length && Number(said[1]) !== off.length) {
      return err('notice.count-mismatch', { line, said: Number(said[1]), counted: off.length })
    }
    holidays.push(...off)
  }
  if (holidays.length === 0 && workdays.length === 0) return err('notice.bad-line', { line, text: lineText })
  return ok({ name, line, holidays, workdays })
}

/** What a clause makes of its dates: working (上班) or off (放假, 补休, 休息). */
function verbOf(text: string): 'work' | 'off' | undefined {
  if (/上班/.test(text)) return 'work'
  if (/放假|补休|休息|连休/.test(text)) return 'off'
  return undefined
}

function dateTokens(clause: string, ctx: { year: number; month: number }): Result<Token[], NoticeErrorCode> {
  const out: Token[] = []
  let last = 0
  for (const m of clause.matchAll(DATE)) {
    const before = clause.slice(last, m.index)
    last = m.index + m[0].length
    let y = m[1] ? Number(m[1]) : ctx.year
    let mo = m[2] ? Number(m[2]) : ctx.month
    const d = Number(m[3])
    if (!mo) return err('notice.bad-date', { date: m[0] })
    // "12月31日至1月2日" with no years written: the end is in the next year.
    if (!m[1] && m[2] && ctx.month && mo < ctx.month && out.length > 0) y = ctx.year + 1
    const date = makeDate(y, mo, d)
    if (!isValidDate(date)) return err('notice.bad-date', { date: m[0].replace(/\(.*$/, '') })
    const wd = m[4] ? /(?:周|星期)\s*([一二三四五六日天])/.exec(m[4]) : null
    if (wd && WEEKDAY_CN[wd[1]] !== isoWeekday(date)) return err('notice.weekday-mismatch', { date, weekday: WEEKDAY_CN[wd[1]] })
    ctx.year = y
    ctx.month = mo
    out.push({ date, before })
  }
  return ok(out)
}
