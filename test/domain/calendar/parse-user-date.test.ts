import { parseMonthSpec, parseUserDate, requireNotPast } from '../../../src/domain/calendar/parse-user-date.js'

// 2026-11-25 is a Wednesday, late November: year-less January dates mean next year.
const TODAY = '2026-11-25'

describe('parseUserDate: forms people type', () => {
  test.each([
    ['12月10日', '2026-12-10'],
    ['12月10号', '2026-12-10'],
    ['12/10', '2026-12-10'],
    ['12.10', '2026-12-10'],
    ['12-10', '2026-12-10'],
    ['2026-12-10', '2026-12-10'],
    ['2026/12/10', '2026-12-10'],
    ['2026.12.10', '2026-12-10'],
    ['2026年12月10日', '2026-12-10'],
    ['2027年3月1号', '2027-03-01'],
    ['2026-1-5', '2026-01-05'], // explicit year is kept even when past
    ['十二月十日', '2026-12-10'],
    ['今天', '2026-11-25'],
    ['今日', '2026-11-25'],
    ['明天', '2026-11-26'],
    ['后天', '2026-11-27'],
    ['大后天', '2026-11-28'],
    ['周三', '2026-11-25'], // next occurrence, today included
    ['周二', '2026-12-01'],
    ['星期五', '2026-11-27'],
    ['礼拜天', '2026-11-29'],
    ['周日', '2026-11-29'],
    ['本周五', '2026-11-27'],
    ['这周五', '2026-11-27'],
    ['本周一', '2026-11-23'], // this week's Monday, already past
    ['下周三', '2026-12-02'],
    ['下周一', '2026-11-30'],
    ['下个星期日', '2026-12-06'],
    ['下下周三', '2026-12-09'],
    ['上周三', '2026-11-18'],
    ['本月25日', '2026-11-25'],
    ['本月30号', '2026-11-30'],
    ['下月5日', '2026-12-05'],
    ['下个月31号', '2026-12-31'],
    ['25号', '2026-11-25'], // today still counts
    ['28日', '2026-11-28'],
    ['20号', '2026-12-20'], // passed this month → next month
    // year-less month/day: this year unless more than ~2 months (61 days) past
    ['1月5日', '2027-01-05'],
    ['10月20日', '2026-10-20'], // 36 days past: stays (requireNotPast reports it)
    ['9月25日', '2026-09-25'], // exactly 61 days past: stays
    ['9月24日', '2027-09-24'], // 62 days past: next year
    // tolerance: full width, blanks, trailing punctuation, weekday that matches
    ['１２月１０日', '2026-12-10'],
    ['１２／１０', '2026-12-10'],
    [' 12 月 10 日 ', '2026-12-10'],
    ['12月10日。', '2026-12-10'],
    ['12月10日（周四）', '2026-12-10'],
    ['12月10日星期四', '2026-12-10'],
    ['下周三(周三)', '2026-12-02'],
  ])('%s → %s', (text, expected) => {
    expect(parseUserDate(text, TODAY)).toEqual({ ok: true, value: expected })
  })
})

describe('parseUserDate: relative forms across weeks, months and years', () => {
  test.each([
    ['2026-11-29', '本周五', '2026-11-27'], // Sunday: the week is Monday–Sunday
    ['2026-11-29', '下周三', '2026-12-02'],
    ['2026-11-29', '周日', '2026-11-29'],
    ['2026-11-30', '本周日', '2026-12-06'],
    ['2026-12-30', '明天', '2026-12-31'],
    ['2026-12-30', '后天', '2027-01-01'],
    ['2026-12-30', '下月5日', '2027-01-05'],
    ['2026-12-30', '1月3日', '2027-01-03'],
    ['2026-12-30', '25号', '2027-01-25'],
    ['2026-12-30', '下周五', '2027-01-08'],
    ['2027-01-10', '12月28日', '2026-12-28'], // 13 days ago: last December, not next
    ['2027-01-10', '11月5日', '2027-11-05'], // 66 days ago: next one
    ['2027-12-20', '2月29日', '2028-02-29'], // next year is a leap year
    ['2028-01-31', '下月29日', '2028-02-29'],
  ])('on %s, %s → %s', (today, text, expected) => {
    expect(parseUserDate(text, today)).toEqual({ ok: true, value: expected })
  })
})

