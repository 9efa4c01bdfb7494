/**
 * A small WorkingDays for the issue tests: weekends, plus the 2026 Mid-Autumn and National Day holidays as
 * the State Council published them (2026-09-25 and 2026-10-01..07 off; Sunday 2026-09-20 and Saturday
 * 2026-10-10 are make-up working days). issue-machine.test.ts checks it against chinese-days' data file.
 */
import type { WorkingDays } from '../../../src/domain/issues/issue.js'
import { addDays, isoWeekday, type LocalDate } from '../../../src/domain/time/local-date.js'

export const HOLIDAYS_2026_AUTUMN = [
  '2026-09-25', '2026-09-26', '2026-09-27',
  '2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07',
]
export const MAKEUP_WORKDAYS_2026_AUTUMN = ['2026-09-20', '2026-10-10']

export function fakeWorkingDays(): WorkingDays {
  const off = new Set(HOLIDAYS_2026_AUTUMN)
  const on = new Set(MAKEUP_WORKDAYS_2026_AUTUMN)
  const isWorkingDay = (d: LocalDate): boolean => on.has(d) || (!off.has(d) && isoWeekday(d) <= 5)
  const countAfter = (a: LocalDate, b: LocalDate): number => {
    let n = 0
    for (let d = addDays(a, 1); d <= b; d = addDays(d, 1)) if (isWorkingDay(d)) n++
    return n
  }
  return {
    isWorkingDay,
    addWorkingDays(d, n) {
      let x = d
      for (let k = 0; k < n; ) {
        x = addDays(x, 1)
        if (isWorkingDay(x)) k++
      }
      return x
    },
    workingDaysBetween: (a, b) => (a <= b ? countAfter(a, b) : -countAfter(b, a)),
  }
}
