import { createWorkingCalendar } from '../../../src/domain/calendar/working-calendar.js'
import { statutoryHolidays } from '../../../src/domain/calendar/statutory-holidays.js'
import { chineseDaysLunar, type LunarCalendar } from '../../../src/domain/calendar/lunar.js'

const dates = (year: number) => statutoryHolidays(year, chineseDaysLunar).map((d) => d.date)

describe('the statutory days off from the law (全国年节及纪念日放假办法, 2025 on)', () => {
  test.each([
    // 除夕 2025-01-28 (from the 2025 notice: 1月28日（农历除夕）); 端午 05-31; 中秋 10-06; 清明 04-04
    [2025, ['2025-01-01', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31', '2025-04-04', '2025-05-01', '2025-05-02', '2025-05-31', '2025-10-01', '2025-10-02', '2025-10-03', '2025-10-06']],
    // 除夕 2026-02-16 (腊月小, 2月15日 is 腊月二十八); 清明 04-05; 端午 06-19; 中秋 09-25
    [2026, ['2026-01-01', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-04-05', '2026-05-01', '2026-05-02', '2026-06-19', '2026-09-25', '2026-10-01', '2026-10-02', '2026-10-03']],
    // The year the package lacks (issue 15): 除夕 2月5日, 清明 4月5日, 端午 6月9日, 中秋 9月15日
    [2027, ['2027-01-01', '2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08', '2027-04-05', '2027-05-01', '2027-05-02', '2027-06-09', '2027-09-15', '2027-10-01', '2027-10-02', '2027-10-03']],
    // 中秋 on 3 October: one day, listed once (12 dates); a leap fifth month (闰五月) does not move 端午
    [2028, ['2028-01-01', '2028-01-25', '2028-01-26', '2028-01-27', '2028-01-28', '2028-04-04', '2028-05-01', '2028-05-02', '2028-05-28', '2028-10-01', '2028-10-02', '2028-10-03']],
  ])('%i', (year, expected) => {
    expect(dates(year as number)).toEqual(expected)
  })

  test.each([2025, 2026])('%i: every statutory day is a day off in chinese-days’ published data', (year) => {
    // Computed as if the package lacked the year; the package's data is the State Council's notice.
    const published = createWorkingCalendar()
    expect(published.sourceOf(year)).toBe('package')
    const notOff = dates(year).filter((d) => published.isWorkingDay(d))
    expect(notOff).toEqual([])
  })

  test('each festival is named', () => {
    const byFestival = new Map<string, string[]>()
    for (const d of statutoryHolidays(2027, chineseDaysLunar)) byFestival.set(d.festival, [...(byFestival.get(d.festival) ?? []), d.date])
    expect(Object.fromEntries(byFestival)).toEqual({
      newYear: ['2027-01-01'],
      springFestival: ['2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08'],
      qingming: ['2027-04-05'],
      labourDay: ['2027-05-01', '2027-05-02'],
      dragonBoat: ['2027-06-09'],
      midAutumn: ['2027-09-15'],
      nationalDay: ['2027-10-01', '2027-10-02', '2027-10-03'],
    })
  })

  test('the lunar dates come from the LunarCalendar given (no table of our own)', () => {
    const fake: LunarCalendar = {
      solarOfLunar: (y, m, d) => `${y}-${String(m + 1).padStart(2, '0')}-${String(d + 10).padStart(2, '0')}`,
      qingming: (y) => `${y}-04-04`,
    }
    expect(statutoryHolidays(2040, fake).filter((d) => d.festival !== 'newYear' && d.festival !== 'labourDay' && d.festival !== 'nationalDay').map((d) => d.date)).toEqual([
      '2040-02-10', '2040-02-11', '2040-02-12', '2040-02-13', '2040-04-04', '2040-06-15', '2040-09-25',
    ])
  })
})

describe('the provisional calendar in the working calendar', () => {
  const cal = createWorkingCalendar()
  test('2027 is provisional: statutory days and weekends off, nothing else', () => {
    expect(cal.sourceOf(2027)).toBe('provisional')
    expect(cal.isYearCovered(2027)).toBe(false)
    expect(cal.isWorkingDay('2027-01-01')).toBe(false) // Friday, 元旦
    for (const d of ['2027-02-05', '2027-02-08']) expect(cal.isWorkingDay(d)).toBe(false) // Fri, Mon
    expect(cal.isWorkingDay('2027-02-09')).toBe(true) // 初四: not statutory (the notice will add bridge days)
    expect(cal.nextWorkingDayOnOrAfter('2027-01-01')).toBe('2027-01-04')
    expect(cal.nextWorkingDayOnOrAfter('2027-02-05')).toBe('2027-02-09')
    expect(cal.nextWorkingDayOnOrAfter('2027-10-01')).toBe('2027-10-04')
  })

  test('deadlines across the new year skip 1 January', () => {
    // 2026-12-31 (Thu) + 1 working day: not Fri 1 January 2027, but Mon 4 January.
    expect(cal.addWorkingDays('2026-12-31', 1)).toBe('2027-01-04')
    expect(cal.workingDaysBetween('2026-12-31', '2027-01-08')).toBe(5)
  })

  test('outside the lunar tables only weekends are known', () => {
    expect(cal.sourceOf(2150)).toBe('weekends')
    expect(cal.isWorkingDay('2150-01-01')).toBe(true) // Thursday
  })
})
