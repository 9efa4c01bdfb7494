/** Reporting periods as people type them, relative to Wednesday 2026-11-18. */
import { PERIOD_EXAMPLES, isLongerThanYears, longestRecentPeriod, parsePeriod, thisMonth, thisYear } from '../../../src/domain/stats/period.js'
import { zh } from '../../../src/text/zh-CN.js'

const TODAY = '2026-11-18'

test.each([
  ['本月', '2026-11-01', '2026-11-30', '2026年11月'],
  ['这个月', '2026-11-01', '2026-11-30', '2026年11月'],
  ['上月', '2026-10-01', '2026-10-31', '2026年10月'],
  ['上个月', '2026-10-01', '2026-10-31', '2026年10月'],
  ['本季度', '2026-10-01', '2026-12-31', '2026年第四季度'],
  ['上季度', '2026-07-01', '2026-09-30', '2026年第三季度'],
  ['本年', '2026-01-01', '2026-12-31', '2026年'],
  ['今年', '2026-01-01', '2026-12-31', '2026年'],
  ['去年', '2025-01-01', '2025-12-31', '2025年'],
  ['2026年', '2026-01-01', '2026-12-31', '2026年'],
  ['2025', '2025-01-01', '2025-12-31', '2025年'],
  ['2026年度', '2026-01-01', '2026-12-31', '2026年'],
  ['2026年3月', '2026-03-01', '2026-03-31', '2026年3月'],
  ['2026-02', '2026-02-01', '2026-02-28', '2026年2月'],
  ['2024.2', '2024-02-01', '2024-02-29', '2024年2月'],
  ['3月', '2026-03-01', '2026-03-31', '2026年3月'],
  ['十二月', '2026-12-01', '2026-12-31', '2026年12月'],
  ['2026年第一季度', '2026-01-01', '2026-03-31', '2026年第一季度'],
  ['2026年一季度', '2026-01-01', '2026-03-31', '2026年第一季度'],
  ['2026Q2', '2026-04-01', '2026-06-30', '2026年第二季度'],
  ['第三季度', '2026-07-01', '2026-09-30', '2026年第三季度'],
  ['上半年', '2026-01-01', '2026-06-30', '2026年上半年'],
  ['2025年下半年', '2025-07-01', '2025-12-31', '2025年下半年'],
  ['2026-01至2026-06', '2026-01-01', '2026-06-30', '2026年1月—6月'],
  ['2026-01 至 2026-06', '2026-01-01', '2026-06-30', '2026年1月—6月'],
  ['2026-01-2026-06', '2026-01-01', '2026-06-30', '2026年1月—6月'],
  ['2026年1月至6月', '2026-01-01', '2026-06-30', '2026年1月—6月'],
  ['2026年1月到6月', '2026-01-01', '2026-06-30', '2026年1月—6月'],
  ['1月-6月', '2026-01-01', '2026-06-30', '2026年1月—6月'],
  ['2025年11月至2026年2月', '2025-11-01', '2026-02-28', '2025年11月—2026年2月'],
  ['２０２６－０１至２０２６－０３', '2026-01-01', '2026-03-31', '2026年1月—3月'],
  ['2026-03-01至2026-03-15', '2026-03-01', '2026-03-15', '2026-03-01至2026-03-15'],
  ['2026年3月1日~3月15日', '2026-03-01', '2026-03-15', '2026-03-01至2026-03-15'],
  ['2026-03-09', '2026-03-09', '2026-03-09', '2026-03-09'],
])('%s → %s … %s (%s)', (text, from, to, label) => {
  const r = parsePeriod(text, TODAY)
  expect(r.ok).toBe(true)
  if (!r.ok) return
  expect([r.value.from, r.value.to]).toEqual([from, to])
  expect(zh.followup.periodLabel(r.value.spec)).toBe(label)
})

test('January: 上月 and 上季度 are last year', () => {
  const last = parsePeriod('上月', '2026-01-05')
  const quarter = parsePeriod('上季度', '2026-01-05')
  expect(last.ok && [last.value.from, last.value.to]).toEqual(['2025-12-01', '2025-12-31'])
  expect(quarter.ok && [quarter.value.from, quarter.value.to]).toEqual(['2025-10-01', '2025-12-31'])
})

test.each([
  ['', 'period.unrecognised'],
  ['张明华', 'period.unrecognised'],
  ['下周', 'period.unrecognised'],
  ['2026年13月', 'period.impossible'],
  ['13月', 'period.impossible'],
  ['2026-02-30', 'period.impossible'],
  ['2026-06至2026-01', 'period.reversed'],
  ['6月至1月', 'period.reversed'],
  ['2026-01至后来', 'period.unrecognised'],
  ['1900-01至9999-12', 'period.too-long'],
  ['2016-12至2026-12', 'period.too-long'],
  ['2016年至2026年', 'period.too-long'],
  ['2017-01-01至2027-01-01', 'period.too-long'],
])('%j is refused: %s', (text, code) => {
  const r = parsePeriod(text, TODAY)
  expect(r.ok).toBe(false)
  if (!r.ok) expect(r.code).toBe(code)
})

test.each([
  // Ten years exactly is allowed; one day more is not.
  ['2017-01至2026-12', '2017-01-01', '2026-12-31'],
  ['2017年至2026年', '2017-01-01', '2026-12-31'],
  ['2016-12-02至2026-12-01', '2016-12-02', '2026-12-01'],
])('%j is ten years or less: read', (text, from, to) => {
  const r = parsePeriod(text, TODAY)
  expect(r.ok && [r.value.from, r.value.to]).toEqual([from, to])
})

test.each([
  ['2017-01-01', '2026-12-31', false],
  ['2017-01-01', '2027-01-01', true],
  ['2016-03-05', '2026-03-04', false],
  ['2016-03-05', '2026-03-05', true],
  // From 29 February: ten years later there is none, so the limit is 1 March.
  ['2016-02-29', '2026-02-28', false],
  ['2016-02-29', '2026-03-01', true],
  ['2020-02-29', '2024-02-28', false],
  ['2020-02-29', '2024-02-29', true],
])('isLongerThanYears(%s, %s, 10 or 4): %s', (from, to, longer) => {
  expect(isLongerThanYears(from, to, from.startsWith('2020') ? 4 : 10)).toBe(longer)
})

test('the refusal of a too long period names the longest one that may be asked', () => {
  expect(longestRecentPeriod(TODAY)).toBe('2017-01至2026-12')
  const r = parsePeriod(longestRecentPeriod(TODAY), TODAY)
  expect(r.ok).toBe(true)
})

test('defaults: this month (/统计) and this year (/导出台账, /履职)', () => {
  expect(thisMonth(TODAY)).toMatchObject({ from: '2026-11-01', to: '2026-11-30' })
  expect(thisYear(TODAY)).toMatchObject({ from: '2026-01-01', to: '2026-12-31' })
})

test('every period form the help names is one the parser reads', () => {
  expect(PERIOD_EXAMPLES.length).toBeGreaterThan(8)
  for (const form of PERIOD_EXAMPLES) expect([form, parsePeriod(form, '2026-12-01').ok]).toEqual([form, true])
})
