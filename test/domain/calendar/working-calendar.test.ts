import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { createWorkingCalendar } from '../../../src/domain/calendar/working-calendar.js'
import { addDays } from '../../../src/domain/time/local-date.js'

// Published State Council calendars (国办发明电〔2024〕12号 for 2025; gov.cn content_7047091 for 2026).
const cal = createWorkingCalendar({})

describe('isWorkingDay against the published 2025 and 2026 calendars', () => {
  test.each([
    // 2025 National Day + Mid-Autumn: 10-01..10-08 off; make-up Sun 09-28 and Sat 10-11
    ['2025-09-26', true], // Friday
    ['2025-09-27', false], // ordinary Saturday
    ['2025-09-28', true], // Sunday, make-up working day
    ['2025-10-01', false],
    ['2025-10-06', false], // Monday inside the holiday
    ['2025-10-08', false], // Wednesday, last holiday day
    ['2025-10-09', true],
    ['2025-10-11', true], // Saturday, make-up working day
    ['2025-10-12', false], // Sunday
    // 2025 Spring Festival: 01-28..02-04 off; make-up Sun 01-26 and Sat 02-08
    ['2025-01-26', true],
    ['2025-01-28', false],
    ['2025-02-04', false],
    ['2025-02-05', true],
    ['2025-02-08', true],
    // 2026 New Year: 01-01..01-03 off, Sun 01-04 working
    ['2026-01-02', false],
    ['2026-01-04', true],
    // 2026 Spring Festival: 02-15..02-23 off; make-up Sat 02-14 and Sat 02-28
    ['2026-02-14', true],
    ['2026-02-16', false],
    ['2026-02-23', false], // Monday
    ['2026-02-24', true],
    ['2026-02-28', true],
    // 2026 National Day: 10-01..10-07 off; make-up Sun 09-20 and Sat 10-10
    ['2026-09-20', true],
    ['2026-09-25', false], // Mid-Autumn (Friday)
    ['2026-10-07', false],
    ['2026-10-08', true],
    ['2026-10-10', true],
    // ordinary week
    ['2026-03-07', false], // Saturday
    ['2026-03-09', true], // Monday
  ])('%s → %s', (date, expected) => {
    expect(cal.isWorkingDay(date)).toBe(expected)
  })

  test('a full year counts the published 248 working days (2025 and 2026)', () => {
    expect(cal.workingDaysBetween('2024-12-31', '2025-12-31')).toBe(248)
    expect(cal.workingDaysBetween('2025-12-31', '2026-12-31')).toBe(248)
  })
})

describe('nextWorkingDayOnOrAfter', () => {
  test.each([
    ['2025-10-01', '2025-10-09'],
    ['2025-10-11', '2025-10-11'], // make-up Saturday stays
    ['2025-09-27', '2025-09-28'], // ordinary Saturday → make-up Sunday
    ['2026-02-15', '2026-02-24'],
    ['2026-02-14', '2026-02-14'],
    ['2026-10-03', '2026-10-08'],
    ['2026-01-01', '2026-01-04'],
    ['2026-03-09', '2026-03-09'],
    ['2031-01-04', '2031-01-06'], // uncovered year: Saturday → Monday
  ])('%s → %s', (date, expected) => {
    expect(cal.nextWorkingDayOnOrAfter(date)).toBe(expected)
  })
})

describe('addWorkingDays (n working days after d, d not counted)', () => {
  test.each([
    ['2025-09-30', 1, '2025-10-09'],
    ['2025-09-26', 1, '2025-09-28'], // Friday → make-up Sunday
    ['2025-09-26', 5, '2025-10-10'], // 28, 29, 30, 10-09, 10-10
    ['2025-12-31', 1, '2026-01-04'], // across the year and New Year holiday
    ['2026-02-13', 1, '2026-02-14'],
    ['2026-02-13', 2, '2026-02-24'],
    ['2026-03-06', 5, '2026-03-13'], // Friday + 5 = next Friday
    ['2026-03-06', 0, '2026-03-06'],
    ['2026-03-07', 0, '2026-03-07'], // 0 leaves even a Saturday alone
    ['2025-10-09', -1, '2025-09-30'],
    ['2026-01-05', -1, '2026-01-04'],
    ['2026-01-04', -1, '2025-12-31'],
  ])('%s + %i → %s', (date, n, expected) => {
    expect(cal.addWorkingDays(date, n)).toBe(expected)
  })

  test('round-trips with workingDaysBetween for 30 and 45 days from every day of 2025–2026', () => {
    for (let d = '2025-01-01'; d <= '2026-12-31'; d = addDays(d, 1)) {
      for (const n of [1, 5, 30, 45]) expect(cal.workingDaysBetween(d, cal.addWorkingDays(d, n))).toBe(n)
    }
  })
})

