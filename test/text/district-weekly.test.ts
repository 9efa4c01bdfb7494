/**
 * The liaison office's weekly district summary (src/text/posts/followup.ts districtTexts): a small
 * district gets every studio's line in one message; a city of 230 studios gets at most two messages,
 * each within the sender's limit (so none is split into parts): the district's totals, the studios with
 * something to chase, the others counted, the escalated issues as many as fit, and where the full table is.
 */
import { districtTexts, type DistrictRow } from '../../src/text/posts/followup.js'
import { rate } from '../../src/domain/stats/figures.js'
import type { Issue } from '../../src/domain/issues/issue.js'
import type { LateIssue } from '../../src/domain/stats/open-issues.js'

const row = (i: number, overdue: number, escalated = 0): DistrictRow => ({ name: `第${i}号社区党代表工作室`, open: overdue + 3, overdue, escalated, received: 90, closure: rate(80, 90), satisfaction: rate(70, 75) })
const late = (i: number): LateIssue => ({
  issue: { id: `AA-2026-${String(i).padStart(4, '0')}`, studioId: 's1', constituent: { name: '王秀英' }, content: '小区门口的路灯坏了两个月，晚上出行不便，希望尽快修好', status: 'transferred', department: '区房管局' } as unknown as Issue,
  due: '2026-11-02',
  days: 20,
})
const base = { district: '基准市', weekFrom: '2026-12-07', weekTo: '2026-12-13', year: 2026, limit: 10, studioName: () => '第1号社区党代表工作室', maxChars: 1800 }

test('230 studios, 120 with overdue issues, 200 escalated: two messages within 1,800 characters, totals and counts said', () => {
  const rows = Array.from({ length: 230 }, (_x, i) => row(i, i < 120 ? 120 - i : 0, i < 60 ? 2 : 0))
  const texts = districtTexts({ ...base, rows, escalated: Array.from({ length: 200 }, (_x, i) => late(i + 1)) })
  expect(texts).toHaveLength(2)
  for (const text of texts) expect(text.length).toBeLessThanOrEqual(1800)
  const [studios, escalated] = texts
  expect(studios.startsWith('【督办·全区每周汇总】基准市 · 12月7日（周一）—12月13日（周日）\n')).toBe(true)
  const open = rows.reduce((n, r) => n + r.open, 0)
  const overdue = rows.reduce((n, r) => n + r.overdue, 0)
  expect(studios).toContain(`全区 230 个工作室：待办 ${open}，超期 ${overdue}，督办 120；2026年受理 20700 件，结案率 88.9%（18400/20700），满意率 93.3%（16100/17250）`)
  expect(studios).toContain('有超期的工作室 120 个（超期最多的在前）：')
  const shown = studios.split('\n').filter((l) => l.startsWith('· '))
  expect(shown.length).toBeGreaterThan(10)
  expect(shown[0].startsWith('· 第0号社区党代表工作室：待办 123，超期 120')).toBe(true)
  expect(studios).toContain(`……另有 ${120 - shown.length} 个有超期的工作室。`)
  expect(studios.split('\n').at(-1)).toBe('其余 110 个工作室没有超期问题。每个工作室的完整数字见台账的“统计”表：管理员私聊发送 /导出台账 2026年 全区。')
  expect(escalated.startsWith('【通报】督办问题（超期超过 10 个工作日，已报联络室督办）200 件：\n')).toBe(true)
  const lines = escalated.split('\n').filter((l) => l.startsWith('· '))
  expect(lines.length).toBeGreaterThan(5)
  expect(escalated).toContain(`……另有 ${200 - lines.length} 件，请用 /导出台账 查看全部。`)
  // Masked: it may go to a group.
  expect(escalated).not.toContain('王秀英')
})

test('a district of three studios: one message with every studio’s line, no table left out', () => {
  const texts = districtTexts({ ...base, rows: [row(1, 1, 1), row(2, 0), row(3, 0)], escalated: [late(1)] })
  expect(texts).toHaveLength(1)
  const lines = texts[0].split('\n')
  expect(lines[1]).toBe('全区 3 个工作室：待办 10，超期 1，督办 1；2026年受理 270 件，结案率 88.9%（240/270），满意率 93.3%（210/225）')
  expect(lines.filter((l) => l.startsWith('· ') && l.includes('：待办'))).toHaveLength(3)
  expect(texts[0]).not.toContain('台账')
  expect(texts[0]).toContain('【通报】督办问题（超期超过 10 个工作日，已报联络室督办）1 件：')
})
