/**
 * The figures against the hand-computed fixture (see fixture.ts for every record and why it counts).
 */
import { average, computeFigures, share, worstFirst, type Figures } from '../../../src/domain/stats/figures.js'
import { summariseOpen } from '../../../src/domain/stats/open-issues.js'
import { zh } from '../../../src/text/zh-CN.js'
import { NOW, days, fixtureIssues, fixtureSessions } from './fixture.js'

const issues = fixtureIssues()
const sessions = fixtureSessions()
const figures = (from: string, to: string, studio?: string): Figures =>
  computeFigures({
    issues: studio ? issues.filter((i) => i.studioId === studio) : issues,
    sessions: studio ? sessions.filter((s) => s.studioId === studio) : sessions,
    from,
    to,
    now: NOW,
    days: () => days,
  })

describe('both studios, first half of 2026', () => {
  const f = figures('2026-01-01', '2026-06-30')

  test.each([
    ['received (withdrawn left out)', f.received, 8],
    ['withdrawn', f.withdrawn, 1],
    ['answered on the spot', f.onTheSpot, 2],
    ['transferred', f.transferred, 5],
    ['answered', f.answered, 6],
    ['closed (archived or on the spot)', f.closed, 5],
    ['open', f.open, 3],
    ['overdue', f.overdue, 2],
    ['sessions held', f.sessionsHeld, 7],
    ['sessions cancelled', f.sessionsCancelled, 1],
    ['constituents received', f.visits, 7],
  ])('%s', (_label, actual, expected) => {
    expect(actual).toBe(expected)
  })

  test('every rate with numerator and denominator', () => {
    expect(f.closure).toEqual({ num: 5, den: 8 })
    expect(f.satisfaction).toEqual({ num: 3, den: 4 })
    expect(f.strictSatisfaction).toEqual({ num: 2, den: 4 })
    expect(f.ratings).toEqual({ 满意: 2, 基本满意: 1, 不满意: 1 })
    expect(f.answerDays).toEqual({ sum: 23, count: 4 })
    expect(f.sessionsFull).toEqual({ num: 5, den: 7 })
    expect(f.sessionsCheckedIn).toEqual({ num: 3, den: 7 })
  })

  test('as people read them', () => {
    const t = zh.followup
    expect(t.rate(f.closure)).toBe('62.5%（5/8）')
    expect(t.rate(f.satisfaction)).toBe('75%（3/4）')
    expect(t.rate(f.strictSatisfaction)).toBe('50%（2/4）')
    expect(t.mean(f.answerDays.sum, f.answerDays.count)).toBe('5.8')
    expect(t.rate(f.sessionsFull)).toBe('71.4%（5/7）')
  })

  test('by category, most first, then by name', () => {
    expect(f.byCategory).toEqual([
      { name: '物业管理', received: 3, closed: 2, closure: { num: 2, den: 3 }, satisfaction: { num: 2, den: 2 } },
      { name: '市容环境', received: 2, closed: 1, closure: { num: 1, den: 2 }, satisfaction: { num: 0, den: 1 } },
      { name: '供暖供水', received: 1, closed: 0, closure: { num: 0, den: 1 }, satisfaction: { num: 0, den: 0 } },
      { name: '其他', received: 1, closed: 1, closure: { num: 1, den: 1 }, satisfaction: { num: 0, den: 0 } },
      { name: '教育', received: 1, closed: 1, closure: { num: 1, den: 1 }, satisfaction: { num: 1, den: 1 } },
    ])
  })

  test('by department, most first, then by name', () => {
    expect(f.byDepartment).toEqual([
      { name: '区房管局', transferred: 2, response: { num: 0, den: 2 }, solved: { num: 0, den: 0 }, answered: 2, closed: 2, overdue: 0, closure: { num: 2, den: 2 }, satisfaction: { num: 2, den: 2 }, answerDays: { sum: 14, count: 2 } },
      { name: '区供热办', transferred: 1, response: { num: 0, den: 1 }, solved: { num: 0, den: 0 }, answered: 0, closed: 0, overdue: 1, closure: { num: 0, den: 1 }, satisfaction: { num: 0, den: 0 }, answerDays: { sum: 0, count: 0 } },
      { name: '区城管委', transferred: 1, response: { num: 0, den: 1 }, solved: { num: 0, den: 0 }, answered: 1, closed: 0, overdue: 0, closure: { num: 0, den: 1 }, satisfaction: { num: 0, den: 1 }, answerDays: { sum: 3, count: 1 } },
      { name: '区教育局', transferred: 1, response: { num: 0, den: 1 }, solved: { num: 0, den: 0 }, answered: 1, closed: 1, overdue: 0, closure: { num: 1, den: 1 }, satisfaction: { num: 1, den: 1 }, answerDays: { sum: 6, count: 1 } },
    ])
  })
})

