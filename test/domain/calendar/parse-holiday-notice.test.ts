import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { parseHolidayNotice } from '../../../src/domain/calendar/parse-holiday-notice.js'
import { createWorkingCalendar } from '../../../src/domain/calendar/working-calendar.js'
import { addDays, makeDate } from '../../../src/domain/time/local-date.js'

const fixture = (year: number) => readFileSync(fileURLToPath(new URL(`../../fixtures/holiday-notices/${year}.txt`, import.meta.url)), 'utf8')
const pkg = createWorkingCalendar()

/** Days of `year` whose working-day status differs between the parsed notice (plus weekends) and chinese-days. */
function differences(year: number): string[] {
  const r = parseHolidayNotice(fixture(year))
  if (!r.ok) throw new Error(`${year}: ${r.code} ${JSON.stringify(r.params)}`)
  expect(r.value.year).toBe(year)
  const fromNotice = createWorkingCalendar({ notices: new Map([[year, r.value]]) })
  expect(fromNotice.sourceOf(year)).toBe('notice')
  const out: string[] = []
  for (let d = makeDate(year, 1, 1); d <= makeDate(year, 12, 31); d = addDays(d, 1)) {
    if (fromNotice.isWorkingDay(d) !== pkg.isWorkingDay(d)) out.push(d)
  }
  return out
}

describe('past notices (fixtures with their sources), day by day over the whole year against chinese-days', () => {
  test.each([2017, 2021, 2022, 2023, 2024, 2025, 2026])('%i: every day of the year agrees', (year) => {
    expect(differences(year)).toEqual([])
  })

  test('2020: agrees except the Covid-19 extension (a later notice) that chinese-days holds', () => {
    // 国办发明电〔2020〕1号 extended the Spring Festival to 2 February: 31 January (Fri) off, and the
    // make-up Saturday 1 February gone. The yearly notice itself did not say so.
    expect(differences(2020)).toEqual(['2020-01-31', '2020-02-01'])
  })
})

describe('what a notice says, item by item', () => {
  test('2026: days off and make-up days in order', () => {
    const r = parseHolidayNotice(fixture(2026))
    expect(r.ok && r.value.workdays).toEqual(['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'])
    expect(r.ok && r.value.holidays.slice(0, 4)).toEqual(['2026-01-01', '2026-01-02', '2026-01-03', '2026-02-15'])
    expect(r.ok && r.value.holidays).toHaveLength(3 + 9 + 3 + 5 + 3 + 3 + 7)
    expect(r.ok && r.value.items.map((i) => i.name)).toEqual(['元旦', '春节', '清明节', '劳动节', '端午节', '中秋节', '国庆节'])
  })

  test('2023: 元旦 begins in the year before', () => {
    const r = parseHolidayNotice(fixture(2023))
    expect(r.ok && r.value.items[0].holidays).toEqual(['2022-12-31', '2023-01-01', '2023-01-02'])
  })

  test('2024: 鼓励……在除夕（2月9日）休息 is not a day off', () => {
    const r = parseHolidayNotice(fixture(2024))
    expect(r.ok && r.value.holidays).not.toContain('2024-02-09')
  })

  const wrap = (year: number, items: string) => `国务院办公厅关于${year}年部分节假日安排的通知\n${items}\n国务院办公厅`
  test.each([
    // The forms the issue lists
    [2026, '一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。', ['2026-01-01', '2026-01-02', '2026-01-03'], ['2026-01-04']],
    [2017, '一、元旦：1月1日放假，1月2日（星期一）补休。', ['2017-01-01', '2017-01-02'], []],
    [2017, '六、中秋节、国庆节：10月1日至8日放假调休，共8天。', ['2017-10-01', '2017-10-02', '2017-10-03', '2017-10-04', '2017-10-05', '2017-10-06', '2017-10-07', '2017-10-08'], []],
    [2017, '四、劳动节：5月1日放假，与周末连休。', ['2017-05-01'], []],
    [2025, '二、春节：1月28日（农历除夕、周二）至2月4日（农历正月初七、周二）放假调休，共8天。1月26日（周日）、2月8日（周六）上班。', ['2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31', '2025-02-01', '2025-02-02', '2025-02-03', '2025-02-04'], ['2025-01-26', '2025-02-08']],
    // Half-width punctuation, 星期, a list of make-up days without the month repeated
    [2013, '一、元旦:1月1日至3日放假调休,共3天。1月5日(星期六)、6日(星期日)上班。', ['2013-01-01', '2013-01-02', '2013-01-03'], ['2013-01-05', '2013-01-06']],
    // A range over the new year (the 2019 notice's wording), and the same with the end's year left out
    [2019, '一、元旦：2018年12月30日至2019年1月1日放假调休，共3天。2018年12月29日（星期六）上班。', ['2018-12-30', '2018-12-31', '2019-01-01'], ['2018-12-29']],
    [2019, '一、元旦：2018年12月30日至1月1日放假调休，共3天。', ['2018-12-30', '2018-12-31', '2019-01-01'], []],
    [2025, '一、元旦：1月1日（周三）放假1天，不调休。', ['2025-01-01'], []],
  ])('%i: %s', (year, line, holidays, workdays) => {
    const r = parseHolidayNotice(wrap(year, line))
    expect(r).toMatchObject({ ok: true, value: { year, holidays, workdays } })
  })
})

describe('a text that does not read in full is refused, naming the line', () => {
  const text = (items: string) => `国务院办公厅关于2027年部分节假日安排的通知\n\n经国务院批准……\n${items}`
  test.each([
    ['', 'notice.empty', {}],
    ['一、元旦：1月1日放假。', 'notice.no-year', {}],
    [text('各地区要妥善安排好值班。'), 'notice.no-items', {}],
    [text('一、元旦：1月1日（周四）放假。'), 'notice.weekday-mismatch', { line: 4, date: '2027-01-01', weekday: 4 }],
    [text('一、元旦：1月1日（周五）至3日（周日）放假，共4天。'), 'notice.count-mismatch', { line: 4, said: 4, counted: 3 }],
    [text('一、元旦：1月1日放假。\n二、春节：2月30日放假。'), 'notice.bad-date', { line: 5 }],
    [text('一、元旦：另行通知。'), 'notice.bad-line', { line: 4 }],
    [text('一、元旦：1月1日另行安排。'), 'notice.bad-line', { line: 4 }],
    [text('一元旦1月1日放假'), 'notice.no-items', {}],
    [text('三、清明节 4月5日放假。'), 'notice.bad-line', { line: 4 }],
    [text('一、元旦：1月1日放假。\n二、春节：1月1日上班。'), 'notice.both', { date: '2027-01-01' }],
  ])('%j → %s', (input, code, params) => {
    const r = parseHolidayNotice(input)
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(r.code).toBe(code)
      expect(r.params ?? {}).toMatchObject(params)
    }
  })
})
