/**
 * The days off that the national holiday regulation itself fixes (《全国年节及纪念日放假办法》, as revised
 * in November 2024, in force from 2025), for a year whose State Council notice is not known yet:
 *
 * | 节日 | days |
 * |---|---|
 * | 元旦 | 1 January |
 * | 春节 | 4 days: 农历除夕 and 正月初一 to 初三 |
 * | 清明节 | the day of the 清明 solar term |
 * | 劳动节 | 1 and 2 May |
 * | 端午节 | 农历五月初五 |
 * | 中秋节 | 农历八月十五 |
 * | 国庆节 | 1 to 3 October |
 *
 * This is the floor, not the notice: the State Council adds bridge days and make-up working weekends
 * (调休) each year, which no rule predicts. A calendar built from this is "provisional" until the notice
 * is loaded. Lunar dates and the solar term come from `LunarCalendar` (the package's tables), never from
 * a table of our own. Pure: same year, same answer.
 */
import { addDays, makeDate, type LocalDate } from '../time/local-date.js'
import type { LunarCalendar } from './lunar.js'

export type Festival = 'newYear' | 'springFestival' | 'qingming' | 'labourDay' | 'dragonBoat' | 'midAutumn' | 'nationalDay'

export interface StatutoryDay {
  date: LocalDate
  festival: Festival
}

/** The statutory days off of `year`, by date (each date once). */
export function statutoryHolidays(year: number, lunar: LunarCalendar): StatutoryDay[] {
  const out: StatutoryDay[] = []
  const add = (date: LocalDate, festival: Festival) => out.push({ date, festival })
  add(makeDate(year, 1, 1), 'newYear')
  // 除夕 is the day before 正月初一 of the lunar year that starts in this Gregorian year (late Jan–Feb),
  // whether the last lunar month has 29 or 30 days.
  const newYear = lunar.solarOfLunar(year, 1, 1)
  for (let k = -1; k <= 2; k++) add(addDays(newYear, k), 'springFestival')
  add(lunar.qingming(year), 'qingming')
  add(makeDate(year, 5, 1), 'labourDay')
  add(makeDate(year, 5, 2), 'labourDay')
  add(lunar.solarOfLunar(year, 5, 5), 'dragonBoat')
  add(lunar.solarOfLunar(year, 8, 15), 'midAutumn')
  for (let d = 1; d <= 3; d++) add(makeDate(year, 10, d), 'nationalDay')
  // 中秋 can fall on 1–3 October (2028, 2031…): one day off, listed once.
  const seen = new Set<string>()
  return out.filter((x) => (seen.has(x.date) ? false : (seen.add(x.date), true))).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
}