test('one studio (和平里), first half of 2026', () => {
  const f = figures('2026-01-01', '2026-06-30', 'hpl')
  expect([f.received, f.withdrawn, f.onTheSpot, f.transferred, f.answered, f.closed, f.overdue, f.sessionsHeld, f.sessionsCancelled, f.visits]).toEqual([6, 1, 1, 4, 4, 3, 2, 5, 1, 5])
  expect([f.closure, f.satisfaction, f.strictSatisfaction, f.sessionsFull, f.sessionsCheckedIn]).toEqual([
    { num: 3, den: 6 },
    { num: 2, den: 3 },
    { num: 1, den: 3 },
    { num: 4, den: 5 },
    { num: 2, den: 5 },
  ])
  expect(f.answerDays).toEqual({ sum: 17, count: 3 })
})

test('a month: January 2026', () => {
  const f = figures('2026-01-01', '2026-01-31')
  // HP-1, HP-2, QY-1; sessions hpl 01-12 and qyl 01-15.
  expect([f.received, f.closed, f.onTheSpot, f.visits, f.sessionsHeld]).toEqual([3, 3, 1, 3, 2])
  expect(f.satisfaction).toEqual({ num: 2, den: 2 })
  expect(f.answerDays).toEqual({ sum: 12, count: 2 })
})

test('a session not yet over does not count as held; 2025 is its own year', () => {
  expect(figures('2026-07-01', '2026-07-31').sessionsHeld).toBe(0)
  const y2025 = figures('2025-01-01', '2025-12-31')
  expect([y2025.received, y2025.closed, y2025.onTheSpot]).toEqual([1, 1, 1])
  expect(y2025.closure).toEqual({ num: 1, den: 1 })
})

describe('an empty period: zeros and 0/0, never a division by zero', () => {
  const f = figures('2026-08-01', '2026-08-31')
  test('counts', () => {
    expect([f.received, f.withdrawn, f.closed, f.overdue, f.sessionsHeld, f.visits]).toEqual([0, 0, 0, 0, 0, 0])
    expect(f.byCategory).toEqual([])
    expect(f.byDepartment).toEqual([])
  })
  test.each([
    ['closure', f.closure],
    ['satisfaction', f.satisfaction],
    ['strict satisfaction', f.strictSatisfaction],
    ['sessions full', f.sessionsFull],
    ['sessions checked in', f.sessionsCheckedIn],
  ])('%s is — (0/0)', (_label, r) => {
    expect(r).toEqual({ num: 0, den: 0 })
    expect(share(r)).toBeUndefined()
    expect(zh.followup.rate(r)).toBe('—（0/0）')
  })
  test('average answer time is —', () => {
    expect(average(f.answerDays)).toBeUndefined()
    expect(zh.followup.mean(f.answerDays.sum, f.answerDays.count)).toBe('—')
  })
})

test('open issues by stage, overdue by working days, escalated past the limit', () => {
  const open = issues.filter((i) => ['registered', 'transferred', 'answered', 'rated'].includes(i.status))
  // On 2026-04-01: HP-4 due 03-18 → 10 working days late (03-19 … 04-01); HP-5 rated, nothing due.
  const s = summariseOpen(open.filter((i) => i.date <= '2026-04-01'), '2026-04-01', () => days, 9)
  expect(s.byStage).toEqual({ registered: 0, transferred: 1, answered: 0, rated: 1 })
  expect(s.overdue.map((x) => [x.issue.id, x.due, x.days])).toEqual([['HP-2026-0004', '2026-03-18', 10]])
  expect(s.escalated.map((x) => x.issue.id)).toEqual(['HP-2026-0004'])
  expect(summariseOpen(open, '2026-04-01', () => days, 10).escalated).toEqual([])
  // HP-7 is due for transfer by Wednesday 06-17: on the day itself not overdue; on the Saturday after, by 2.
  const hp7 = open.filter((i) => i.id === 'HP-2026-0007')
  expect(summariseOpen(hp7, '2026-06-17', () => days, 10).overdue).toEqual([])
  expect(summariseOpen(hp7, '2026-06-20', () => days, 10).overdue.map((x) => x.days)).toEqual([2])
  // Due on a Friday, on the Saturday right after: overdue by 1, never "by 0".
  const dueFriday = hp7.map((i) => ({ ...i, transferBy: '2026-06-19' }))
  expect(summariseOpen(dueFriday, '2026-06-20', () => days, 10).overdue.map((x) => x.days)).toEqual([1])
})

test('worst first: escalated, then overdue, then lowest closure rate (empty last), then name', () => {
  const row = (name: string, escalated: number, overdue: number, num: number, den: number) => ({ name, escalated, overdue, closure: { num, den } })
  const sorted = worstFirst([row('甲', 0, 0, 0, 0), row('乙', 0, 0, 1, 2), row('丙', 1, 1, 5, 5), row('丁', 0, 3, 9, 10), row('戊', 0, 0, 1, 4)])
  expect(sorted.map((r) => r.name)).toEqual(['丙', '丁', '戊', '乙', '甲'])
})