describe('parseUserDate: errors', () => {
  test.each([
    ['2月30日', TODAY, 'date.impossible', { year: 2027, month: 2, day: 30 }],
    ['2026-02-29', TODAY, 'date.impossible', { year: 2026, month: 2, day: 29 }],
    ['2026-13-01', TODAY, 'date.impossible', { year: 2026, month: 13, day: 1 }],
    ['13月1日', TODAY, 'date.impossible', { month: 13, day: 1 }],
    ['12月32日', TODAY, 'date.impossible', { month: 12, day: 32 }],
    ['0月5日', TODAY, 'date.impossible', { month: 0, day: 5 }],
    ['本月31日', TODAY, 'date.impossible', { year: 2026, month: 11, day: 31 }],
    ['32号', TODAY, 'date.impossible', { month: 11, day: 32 }],
    ['2026-01-31', '2026-01-31', null, null], // sanity: valid
    ['12月10日周三', TODAY, 'date.weekday-mismatch', { date: '2026-12-10', weekday: 3 }],
    ['', TODAY, 'date.unrecognised', { text: '' }],
    ['abc', TODAY, 'date.unrecognised', { text: 'abc' }],
    ['12', TODAY, 'date.unrecognised', { text: '12' }],
    ['十二月', TODAY, 'date.unrecognised', { text: '十二月' }],
    ['下周', TODAY, 'date.unrecognised', { text: '下周' }],
    ['周八', TODAY, 'date.unrecognised', { text: '周八' }],
    ['上上周三', TODAY, 'date.unrecognised', { text: '上上周三' }],
    ['12月10日下午', TODAY, 'date.unrecognised', { text: '12月10日下午' }],
  ])('%s on %s → %s', (text, today, code, params) => {
    const r = parseUserDate(text, today)
    if (code === null) expect(r.ok).toBe(true)
    else expect(r).toEqual({ ok: false, code, params })
  })
})

describe('requireNotPast', () => {
  test.each([
    ['2026-11-24', { ok: false, code: 'date.past', params: { date: '2026-11-24', today: TODAY } }],
    ['2026-11-25', { ok: true, value: '2026-11-25' }],
    ['2027-01-01', { ok: true, value: '2027-01-01' }],
  ])('%s', (date, expected) => {
    expect(requireNotPast(date, TODAY)).toEqual(expected)
  })

  test('a year-less date a few weeks back is reported as past, not moved a year', () => {
    const r = parseUserDate('10月20日', TODAY)
    expect(r.ok && requireNotPast(r.value, TODAY).ok).toBe(false)
  })
})

describe('parseMonthSpec', () => {
  test.each([
    ['2026年12月', { year: 2026, month: 12 }],
    ['2027年1月', { year: 2027, month: 1 }],
    ['2026-12', { year: 2026, month: 12 }],
    ['2026/3', { year: 2026, month: 3 }],
    ['2026.03', { year: 2026, month: 3 }],
    ['12月', { year: 2026, month: 12 }],
    ['12月份', { year: 2026, month: 12 }],
    ['十二月', { year: 2026, month: 12 }],
    ['１２月', { year: 2026, month: 12 }],
    ['本月', { year: 2026, month: 11 }],
    ['这个月', { year: 2026, month: 11 }],
    ['下月', { year: 2026, month: 12 }],
    ['下个月', { year: 2026, month: 12 }],
    ['上个月', { year: 2026, month: 10 }],
    ['9月', { year: 2026, month: 9 }], // two months back: this year
    ['8月', { year: 2027, month: 8 }], // three months back: next year
    ['1月', { year: 2027, month: 1 }],
    ['明年3月', { year: 2027, month: 3 }],
    ['去年12月', { year: 2025, month: 12 }],
  ])('%s → %j', (text, expected) => {
    expect(parseMonthSpec(text, TODAY)).toEqual({ ok: true, value: expected })
  })

  test.each([
    ['2027-01-15', '12月', { year: 2026, month: 12 }], // the December just gone
    ['2027-01-15', '11月', { year: 2026, month: 11 }],
    ['2027-01-15', '10月', { year: 2027, month: 10 }],
    ['2027-03-15', '1月', { year: 2027, month: 1 }],
  ])('on %s, %s → %j', (today, text, expected) => {
    expect(parseMonthSpec(text, today)).toEqual({ ok: true, value: expected })
  })

  test('year turns over in December', () => {
    expect(parseMonthSpec('下月', '2026-12-15')).toEqual({ ok: true, value: { year: 2027, month: 1 } })
    expect(parseMonthSpec('上月', '2027-01-15')).toEqual({ ok: true, value: { year: 2026, month: 12 } })
  })

  test.each([
    ['13月', 'month.impossible', { month: 13 }],
    ['2026-13', 'month.impossible', { month: 13 }],
    ['0月', 'month.impossible', { month: 0 }],
    ['十二', 'month.unrecognised', { text: '十二' }],
    ['12月10日', 'month.unrecognised', { text: '12月10日' }],
    ['', 'month.unrecognised', { text: '' }],
  ])('%s → %s', (text, code, params) => {
    expect(parseMonthSpec(text, TODAY)).toEqual({ ok: false, code, params })
  })
})