describe('workingDaysBetween (after a, up to and including b)', () => {
  test.each([
    ['2025-09-30', '2025-10-09', 1],
    ['2025-09-30', '2025-10-08', 0],
    ['2025-10-09', '2025-09-30', -1],
    ['2026-03-09', '2026-03-09', 0],
    ['2026-03-06', '2026-03-13', 5],
    ['2026-03-13', '2026-03-06', -5],
    ['2025-12-31', '2026-01-05', 2],
    ['2024-12-31', '2026-12-31', 496],
    ['2030-12-31', '2031-12-31', 251], // provisional 2031: Mon–Fri less 10 statutory weekdays (中秋 falls on 10-01)
  ])('(%s, %s] → %i', (a, b, expected) => {
    expect(cal.workingDaysBetween(a, b)).toBe(expected)
  })
})

describe('coverage, sources and the provisional calendar', () => {
  test.each([
    [2003, false, 'provisional'],
    [2004, true, 'package'],
    [2020, true, 'package'],
    [2025, true, 'package'],
    [2026, true, 'package'],
    [2027, false, 'provisional'],
    [2031, false, 'provisional'],
    [2150, false, 'weekends'],
  ])('year %i covered: %s, source %s', (year, covered, source) => {
    expect(cal.isYearCovered(year)).toBe(covered)
    expect(cal.sourceOf(year)).toBe(source)
  })

  test('2031 (no published calendar): the statutory days are off, no make-up days known', () => {
    expect(cal.isWorkingDay('2031-01-01')).toBe(false) // Wednesday, 元旦 (statutory)
    expect(cal.isWorkingDay('2031-01-02')).toBe(true) // the notice may bridge it; not known yet
    expect(cal.isWorkingDay('2031-01-04')).toBe(false) // Saturday
    expect(cal.isWorkingDay('2031-10-01')).toBe(false)
    expect(cal.isWorkingDay('2031-10-06')).toBe(true)
  })

  test('extras fill the gap in an uncovered year, on top of the provisional days', () => {
    const studio = createWorkingCalendar({
      extraHolidays: ['2031-01-02', '2031-10-06', '2031-10-07'],
      extraWorkdays: ['2031-01-04'],
    })
    expect(studio.isWorkingDay('2031-01-01')).toBe(false) // statutory
    expect(studio.isWorkingDay('2031-01-02')).toBe(false) // extra
    expect(studio.isWorkingDay('2031-01-04')).toBe(true)
    expect(studio.nextWorkingDayOnOrAfter('2031-10-01')).toBe('2031-10-08')
    expect(studio.isYearCovered(2031)).toBe(false) // extras do not make the year "published"
    expect(studio.sourceOf(2031)).toBe('provisional')
  })
})

describe('a loaded State Council notice', () => {
  // The 2027 notice as the issue imagines it: 元旦 1–3 January, 春节 5–11 February + make-up Sat 13 Feb.
  const notice = { holidays: ['2027-01-01', '2027-01-02', '2027-01-03', '2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11'], workdays: ['2027-02-13'] }
  const withNotice = createWorkingCalendar({ notices: new Map([[2027, notice]]) })
  test('replaces the provisional days of its year', () => {
    expect(withNotice.sourceOf(2027)).toBe('notice')
    expect(withNotice.isYearCovered(2027)).toBe(true)
    expect(withNotice.isWorkingDay('2027-02-10')).toBe(false) // bridge day from the notice
    expect(withNotice.isWorkingDay('2027-02-13')).toBe(true) // make-up Saturday
    expect(withNotice.isWorkingDay('2027-05-03')).toBe(true) // 劳动节 not in this (partial) notice: not provisional any more
    expect(withNotice.isWorkingDay('2027-05-01')).toBe(false) // Saturday
  })

  test('wins over the package for a year both have; its days in the year before apply there', () => {
    const c = createWorkingCalendar({ notices: new Map([[2026, { holidays: ['2025-12-31', '2026-01-01'], workdays: ['2026-01-04'] }]]) })
    expect(c.sourceOf(2026)).toBe('notice')
    expect(c.isWorkingDay('2026-01-02')).toBe(true) // off in the package, not in this notice
    expect(c.isWorkingDay('2025-12-31')).toBe(false) // the notice reaches into 2025
    expect(c.sourceOf(2025)).toBe('package')
  })

  test('extras still apply on top of a notice', () => {
    const c = createWorkingCalendar({ notices: new Map([[2027, notice]]), extraHolidays: ['2027-02-12'], extraWorkdays: ['2027-02-11'] })
    expect(c.isWorkingDay('2027-02-12')).toBe(false)
    expect(c.isWorkingDay('2027-02-11')).toBe(true)
  })
})

