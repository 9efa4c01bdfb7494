/**
 * 响应率 and 解决率 (issue 18): a table of transferred issues, signed for after so many working days (the
 * fake calendar: Mon–Fri, 2026-05-01 a Friday), and of callbacks with and without the 是否解决 answer.
 */
import { computeFigures, mergeFigures, respondedInTime } from '../../../src/domain/stats/figures.js'
import { applyIssueAction, createIssue } from '../../../src/domain/issues/issue-machine.js'
import type { Issue, IssueEvent } from '../../../src/domain/issues/issue.js'
import { toInstant, type LocalDate } from '../../../src/domain/time/local-date.js'
import { fakeWorkingDays } from '../issues/fake-working-days.js'

const days = fakeWorkingDays()
const at = (d: LocalDate, hm = '10:00') => toInstant(d, hm)

let seq = 0
function transferred(on: LocalDate, department = '区房管局'): Issue {
  const r = createIssue(
    { constituent: { name: '王大爷', phone: '13812345678' }, content: '楼道灯坏了', category: '物业管理', categoryGuessed: false },
    { studioId: 'hpl', prefix: 'HP', seq: ++seq, at: at('2026-04-27', '09:00'), by: 'c1', today: '2026-04-27', dutyReps: [], days },
  )
  if (!r.ok) throw new Error(r.code)
  const t = applyIssueAction(r.value, { type: 'transfer', department }, { at: at(on), by: 'c1', today: on, days })
  if (!t.ok) throw new Error(t.code)
  return t.value
}
const withEvent = (i: Issue, e: IssueEvent): Issue => ({ ...i, history: [...i.history, e] })
const sign = (d: LocalDate, department = '区房管局'): IssueEvent => ({ kind: 'sign', department, at: at(d, '15:00'), by: 'dep' })

describe('respondedInTime (limit 1 working day)', () => {
  test.each<[string, (i: Issue) => Issue, boolean | undefined]>([
    ['signed the same day', (i) => withEvent(i, sign('2026-04-28')), true],
    ['signed the next working day', (i) => withEvent(i, sign('2026-04-29')), true],
    ['signed two working days later', (i) => withEvent(i, sign('2026-04-30')), false],
    ['never signed', (i) => i, false],
    ['answered (typed in by the coordinator) the next day, no sign', (i) => withEvent(i, { kind: 'answer', round: 1, at: at('2026-04-29'), by: 'c1' }), true],
    ['sent back (退单) the same day: not a response', (i) => withEvent(i, { kind: 'return', department: '区房管局', reason: '不归我们管', at: at('2026-04-28'), by: 'dep' }), false],
  ])('%s', (_label, make, expected) => {
    expect(respondedInTime(make(transferred('2026-04-28')), days, 1)).toBe(expected)
  })

  test('the weekend does not count: transferred Friday, signed Monday is the next working day', () => {
    const i = withEvent(transferred('2026-05-01'), sign('2026-05-04'))
    expect(respondedInTime(i, days, 1)).toBe(true)
    expect(respondedInTime(i, days, 0)).toBe(false)
  })

  test('re-transferred after a 退单: the clock restarts at the latest transfer', () => {
    let i = withEvent(transferred('2026-04-28'), { kind: 'return', department: '区房管局', reason: '错了', at: at('2026-04-28', '11:00'), by: 'dep' })
    i = withEvent(i, { kind: 'transfer', department: '区城管委', workingDays: 30, deadline: '2026-06-10', at: at('2026-05-06'), by: 'c1' })
    expect(respondedInTime(withEvent(i, sign('2026-05-07', '区城管委')), days, 1)).toBe(true)
    expect(respondedInTime(withEvent(i, sign('2026-05-11', '区城管委')), days, 1)).toBe(false)
  })

  test('an issue never transferred has no response', () => {
    const r = createIssue({ constituent: { name: '李', phone: '13812345678' }, content: 'x', category: '其他', categoryGuessed: false }, { studioId: 'hpl', prefix: 'HP', seq: 999, at: at('2026-04-27'), by: 'c1', today: '2026-04-27', dutyReps: [], days })
    expect(r.ok && respondedInTime(r.value, days, 1)).toBeUndefined()
  })
})

describe('响应率 and 解决率 in the figures', () => {
  const solvedFeedback = (i: Issue, solved: boolean | undefined): Issue => ({ ...i, feedback: { at: at('2026-05-20'), by: 'c1', round: 1, rating: '满意', ...(solved === undefined ? {} : { solved }) } })
  const a = withEvent(transferred('2026-04-28'), sign('2026-04-28'))
  const b = withEvent(transferred('2026-04-28'), sign('2026-04-30'))
  const c = transferred('2026-04-28', '区城管委')
  const issues = [solvedFeedback(a, true), solvedFeedback(b, false), solvedFeedback(c, undefined)]
  const f = (limit?: number) => computeFigures({ issues, sessions: [], from: '2026-04-01', to: '2026-04-30', now: at('2026-06-01'), days: () => days, ...(limit === undefined ? {} : { respondWithinWorkingDays: limit }) })

  test.each([
    ['default limit (1 working day)', undefined, { num: 1, den: 3 }],
    ['limit 2', 2, { num: 2, den: 3 }],
    ['limit 0 (the same day)', 0, { num: 1, den: 3 }],
  ])('响应率, %s', (_l, limit, expected) => {
    expect(f(limit).response).toEqual(expected)
  })

  test('解决率: 已解决 over those who answered 是否解决 (a rating without it is in neither part)', () => {
    expect(f().solved).toEqual({ num: 1, den: 2 })
  })

  test('by department', () => {
    const byName = Object.fromEntries(f().byDepartment.map((d) => [d.name, d]))
    expect(byName['区房管局'].response).toEqual({ num: 1, den: 2 })
    expect(byName['区房管局'].solved).toEqual({ num: 1, den: 2 })
    expect(byName['区城管委'].response).toEqual({ num: 0, den: 1 })
    expect(byName['区城管委'].solved).toEqual({ num: 0, den: 0 })
  })

  test('merging parts gives the figures of the whole', () => {
    const part = (xs: Issue[]) => computeFigures({ issues: xs, sessions: [], from: '2026-04-01', to: '2026-04-30', now: at('2026-06-01'), days: () => days })
    const m = mergeFigures('2026-04-01', '2026-04-30', [part(issues.slice(0, 1)), part(issues.slice(1))])
    expect(m.response).toEqual(f().response)
    expect(m.solved).toEqual(f().solved)
    expect(m.byDepartment).toEqual(f().byDepartment)
  })
})
