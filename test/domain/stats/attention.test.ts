/** Which studios /统计 全区 names as needing attention, and in which order (src/domain/stats/attention.ts). */
import { needingAttention, SATISFACTION_FLOOR } from '../../../src/domain/stats/attention.js'
import { computeFigures, rate, type Figures } from '../../../src/domain/stats/figures.js'

const zero = computeFigures({ issues: [], sessions: [], from: '2026-01-01', to: '2026-12-31', now: 0, days: () => ({ isWorkingDay: () => true, addWorkingDays: (d) => d, workingDaysBetween: () => 0 }) })
const f = (overdue: number, satisfied: number, rated: number): Figures => ({ ...zero, overdue, satisfaction: rate(satisfied, rated) })

test.each([
  ['nothing overdue, satisfaction at the floor', f(0, 8, 10), false],
  ['nothing overdue, nothing rated', f(0, 0, 0), false],
  ['one overdue issue', f(1, 10, 10), true],
  ['satisfaction under the floor', f(0, 7, 10), true],
  ['one 不满意 of one rated', f(0, 0, 1), true],
])('%s: needs attention %s', (_what, figures, needs) => {
  expect(needingAttention([{ id: 's', name: '甲', f: figures }]).length === 1).toBe(needs)
})

test('worst first: most overdue, then lowest satisfaction, then by name; the reasons are named', () => {
  const rows = [
    { id: 'a', name: '丙工作室', f: f(0, 1, 4) },
    { id: 'b', name: '乙工作室', f: f(3, 9, 10) },
    { id: 'c', name: '甲工作室', f: f(3, 5, 10) },
    { id: 'd', name: '丁工作室', f: f(0, 10, 10) },
    { id: 'e', name: '戊工作室', f: f(0, 1, 4) },
  ]
  expect(needingAttention(rows).map((r) => [r.id, r.overdue, r.lowSatisfaction])).toEqual([
    ['c', true, true],
    ['b', true, false],
    ['a', false, true],
    ['e', false, true],
  ])
  expect(SATISFACTION_FLOOR).toBe(0.8)
})
