/**
 * The department's steps (issue 18): 签收, 退单, 申请延期 and the coordinator's decision, and the
 * constituent's 是否解决 on a feedback — as table tests of the pure transition function.
 */
import {
  applyIssueAction,
  createIssue,
  currentAssignment,
  pendingExtensionRequest,
  signedAt,
  type CreateIssueMeta,
  type IssueAction,
  type IssueCode,
  type IssueContext,
} from '../../../src/domain/issues/issue-machine.js'
import type { Issue } from '../../../src/domain/issues/issue.js'
import { toInstant, type LocalDate } from '../../../src/domain/time/local-date.js'
import { fakeWorkingDays } from './fake-working-days.js'

const days = fakeWorkingDays()
const TODAY = '2026-03-02'
const DEPT = '区房管局'
const ctx = (today: LocalDate = TODAY, by = 'c01'): IssueContext => ({ at: toInstant(today, '10:00'), by, today, days })
const meta: CreateIssueMeta = { studioId: 'hpl', prefix: 'HP', seq: 1, at: toInstant(TODAY, '09:00'), by: 'c01', today: TODAY, dutyReps: [], days }

function must(r: ReturnType<typeof applyIssueAction>): Issue {
  if (!r.ok) throw new Error(`refused ${r.code}`)
  return r.value
}
const step = (i: Issue, a: IssueAction, today: LocalDate = TODAY, by = 'c01') => must(applyIssueAction(i, a, ctx(today, by)))
const registered = (): Issue => {
  const r = createIssue({ constituent: { name: '王大爷', phone: '13812345678' }, content: '楼道灯坏了', category: '物业管理', categoryGuessed: false }, meta)
  if (!r.ok) throw new Error(r.code)
  return r.value
}
const transferred = () => step(registered(), { type: 'transfer', department: DEPT, workingDays: 20 })
const signed = () => step(transferred(), { type: 'sign', department: DEPT }, '2026-03-03', DEPT)
const requested = () => step(signed(), { type: 'extend_request', workingDays: 10, reason: '需协调供电公司' }, '2026-03-04', DEPT)
const answered = () => step(signed(), { type: 'answer', text: '已修好' }, '2026-03-05', DEPT)

describe('allowed', () => {
  const rows: [string, () => Issue, IssueAction, (i: Issue) => void][] = [
    ['sign a transferred issue', transferred, { type: 'sign', department: DEPT }, (i) => {
      expect(i.status).toBe('transferred')
      expect(i.history.at(-1)).toMatchObject({ kind: 'sign', department: DEPT })
      expect(signedAt(i)).toBe(toInstant('2026-03-06', '10:00'))
    }],
    ['return with a reason: back to registered, no department, due for transfer in 5 working days', signed, { type: 'return', department: DEPT, reason: '不属于本单位职责' }, (i) => {
      expect(i.status).toBe('registered')
      expect(i.department).toBeUndefined()
      expect(i.deadline).toBeUndefined()
      expect(i.transferBy).toBe(days.addWorkingDays('2026-03-06', 5))
      expect(i.history.at(-1)).toMatchObject({ kind: 'return', department: DEPT, reason: '不属于本单位职责' })
    }],
    ['request an extension', signed, { type: 'extend_request', workingDays: 10, reason: '需协调' }, (i) => {
      expect(i.deadline).toBe(signed().deadline)
      expect(i.extended).toBe(false)
      expect(pendingExtensionRequest(i)).toMatchObject({ workingDays: 10, reason: '需协调' })
    }],
    ['approve: the requested extend', requested, { type: 'extend', workingDays: 10, reason: '需协调供电公司' }, (i) => {
      expect(i.deadline).toBe(days.addWorkingDays(requested().deadline!, 10))
      expect(pendingExtensionRequest(i)).toBeUndefined()
    }],
    ['decline the request', requested, { type: 'extend_decline', reason: '可在期限内办完' }, (i) => {
      expect(i.deadline).toBe(requested().deadline)
      expect(pendingExtensionRequest(i)).toBeUndefined()
      expect(i.history.at(-1)).toMatchObject({ kind: 'extend_decline', reason: '可在期限内办完' })
    }],
    ['feedback with 已解决', answered, { type: 'feedback', rating: '满意', solved: true }, (i) => {
      expect(i.status).toBe('rated')
      expect(i.feedback).toMatchObject({ rating: '满意', solved: true })
      expect(i.history.at(-1)).toMatchObject({ kind: 'feedback', solved: true })
    }],
    ['feedback without 是否解决 records none', answered, { type: 'feedback', rating: '基本满意' }, (i) => {
      expect(i.feedback && 'solved' in i.feedback).toBe(false)
    }],
  ]
  test.each(rows)('%s', (_name, make, action, check) => {
    const before = make()
    const snapshot = JSON.stringify(before)
    const after = must(applyIssueAction(before, action, ctx('2026-03-06', DEPT)))
    expect(JSON.stringify(before)).toBe(snapshot)
    check(after)
  })
})

