/**
 * The lunar calendar and the solar terms, from the `chinese-days` package (its conversion tables; we keep
 * none of our own), made time-zone safe.
 *
 * Why the care: the package turns a `YYYY-MM-DD` string into a UTC-midnight `Date` and then reads it
 * with local-time getters, so on a machine west of UTC its answers come out a day early. We hand it local
 * `Date`s built from the wall date (its getters then read back exactly what we meant), and for the solar
 * terms, whose day it formats from a UTC-midnight `Date` itself, we undo that one-day slip: the slip is the
 * machine's, so it is measured on the date the package returned. Every answer is a plain `YYYY-MM-DD`
 * calendar date (Asia/Shanghai wall date), whatever `TZ` is.
 */
import { createRequire } from 'node:module'
import { addDays, makeDate, splitDate, type LocalDate } from '../time/local-date.js'

interface ChineseDaysLunar {
  getSolarDateFromLunar(lunar: Date): { date: string; leapMonthDate?: string }
  getSolarTermDate(year: number, month: number, term: string): string
}

const lib = createRequire(import.meta.url)('chinese-days') as ChineseDaysLunar

/** The package's own date formatting of a UTC-midnight Date: what it would print for `date`. */
function packageFormat(date: LocalDate): LocalDate {
  const [y, m, d] = splitDate(date)
  const t = new Date(Date.UTC(y, m - 1, d))
  return makeDate(t.getFullYear(), t.getMonth() + 1, t.getDate())
}

export interface LunarCalendar {
  /** The solar date of lunar `month`/`day` of lunar year `lunarYear` (not the leap month). */
  solarOfLunar(lunarYear: number, month: number, day: number): LocalDate
  /** The day of the 清明 solar term in `year` (4 or 5 April). */
  qingming(year: number): LocalDate
}

/** Years the package's lunar tables cover (1900–2100, kept a year inside each end). */
export const LUNAR_YEARS = { from: 1901, to: 2099 }

export const chineseDaysLunar: LunarCalendar = {
  solarOfLunar(lunarYear, month, day) {
    // A local Date at noon: its local getters give back exactly this year, month and day.
    const r = lib.getSolarDateFromLunar(new Date(lunarYear, month - 1, day, 12))
    return r.date
  },
  qingming(year) {
    const printed = lib.getSolarTermDate(year, 4, 'pure_brightness')
    // West of UTC the package printed the day before; the true day is the one it would print as `printed`.
    const next = addDays(printed, 1)
    return packageFormat(next) === printed ? next : printed
  },
}
