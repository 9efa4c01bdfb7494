/**
 * /统计 全区 at city scale (src/text/posts/followup.ts districtStatsTexts): 230 studios, a hundred of them
 * needing attention, forty categories and departments: two messages, each within the sender's limit (so
 * none is split), saying how many lines were left out and where every studio's line is (the ledger).
 */
import { districtStatsTexts } from '../../src/text/posts/followup.js'
import { needingAttention } from '../../src/domain/stats/attention.js'
import { computeFigures, rate, type Figures } from '../../src/domain/stats/figures.js'
import { zh } from '../../src/text/zh-CN.js'

const t = zh.followup
const zero = computeFigures({ issues: [], sessions: [], from: '2026-01-01', to: '2026-12-31', now: 0, days: () => ({ isWorkingDay: () => true, addWorkingDays: (d) => d, workingDaysBetween: () => 0 }) })
const studio = (i: number): { id: string; name: string; f: Figures } => ({
  id: `s${i}`,
  name: `第${i}号社区党代表工作室`,
  f: { ...zero, received: 90, closed: 80, closure: rate(80, 90), overdue: i % 2 === 0 ? (i % 7) + 1 : 0, satisfaction: i % 2 === 0 ? rate(70, 75) : rate(50, 75) },
})

function stats(categories: number, departments: number) {
  return {
    title: '基准市（全区）',
    period: '2026年',
    asOf: '2026年12月1日（周二）',
    received: 20000, withdrawn: 400, onTheSpot: 1600, transferred: 17000, closed: 18000, open: 2000, overdue: 300,
    closure: rate(18000, 20000), satisfaction: rate(15000, 16000), strict: rate(12000, 16000), response: rate(1500, 2000), respondWithin: 1, solved: rate(900, 1000), ratings: { 满意: 12000, 基本满意: 3000, 不满意: 1000 },
    answerDays: { sum: 200000, count: 17000 }, sessionsHeld: 5000, sessionsCancelled: 100, sessionsFull: rate(4900, 5000), sessionsCheckedIn: rate(4000, 5000), visits: 9000,
    byCategory: Array.from({ length: categories }, (_x, i) => t.categoryLine(`类别${i}`, 500, rate(450, 500), rate(400, 420))),
    byDepartment: Array.from({ length: departments }, (_x, i) => t.departmentLine(`承办单位${i}`, 400, 3, rate(380, 400), rate(300, 320), { sum: 4000, count: 380 })),
  }
}

test('230 studios all needing attention, 40 categories and departments: two messages within 1,800 characters', () => {
  const rows = Array.from({ length: 230 }, (_x, i) => studio(i))
  const attention = needingAttention(rows)
  expect(attention).toHaveLength(230)
  const texts = districtStatsTexts({ stats: stats(40, 40), attention, studios: 230, period: '2026年', maxChars: 1800 })
  expect(texts).toHaveLength(2)
  for (const text of texts) expect(text.length).toBeLessThanOrEqual(1800)
  const [figures, studios] = texts
  expect(figures).toMatch(/……另有 \d+ 个承办单位，见台账“统计”表/)
  expect(figures).toContain('受理群众反映问题 20000 件')
  const shown = studios.split('\n').filter((l) => l.startsWith('· '))
  expect(shown.length).toBeGreaterThan(10)
  expect(studios).toContain(`【需要关注的工作室】2026年：230 个（共 230 个；`)
  expect(studios).toContain(`……另有 ${230 - shown.length} 个。`)
  expect(studios.split('\n').at(-1)).toBe('每个工作室的受理、结案率、满意率、超期和接待日都在台账的“统计”表（按工作室）里：发送 /导出台账 2026年 全区，台账私聊发给您。')
  // Worst first.
  expect(shown[0]).toContain('超期 7 件')
})

test('a small district: everything shown, nothing said to be left out', () => {
  const texts = districtStatsTexts({ stats: stats(9, 11), attention: needingAttention([studio(2), studio(3)]), studios: 3, period: '2026年第一季度', maxChars: 1800 })
  expect(texts.join('\n')).not.toMatch(/另有 \d+ (类|个)/)
  expect(texts[1].split('\n').filter((l) => l.startsWith('· '))).toHaveLength(2)
  expect(texts[0].split('\n').filter((l) => l.startsWith('· '))).toHaveLength(20)
  expect(texts[1]).toContain('/导出台账 2026年第一季度 全区')
})

test('the period named for /导出台账 reads back as the same period', async () => {
  const { parsePeriod, withRange } = await import('../../src/domain/stats/period.js')
  const specs = [
    { kind: 'month', year: 2026, month: 3 },
    { kind: 'quarter', year: 2026, quarter: 2 },
    { kind: 'half', year: 2025, half: 2 },
    { kind: 'year', year: 2024 },
    { kind: 'months', from: { year: 2025, month: 11 }, to: { year: 2026, month: 2 } },
    { kind: 'months', from: { year: 2026, month: 1 }, to: { year: 2026, month: 6 } },
    { kind: 'days', from: '2026-03-01', to: '2026-03-15' },
    { kind: 'days', from: '2026-03-01', to: '2026-03-01' },
  ] as const
  for (const spec of specs) {
    const p = withRange(spec)
    const back = parsePeriod(t.periodLabel(spec), '2026-12-01')
    expect([t.periodLabel(spec), back.ok && [back.value.from, back.value.to]]).toEqual([t.periodLabel(spec), [p.from, p.to]])
  }
})
