/**
 * 一人一档 and the evaluation suggestion against the hand-computed fixture (fixture.ts), default points:
 * attended 10, missed −10, covered 3, registered 2, closed 2; 优秀 ≥ 60, 称职 ≥ 30, 基本称职 ≥ 10.
 */
import { evaluate, gradeFor, repRecord, type EvaluationScheme } from '../../../src/domain/stats/rep-record.js'
import { NOW, fixtureIssues, fixtureSessions } from './fixture.js'

const scheme: EvaluationScheme = {
  perSessionAttended: 10,
  perSessionMissed: -10,
  perSwapCovered: 3,
  perIssueRegistered: 2,
  perIssueClosed: 2,
  thresholds: { 优秀: 60, 称职: 30, 基本称职: 10 },
}
const record = (personId: string, from = '2026-01-01', to = '2026-06-30') =>
  repRecord({ personId, sessions: fixtureSessions(), issues: fixtureIssues(), from, to, now: NOW })

test.each([
  // person, onDuty, attended, missed, unrecorded, covered, gave, swapped, registered, closed, open, rated, satisfied, receivedOnDuty, points, grade
  // p1: duty 01-12 ✓, 02-10 ✓ (covered for p2), 06-10 ✓ (swapped in), swapped out of 05-11; registered HP-1, HP-3 (both closed, 满意 and
  // 基本满意); on duty when HP-1, HP-2, HP-3 and HP-7 were registered.
  ['p1', 3, 3, 0, 0, 1, 0, 2, 2, 2, 0, 2, 2, 4, 30 + 3 + 4 + 4, '称职'],
  // p2: duty 01-12 ✓, 03-10 and 05-11 unrecorded; gave 02-10 to p1; swapped into 05-11 and out of 06-10; registered HP-2 (spot) and HP-5 (rated 不满意, open).
  ['p2', 3, 1, 0, 2, 0, 1, 2, 2, 1, 1, 1, 0, 3, 10 + 4 + 2, '基本称职'],
  // p3: duty 02-10 missed (p1 checked in, p3 not), 05-11 unrecorded, 06-10 ✓; HP-6 withdrawn does not count, HP-7 open.
  ['p3', 3, 1, 1, 1, 0, 0, 0, 1, 0, 1, 0, 0, 2, 10 - 10 + 2, '不称职'],
  // q1: qyl 01-15 ✓ and 03-02 ✓; QY-1 closed 满意, QY-2 on the spot.
  ['q1', 2, 2, 0, 0, 0, 0, 0, 2, 2, 0, 1, 1, 2, 20 + 4 + 4, '基本称职'],
] as const)('%s', (id, onDuty, attended, missed, unrecorded, covered, gave, swapped, registered, closed, open, rated, satisfied, receivedOnDuty, points, grade) => {
  const r = record(id)
  expect([r.onDuty, r.attended, r.missed, r.unrecorded]).toEqual([onDuty, attended, missed, unrecorded])
  expect([r.covered, r.gave, r.swapped]).toEqual([covered, gave, swapped])
  expect([r.registered, r.registeredClosed, r.registeredOpen, r.registeredRated, r.registeredSatisfied, r.receivedOnDuty]).toEqual([registered, closed, open, rated, satisfied, receivedOnDuty])
  const ev = evaluate(r, scheme)
  expect(ev.points).toBe(points)
  expect(ev.grade).toBe(grade)
})

test('the duty list says how each duty stands, by date', () => {
  expect(record('p3').duties.map((d) => [d.date, d.mark])).toEqual([
    ['2026-02-10', 'missed'],
    ['2026-05-11', 'unrecorded'],
    ['2026-06-10', 'attended'],
  ])
})

test('a cancelled session and one not yet held count for nobody; nor does a period without records', () => {
  // 04-10 cancelled (p1, p3), 07-10 still ahead on 07-01 (p1, p2).
  expect(record('p1', '2026-04-01', '2026-04-30').onDuty).toBe(0)
  expect(record('p1', '2026-07-01', '2026-07-31').onDuty).toBe(0)
  const empty = record('p1', '2026-08-01', '2026-12-31')
  expect(empty).toMatchObject({ onDuty: 0, covered: 0, registered: 0, issueIds: [] })
  // Nothing to judge by yet: no grade rather than 不称职; one missed duty is a basis.
  expect(evaluate(empty, scheme)).toMatchObject({ points: 0, grade: '记录不足' })
  expect(evaluate({ ...empty, missed: 1 }, scheme).grade).toBe('不称职')
})

test('the terms of the points, for the explanation', () => {
  expect(evaluate(record('p1'), scheme).terms).toEqual([
    { key: 'perSessionAttended', count: 3, each: 10 },
    { key: 'perSessionMissed', count: 0, each: -10 },
    { key: 'perSwapCovered', count: 1, each: 3 },
    { key: 'perIssueRegistered', count: 2, each: 2 },
    { key: 'perIssueClosed', count: 2, each: 2 },
  ])
})

test.each([
  [60, '优秀'],
  [59, '称职'],
  [30, '称职'],
  [29, '基本称职'],
  [10, '基本称职'],
  [9, '不称职'],
  [-20, '不称职'],
] as const)('%i points → %s', (points, grade) => {
  expect(gradeFor(points, scheme.thresholds)).toBe(grade)
})

describe('a coordinator’s 补签 counts as attended and is shown as 补签, with when it was recorded', () => {
  const recorded = Date.UTC(2026, 2, 12, 2, 0) // 2026-03-12 10:00 in Shanghai
  // p2's 03-10 duty had no check-in at all (unrecorded); the coordinator records a 补签 for p2 two days later.
  // (p2 sat 03-10 alone.) Without it: attended 1, unrecorded 2 (the table above).
  const withBackfill = () =>
    fixtureSessions().map((s) =>
      s.id === 'hpl/2026-03-10' ? { ...s, attendance: [{ personId: 'p2', at: Date.UTC(2026, 2, 10, 10, 0), by: 'c1', backfill: true as const, recordedAt: recorded }] } : s,
    )
  test.each([
    // person, attended, backfilled, missed, unrecorded, mark of 03-10
    ['p2', 2, 1, 0, 1, 'backfilled'],
  ] as const)('%s', (id, attended, backfilled, missed, unrecorded, mark) => {
    const r = repRecord({ personId: id, sessions: withBackfill(), issues: fixtureIssues(), from: '2026-01-01', to: '2026-06-30', now: NOW })
    expect([r.attended, r.backfilled, r.missed, r.unrecorded]).toEqual([attended, backfilled, missed, unrecorded])
    const d = r.duties.find((x) => x.date === '2026-03-10')!
    expect(d.mark).toBe(mark)
    expect(d.recordedAt).toBe(recorded)
    expect(evaluate(r, scheme).terms[0]).toEqual({ key: 'perSessionAttended', count: attended, each: 10 })
  })
  test('an own check-in is no 补签', () => {
    expect(record('p1').backfilled).toBe(0)
    expect(record('p1').duties.every((d) => d.recordedAt === undefined)).toBe(true)
  })
})