describe('extra holidays and workdays override the library', () => {
  const studio = createWorkingCalendar({
    extraHolidays: ['2025-10-09', '2025-10-11', '2026-03-09', '2026-03-10'],
    extraWorkdays: ['2025-10-08', '2026-03-08', '2026-03-10'],
  })
  test.each([
    ['2025-10-09', false], // library working day made a holiday
    ['2025-10-11', false], // library make-up Saturday cancelled
    ['2025-10-08', true], // library holiday made a workday
    ['2026-03-08', true], // ordinary Sunday made a workday
    ['2026-03-10', false], // listed in both: holiday wins
    ['2025-10-10', true], // untouched
  ])('%s → %s', (date, expected) => {
    expect(studio.isWorkingDay(date)).toBe(expected)
  })

  test('next working day and deadlines follow the extras', () => {
    expect(studio.nextWorkingDayOnOrAfter('2025-10-09')).toBe('2025-10-10')
    expect(studio.addWorkingDays('2025-09-30', 1)).toBe('2025-10-08')
    expect(studio.addWorkingDays('2026-03-06', 1)).toBe('2026-03-08')
    expect(studio.addWorkingDays('2026-03-06', 2)).toBe('2026-03-11')
  })

  test('one studio’s extras do not leak into another calendar', () => {
    expect(cal.isWorkingDay('2025-10-09')).toBe(true)
    expect(createWorkingCalendar({}).isWorkingDay('2026-03-10')).toBe(true)
  })
})

describe('independent of the machine time zone', () => {
  // chinese-days' own functions shift every holiday by a day west of UTC; we read its data file instead.
  test('America/New_York gives the same answers', () => {
    const module = fileURLToPath(new URL('../../../src/domain/calendar/working-calendar.ts', import.meta.url))
    const script = `
      const { createWorkingCalendar } = await import(${JSON.stringify(module)})
      const c = createWorkingCalendar({})
      console.log(JSON.stringify(['2025-01-25', '2025-01-26', '2026-10-07', '2026-10-08', '2026-10-10'].map((d) => c.isWorkingDay(d))))
    `
    const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      env: { ...process.env, TZ: 'America/New_York' },
      encoding: 'utf8',
    })
    expect(JSON.parse(out.trim())).toEqual([false, true, false, true, true])
  })

  // The provisional calendar uses the package's lunar and solar-term functions, which shift west of UTC:
  // lunar.ts undoes that. The same 2027 and 2028 days in the far west, the far east and UTC.
  test.each(['America/Los_Angeles', 'Pacific/Kiritimati', 'UTC'])('provisional days in %s', (tz) => {
    const module = fileURLToPath(new URL('../../../src/domain/calendar/statutory-holidays.ts', import.meta.url))
    const lunar = fileURLToPath(new URL('../../../src/domain/calendar/lunar.ts', import.meta.url))
    const script = `
      const { statutoryHolidays } = await import(${JSON.stringify(module)})
      const { chineseDaysLunar } = await import(${JSON.stringify(lunar)})
      console.log(JSON.stringify([2027, 2028].flatMap((y) => statutoryHolidays(y, chineseDaysLunar).map((d) => d.date))))
    `
    const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { env: { ...process.env, TZ: tz }, encoding: 'utf8' })
    const got: string[] = JSON.parse(out.trim())
    expect(got.filter((d) => d.startsWith('2027'))).toEqual(['2027-01-01', '2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08', '2027-04-05', '2027-05-01', '2027-05-02', '2027-06-09', '2027-09-15', '2027-10-01', '2027-10-02', '2027-10-03'])
    expect(got.filter((d) => d.startsWith('2028'))).toContain('2028-04-04')
    expect(got.filter((d) => d.startsWith('2028'))).toContain('2028-01-25')
  })
})
