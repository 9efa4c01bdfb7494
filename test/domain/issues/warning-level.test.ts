/**
 * The warning ladder's colours on the fake calendar (Mon–Fri; 2026-10-01..07 off, Saturday 2026-10-10 a
 * make-up working day): yellow within 3 working days, 督办 after 10 working days overdue.
 */
import { byUrgency, urgesOf, warningOf, type Warning } from '../../../src/domain/issues/warning-level.js'
import { applyIssueAction, createIssue } from '../../../src/domain/issues/issue-machine.js'
import type { Issue } from '../../../src/domain/issues/issue.js'
import { toInstant, type LocalDate } from '../../../src/domain/time/local-date.js'
import { fakeWorkingDays } from './fake-working-days.js'

const days = fakeWorkingDays()
const S = { yellowWithinWorkingDays: 3, redAfterWorkingDays: 10 }

function issue(status: 'registered' | 'transferred' | 'answered', due: LocalDate): Issue {
  const r = createIssue({ constituent: { name: '王', phone: '13812345678' }, content: 'x', category: '其他', categoryGuessed: false }, { studioId: 'hpl', prefix: 'HP', seq: 1, at: toInstant('2026-09-01', '09:00'), by: 'c1', today: '2026-09-01', dutyReps: [], days })
  if (!r.ok) throw new Error(r.code)
  const base = r.value
  if (status === 'registered') return { ...base, transferBy: due }
  if (status === 'transferred') return { ...base, status, department: '区房管局', deadline: due }
  return { ...base, status, department: '区房管局' }
}

test.each<[string, 'registered' | 'transferred', LocalDate, LocalDate, Partial<Warning>]>([
  ['due in 4 working days: green', 'transferred', '2026-09-14', '2026-09-08', { colour: 'green', left: 4, escalated: false }],
  ['due in 3 working days: yellow', 'transferred', '2026-09-14', '2026-09-09', { colour: 'yellow', left: 3 }],
  ['due today: yellow, 0 left', 'transferred', '2026-09-14', '2026-09-14', { colour: 'yellow', left: 0 }],
  ['the day after: red, 1 late', 'transferred', '2026-09-14', '2026-09-15', { colour: 'red', late: 1, escalated: false }],
  ['the weekend after a Friday due date: red, 1 late', 'transferred', '2026-09-11', '2026-09-12', { colour: 'red', late: 1 }],
  ['10 working days late: red, not yet 督办', 'transferred', '2026-09-01', '2026-09-15', { colour: 'red', late: 10, escalated: false }],
  ['11 working days late: 督办', 'transferred', '2026-09-01', '2026-09-16', { colour: 'red', late: 11, escalated: true }],
  ['the National Day week does not count: due 09-30, yellow on 09-28', 'transferred', '2026-09-30', '2026-09-28', { colour: 'yellow', left: 2 }],
  ['across the National Day week: due 10-09, on 09-29 only 3 working days are left (09-30, 10-08, 10-09): yellow', 'transferred', '2026-10-09', '2026-09-29', { colour: 'yellow', left: 3 }],
  ['the transfer due date while 待转办 counts too', 'registered', '2026-09-08', '2026-09-07', { colour: 'yellow', left: 1 }],
])('%s', (_label, status, due, today, expected) => {
  const w = warningOf(issue(status, due), today, days, S)
  expect(w).toMatchObject({ due, ...expected })
})

test('nothing due, no colour', () => {
  expect(warningOf(issue('answered', '2026-09-14'), '2026-09-20', days, S)).toBeUndefined()
})

test('yellow 0: only the due day itself is yellow', () => {
  const i = issue('transferred', '2026-09-14')
  expect(warningOf(i, '2026-09-11', days, { ...S, yellowWithinWorkingDays: 0 })?.colour).toBe('green')
  expect(warningOf(i, '2026-09-14', days, { ...S, yellowWithinWorkingDays: 0 })?.colour).toBe('yellow')
})

test('most urgent first', () => {
  const today = '2026-09-20'
  const xs = [issue('transferred', '2026-10-30'), issue('transferred', '2026-09-10'), issue('transferred', '2026-09-21'), issue('transferred', '2026-09-01')].map((i, k) => ({ issue: { ...i, id: `HP-2026-000${k}` }, w: warningOf(i, today, days, S)! }))
  expect(xs.sort(byUrgency).map((x) => x.w.due)).toEqual(['2026-09-01', '2026-09-10', '2026-09-21', '2026-10-30'])
})

test('an urge is a step of its own: recorded while something is due, refused otherwise', () => {
  const ctx = { at: toInstant('2026-09-10', '09:00'), by: 'system', today: '2026-09-10', days }
  const r = applyIssueAction(issue('transferred', '2026-09-14'), { type: 'urge', level: 'yellow' }, ctx)
  expect(r.ok && urgesOf(r.value)).toEqual([{ level: 'yellow', at: ctx.at }])
  expect(r.ok && r.value.deadline).toBe('2026-09-14')
  const no = applyIssueAction(issue('answered', '2026-09-14'), { type: 'urge', level: 'red' }, ctx)
  expect(no.ok ? 'ok' : no.code).toBe('nothing_due')
})