describe('refused, with the issue unchanged', () => {
  const rows: [string, () => Issue, IssueAction, IssueCode][] = [
    ['sign before transfer', registered, { type: 'sign', department: DEPT }, 'not_with_department'],
    ['sign by another department', transferred, { type: 'sign', department: '区教育局' }, 'not_with_department'],
    ['sign twice', signed, { type: 'sign', department: DEPT }, 'already_signed'],
    ['sign once answered', answered, { type: 'sign', department: DEPT }, 'not_with_department'],
    ['return without a reason', signed, { type: 'return', department: DEPT, reason: '  ' }, 'return_needs_reason'],
    ['return once answered', answered, { type: 'return', department: DEPT, reason: '错了' }, 'not_with_department'],
    ['return by another department', signed, { type: 'return', department: '区教育局', reason: '错了' }, 'not_with_department'],
    ['request without a reason', signed, { type: 'extend_request', workingDays: 5, reason: '' }, 'extension_needs_reason'],
    ['request too long', signed, { type: 'extend_request', workingDays: 16, reason: '需协调' }, 'extension_too_long'],
    ['request zero days', signed, { type: 'extend_request', workingDays: 0, reason: '需协调' }, 'bad_working_days'],
    ['request a second time', requested, { type: 'extend_request', workingDays: 5, reason: '再延' }, 'second_extension_request'],
    ['request after a decline', () => step(requested(), { type: 'extend_decline' }), { type: 'extend_request', workingDays: 5, reason: '再延' }, 'second_extension_request'],
    ['request after an extension', () => step(signed(), { type: 'extend', workingDays: 5, reason: '已延' }), { type: 'extend_request', workingDays: 5, reason: '再延' }, 'second_extension'],
    ['decline with nothing pending', signed, { type: 'extend_decline' }, 'no_extension_request'],
    ['decline once approved', () => step(requested(), { type: 'extend', workingDays: 10, reason: '同意' }), { type: 'extend_decline' }, 'no_extension_request'],
  ]
  test.each(rows)('%s → %s', (_name, make, action, code) => {
    const before = make()
    const snapshot = JSON.stringify(before)
    const r = applyIssueAction(before, action, ctx('2026-03-06', DEPT))
    expect(r.ok ? 'ok' : r.code).toBe(code)
    expect(JSON.stringify(before)).toBe(snapshot)
  })

  test('a request after the deadline', () => {
    const late = signed().deadline!
    const r = applyIssueAction(signed(), { type: 'extend_request', workingDays: 5, reason: '需协调' }, ctx(days.addWorkingDays(late, 1), DEPT))
    expect(r.ok ? 'ok' : r.code).toBe('extension_after_deadline')
  })
})

test('a reopening to the same department is a new assignment: sign and request again', () => {
  const rated = step(step(requested(), { type: 'answer', text: '已修' }), { type: 'feedback', rating: '不满意', solved: false }, '2026-03-10')
  expect(rated.status).toBe('transferred')
  expect(signedAt(rated)).toBeUndefined()
  expect(currentAssignment(rated)[0]).toMatchObject({ kind: 'feedback', reopened: true })
  const again = step(step(rated, { type: 'sign', department: DEPT }, '2026-03-11'), { type: 'extend_request', workingDays: 3, reason: '再协调' }, '2026-03-11')
  expect(pendingExtensionRequest(again)?.workingDays).toBe(3)
})

test('after a 退单 and a new transfer, the new department signs for its own assignment', () => {
  const back = step(signed(), { type: 'return', department: DEPT, reason: '不属于本单位' })
  const moved = step(back, { type: 'transfer', department: '区城管委' })
  expect(signedAt(moved)).toBeUndefined()
  expect(step(moved, { type: 'sign', department: '区城管委' }).history.at(-1)).toMatchObject({ kind: 'sign', department: '区城管委' })
})
