import { createRequire } from 'node:module'
import {
  applyIssueAction,
  createIssue,
  isOverdue,
  workingDaysLeft,
  type CreateIssueMeta,
  type IssueAction,
  type IssueCode,
  type IssueContext,
} from '../../../src/domain/issues/issue-machine.js'
import { formatIssueId, parseIssueId, type Intake, type Issue, type IssueStatus } from '../../../src/domain/issues/issue.js'
import { addDays, isoWeekday, toInstant, type LocalDate } from '../../../src/domain/time/local-date.js'
import { fakeWorkingDays } from './fake-working-days.js'

const days = fakeWorkingDays()
const COORD = 'p90'
const TODAY = '2026-09-28' // Monday before the National Day holiday

function ctx(today: LocalDate = TODAY, extra: Partial<IssueContext> = {}): IssueContext {
  return { at: toInstant(today, '10:00'), by: COORD, today, days, ...extra }
}

const INTAKE: Intake = {
  constituent: { name: '王大爷', phone: '13812345678', address: '和平里3号楼' },
  content: '楼道灯坏了半个月',
  category: '物业管理',
  categoryGuessed: true,
}

function meta(extra: Partial<CreateIssueMeta> = {}): CreateIssueMeta {
  return {
    studioId: 'heping',
    prefix: 'HP',
    seq: 42,
    at: toInstant(TODAY, '09:30'),
    by: COORD,
    today: TODAY,
    dutyReps: ['p01', 'p02'],
    days,
    ...extra,
  }
}

function must<T>(r: { ok: true; value: T } | { ok: false; code: string }): T {
  if (!r.ok) throw new Error(`unexpected refusal ${r.code}`)
  return r.value
}

const step = (issue: Issue, action: IssueAction, today: LocalDate = TODAY): Issue => must(applyIssueAction(issue, action, ctx(today)))

const registered = (): Issue => must(createIssue(INTAKE, meta()))
const transferred = (): Issue => step(registered(), { type: 'transfer', department: '房管局' })
const answered = (): Issue => step(transferred(), { type: 'answer', text: '已协调物业更换灯泡' }, '2026-10-09')
const rated = (): Issue => step(answered(), { type: 'feedback', rating: '满意' }, '2026-10-12')
const archived = (): Issue => step(rated(), { type: 'archive' }, '2026-10-13')
const closedOnSpot = (): Issue => step(registered(), { type: 'onTheSpot', text: '已当场说明报修渠道' })
const withdrawn = (): Issue => step(registered(), { type: 'withdraw', reason: '重复登记' })
const unreachable = (): Issue =>
  step(answered(), { type: 'recordContactAttempt', note: '电话三次无人接听', reached: false }, '2026-10-12')

const FIXTURES: Record<IssueStatus, () => Issue> = {
  registered,
  transferred,
  answered,
  rated,
  archived,
  closed_on_spot: closedOnSpot,
  withdrawn,
}

const A = {
  transfer: { type: 'transfer', department: '房管局' },
  answer: { type: 'answer', text: '已处理' },
  onTheSpot: { type: 'onTheSpot', text: '已当场说明' },
  satisfied: { type: 'feedback', rating: '满意' },
  fairly: { type: 'feedback', rating: '基本满意' },
  unsatisfied: { type: 'feedback', rating: '不满意', comment: '灯还是不亮' },
  unsatisfiedFinal: { type: 'feedback', rating: '不满意', reopen: false },
  extend: { type: 'extend', workingDays: 10, reason: '需采购灯具' },
  contact: { type: 'recordContactAttempt', note: '已电话回访', reached: true },
  archive: { type: 'archive' },
  correct: { type: 'correct', fields: { address: '和平里3号楼2单元' } },
  correctDepartment: { type: 'correct', fields: { department: '街道办' } },
  withdraw: { type: 'withdraw', reason: '群众撤回' },
} satisfies Record<string, IssueAction>
type ActionName = keyof typeof A
const ALL_TYPES: ActionName[] = ['transfer', 'answer', 'onTheSpot', 'satisfied', 'extend', 'contact', 'archive', 'correct', 'withdraw']

describe('the fake calendar is the real one', () => {
  test('agrees with chinese-days data for September–November 2026', () => {
    const data = createRequire(import.meta.url)('chinese-days/dist/chinese-days.json') as {
      holidays: Record<string, string>
      workdays: Record<string, string>
    }
    expect(data.workdays['2026-09-20']).toBeDefined()
    expect(data.workdays['2026-10-10']).toBeDefined()
    for (let d = '2026-09-01'; d <= '2026-11-30'; d = addDays(d, 1)) {
      const real = d in data.workdays || (!(d in data.holidays) && isoWeekday(d) <= 5)
      expect([d, days.isWorkingDay(d)]).toEqual([d, real])
    }
  })
})

describe('createIssue', () => {
  test('registers with the form fields, an id, and a forward-by date 5 working days on', () => {
    const issue = must(createIssue(INTAKE, meta({ msgId: 'wx-1' })))
    expect(issue).toEqual({
      id: 'HP-2026-0042',
      studioId: 'heping',
      year: 2026,
      seq: 42,
      createdAt: toInstant(TODAY, '09:30'),
      date: TODAY,
      registrar: COORD,
      dutyReps: ['p01', 'p02'],
      constituent: { name: '王大爷', phone: '13812345678', address: '和平里3号楼' },
      content: '楼道灯坏了半个月',
      category: '物业管理',
      categoryGuessed: true,
      status: 'registered',
      transferBy: '2026-10-10', // 29, 30 Sep, 8, 9 Oct, and the make-up Saturday 10 Oct
      extended: false,
      round: 1,
      answers: [],
      contactAttempts: [],
      history: [{ at: toInstant(TODAY, '09:30'), by: COORD, msgId: 'wx-1', kind: 'register' }],
    })
  })

  test('an on-the-spot answer closes it at once', () => {
    const issue = must(createIssue({ ...INTAKE, onTheSpot: '已告知报修电话' }, meta()))
    expect(issue.status).toBe('closed_on_spot')
    expect(issue.transferBy).toBeUndefined()
    expect(issue.answers).toEqual([{ at: toInstant(TODAY, '09:30'), by: COORD, round: 1, text: '已告知报修电话', onTheSpot: true }])
    expect(issue.history.map((e) => e.kind)).toEqual(['register', 'on_the_spot'])
    expect(isOverdue(issue, '2027-01-01')).toBe(false)
  })

  test('ids: four digits at least, and read back case-insensitively', () => {
    expect(must(createIssue(INTAKE, meta({ seq: 12345 }))).id).toBe('HP-2026-12345')
    expect(formatIssueId('XC', 2027, 7)).toBe('XC-2027-0007')
    expect(parseIssueId(' hp-2026-42 ')).toEqual({ prefix: 'HP', year: 2026, seq: 42, id: 'HP-2026-0042' })
    expect(parseIssueId('HP-2026-0000')).toBeUndefined()
    expect(parseIssueId('HP2026-0042')).toBeUndefined()
  })

  test.each([
    ['bad_prefix', { ...INTAKE }, meta({ prefix: 'hp' }), { prefix: 'hp' }],
    ['bad_prefix', { ...INTAKE }, meta({ prefix: 'HPXX' }), { prefix: 'HPXX' }],
    ['bad_seq', { ...INTAKE }, meta({ seq: 0 }), { seq: 0 }],
    ['bad_seq', { ...INTAKE }, meta({ seq: 1.5 }), { seq: 1.5 }],
    ['missing_name', { ...INTAKE, constituent: { name: ' ' } }, meta(), null],
    ['empty_content', { ...INTAKE, content: '' }, meta(), null],
  ] as const)('refuses with %s', (code, intake, m, params) => {
    expect(createIssue(intake, m)).toEqual(params ? { ok: false, code, params } : { ok: false, code })
  })
})

describe('every allowed transition', () => {
  const allowed: [IssueStatus | 'unreachable', ActionName, IssueStatus][] = [
    ['registered', 'transfer', 'transferred'],
    ['registered', 'answer', 'answered'],
    ['registered', 'onTheSpot', 'closed_on_spot'],
    ['registered', 'contact', 'registered'],
    ['registered', 'correct', 'registered'],
    ['registered', 'withdraw', 'withdrawn'],
    ['transferred', 'answer', 'answered'],
    ['transferred', 'extend', 'transferred'],
    ['transferred', 'contact', 'transferred'],
    ['transferred', 'correct', 'transferred'],
    ['transferred', 'correctDepartment', 'transferred'],
    ['transferred', 'withdraw', 'withdrawn'],
    ['answered', 'answer', 'answered'],
    ['answered', 'satisfied', 'rated'],
    ['answered', 'fairly', 'rated'],
    ['answered', 'unsatisfied', 'transferred'],
    ['answered', 'unsatisfiedFinal', 'rated'],
    ['answered', 'contact', 'answered'],
    ['answered', 'correct', 'answered'],
    ['answered', 'withdraw', 'withdrawn'],
    ['unreachable', 'archive', 'archived'],
    ['rated', 'archive', 'archived'],
    ['rated', 'contact', 'rated'],
    ['rated', 'correct', 'rated'],
    ['rated', 'withdraw', 'withdrawn'],
    ['closed_on_spot', 'correct', 'closed_on_spot'],
    ['closed_on_spot', 'withdraw', 'withdrawn'],
  ]

  test.each(allowed)('%s + %s → %s', (from, name, to) => {
    const before = from === 'unreachable' ? unreachable() : FIXTURES[from]()
    const action: IssueAction = name === 'archive' && from === 'unreachable' ? { type: 'archive', reason: '多次联系不上' } : A[name]
    const snapshot = JSON.stringify(before)
    deepFreeze(before)
    const r = applyIssueAction(before, action, ctx('2026-10-12', { msgId: `wx-${name}` }))
    expect(r.ok && r.value.status).toBe(to)
    const after = must(r)
    expect(after).not.toBe(before)
    expect(JSON.stringify(before)).toBe(snapshot)
    expect(after.history).toHaveLength(before.history.length + 1)
    expect(after.history[after.history.length - 1]).toMatchObject({ at: toInstant('2026-10-12', '10:00'), by: COORD, msgId: `wx-${name}` })
  })

  test('every action type appears in the allowed table', () => {
    const types = new Set(allowed.map(([, name]) => A[name].type))
    expect([...types].sort()).toEqual(['answer', 'archive', 'correct', 'extend', 'feedback', 'onTheSpot', 'recordContactAttempt', 'transfer', 'withdraw'])
  })
})

describe('every refused transition has its code', () => {
  const terminal: [IssueStatus, IssueCode][] = [
    ['archived', 'already_archived'],
    ['withdrawn', 'already_withdrawn'],
  ]
  const rows: [string, () => Issue, IssueAction, IssueCode, Record<string, string | number> | null, LocalDate?][] = []
  for (const [status, code] of terminal) for (const name of ALL_TYPES) rows.push([`${status} + ${name}`, FIXTURES[status], A[name], code, null])
  for (const name of ALL_TYPES.filter((n) => n !== 'correct' && n !== 'withdraw')) {
    rows.push([`closed_on_spot + ${name}`, closedOnSpot, A[name], 'already_closed', null])
  }
  const long = '长'.repeat(2001)
  rows.push(
    ['registered + feedback', registered, A.satisfied, 'rate_before_answer', null],
    ['registered + extend', registered, A.extend, 'extend_before_transfer', null],
    ['registered + archive', registered, A.archive, 'archive_before_answer', null],
    ['registered + correct department', registered, A.correctDepartment, 'department_before_transfer', null],
    ['transferred + transfer', transferred, A.transfer, 'already_transferred', { department: '房管局' }],
    ['transferred + onTheSpot', transferred, A.onTheSpot, 'already_transferred', { department: '房管局' }],
    ['transferred + feedback', transferred, A.unsatisfied, 'rate_before_answer', null],
    ['transferred + archive', transferred, A.archive, 'archive_before_answer', null],
    ['answered + transfer', answered, A.transfer, 'already_answered', null],
    ['answered + onTheSpot', answered, A.onTheSpot, 'already_answered', null],
    ['answered + extend', answered, A.extend, 'already_answered', null],
    ['answered + archive, constituent not asked', answered, A.archive, 'archive_before_feedback', null],
    ['answered + archive, contact succeeded', () => step(answered(), A.contact, '2026-10-12'), { type: 'archive', reason: '已回访' }, 'archive_before_feedback', null],
    ['answered + archive, failed contact but no reason', unreachable, A.archive, 'archive_needs_reason', null],
    ['answered + archive, failed contact before the latest answer', () => step(unreachable(), { type: 'answer', text: '补充答复' }, '2026-10-13'), { type: 'archive', reason: '联系不上' }, 'archive_before_feedback', null, '2026-10-14'],
    ['rated + transfer', rated, A.transfer, 'already_rated', null],
    ['rated + answer', rated, A.answer, 'already_rated', null],
    ['rated + onTheSpot', rated, A.onTheSpot, 'already_rated', null],
    ['rated + feedback', rated, A.fairly, 'already_rated', null],
    ['rated + extend', rated, A.extend, 'already_rated', null],
    ['transfer to no department', registered, { type: 'transfer', department: '  ' }, 'empty_department', null],
    ['transfer for 0 working days', registered, { type: 'transfer', department: '房管局', workingDays: 0 }, 'bad_working_days', { value: 0, min: 1, max: 30 }],
    ['transfer for 31 working days', registered, { type: 'transfer', department: '房管局', workingDays: 31 }, 'bad_working_days', { value: 31, min: 1, max: 30 }],
    ['transfer for 2.5 working days', registered, { type: 'transfer', department: '房管局', workingDays: 2.5 }, 'bad_working_days', { value: 2.5, min: 1, max: 30 }],
    ['empty answer', transferred, { type: 'answer', text: ' \n' }, 'empty_answer', null],
    ['answer too long', transferred, { type: 'answer', text: long }, 'too_long', { field: 'answer', max: 2000 }],
    ['empty on-the-spot answer', registered, { type: 'onTheSpot', text: '' }, 'empty_answer', null],
    ['unknown rating', answered, { type: 'feedback', rating: '很满意' as never }, 'bad_rating', { value: '很满意' }],
    ['comment too long', answered, { type: 'feedback', rating: '满意', comment: long }, 'too_long', { field: 'comment', max: 2000 }],
    ['extension of 16 working days', transferred, { type: 'extend', workingDays: 16, reason: '需招标' }, 'extension_too_long', { value: 16, max: 15 }],
    ['extension of 0 working days', transferred, { type: 'extend', workingDays: 0, reason: '需招标' }, 'bad_working_days', { value: 0, min: 1, max: 15 }],
    ['extension without a reason', transferred, { type: 'extend', workingDays: 5, reason: ' ' }, 'extension_needs_reason', null],
    ['second extension', () => step(transferred(), A.extend), A.extend, 'second_extension', { deadline: '2026-11-27' }],
    ['extension after the deadline', transferred, A.extend, 'extension_after_deadline', { deadline: '2026-11-13' }, '2026-11-16'],
    ['contact attempt without a note', answered, { type: 'recordContactAttempt', note: '', reached: false }, 'empty_note', null],
    ['correct nothing', registered, { type: 'correct', fields: {} }, 'nothing_to_correct', null],
    ['correct to the same value', registered, { type: 'correct', fields: { name: '王大爷', phone: '138-1234-5678' } }, 'nothing_to_correct', null],
    ['correct the name to nothing', registered, { type: 'correct', fields: { name: '' } }, 'missing_name', null],
    ['correct the name to digits', registered, { type: 'correct', fields: { name: '王1' } }, 'bad_name', { max: 20 }],
    ['correct to a bad phone', registered, { type: 'correct', fields: { phone: '1381234567' } }, 'bad_phone', { value: '1381234567' }],
    ['correct the content to nothing', registered, { type: 'correct', fields: { content: ' ' } }, 'empty_content', null],
    ['correct the content to too much', registered, { type: 'correct', fields: { content: long } }, 'too_long', { field: 'content', max: 2000 }],
    ['correct the category to nothing', registered, { type: 'correct', fields: { category: '' } }, 'empty_category', null],
    ['correct the department to nothing', transferred, { type: 'correct', fields: { department: '' } }, 'empty_department', null],
    ['withdraw with too long a reason', registered, { type: 'withdraw', reason: long }, 'too_long', { field: 'reason', max: 2000 }],
  )

  // Rows padded to a fixed length: test.each would pass its `done` callback in a missing last column.
  test.each(rows.map((r) => [r[0], r[1], r[2], r[3], r[4], r[5] ?? null] as const))('%s', (_label, make, action, code, params, today) => {
    const before = make()
    const snapshot = JSON.stringify(before)
    expect(applyIssueAction(before, action, ctx(today ?? '2026-10-12'))).toEqual(params ? { ok: false, code, params } : { ok: false, code })
    expect(JSON.stringify(before)).toBe(snapshot)
  })

  test('a replayed message is refused, durably, from the history', () => {
    const issue = must(createIssue(INTAKE, meta({ msgId: 'wx-reg' })))
    expect(applyIssueAction(issue, A.transfer, ctx(TODAY, { msgId: 'wx-reg' }))).toEqual({
      ok: false,
      code: 'duplicate_message',
      params: { msgId: 'wx-reg' },
    })
    const moved = must(applyIssueAction(issue, A.transfer, ctx(TODAY, { msgId: 'wx-2' })))
    const stored = JSON.parse(JSON.stringify(moved)) as Issue // as it comes back from the store
    expect(applyIssueAction(stored, A.answer, ctx(TODAY, { msgId: 'wx-2' }))).toMatchObject({ ok: false, code: 'duplicate_message' })
    expect(applyIssueAction(stored, A.answer, ctx(TODAY)).ok).toBe(true) // no id, nothing to compare
  })
})

describe('deadlines in working days across the 2026 National Day holiday', () => {
  test('a transfer on 2026-09-28 for 5 working days is due on the make-up Saturday 2026-10-10', () => {
    const issue = step(registered(), { type: 'transfer', department: '市容所', workingDays: 5 })
    expect(issue.deadline).toBe('2026-10-10')
    expect(issue.transferBy).toBeUndefined()
    expect(issue.history[1]).toMatchObject({ kind: 'transfer', department: '市容所', workingDays: 5, deadline: '2026-10-10' })
  })

  test('the default is 30 working days: 2026-09-28 → 2026-11-13', () => {
    expect(transferred().deadline).toBe('2026-11-13')
  })

  test('isOverdue from the day after the deadline; workingDaysLeft counts working days only', () => {
    const issue = step(registered(), { type: 'transfer', department: '市容所', workingDays: 5 })
    expect(workingDaysLeft(issue, '2026-09-28', days)).toBe(5)
    expect(workingDaysLeft(issue, '2026-09-30', days)).toBe(3) // 10-08, 10-09, 10-10
    expect(workingDaysLeft(issue, '2026-10-03', days)).toBe(3)
    expect(workingDaysLeft(issue, '2026-10-10', days)).toBe(0)
    expect(workingDaysLeft(issue, '2026-10-12', days)).toBe(-1)
    expect(isOverdue(issue, '2026-10-10')).toBe(false)
    expect(isOverdue(issue, '2026-10-11')).toBe(true)
    const done = step(issue, A.answer, '2026-10-20')
    expect(isOverdue(done, '2026-10-21')).toBe(false)
    expect(workingDaysLeft(done, '2026-10-21', days)).toBeUndefined()
  })

  test('a registration not transferred within 5 working days is overdue too', () => {
    const issue = registered()
    expect(isOverdue(issue, '2026-10-10')).toBe(false)
    expect(isOverdue(issue, '2026-10-11')).toBe(true)
    expect(workingDaysLeft(issue, '2026-10-08', days)).toBe(2)
  })

  test('an extension counts from the current deadline, over the holiday', () => {
    // Transfer on Mon 21 Sep for 5: 22, 23, 24, (25 中秋 off), 28, 29 → 29 Sep.
    const issue = step(registered(), { type: 'transfer', department: '房管局', workingDays: 5 }, '2026-09-21')
    expect(issue.deadline).toBe('2026-09-29')
    const extended = step(issue, { type: 'extend', workingDays: 5, reason: '需采购灯具' }, '2026-09-29')
    expect(extended.deadline).toBe('2026-10-12') // 30 Sep, 8, 9, 10 (Sat, make-up) and 12 Oct
    expect(extended.extended).toBe(true)
    expect(extended.history[extended.history.length - 1]).toMatchObject({ kind: 'extend', workingDays: 5, reason: '需采购灯具', deadline: '2026-10-12' })
  })
})

describe('second handling after 不满意', () => {
  test('back to the same department with a fresh 30-day deadline and a fresh extension', () => {
    const round1 = step(step(transferred(), A.extend), A.answer, '2026-10-20')
    expect(round1.extended).toBe(true)
    const reopened = step(round1, A.unsatisfied, '2026-10-22')
    expect(reopened).toMatchObject({
      status: 'transferred',
      department: '房管局',
      round: 2,
      extended: false,
      deadline: days.addWorkingDays('2026-10-22', 30),
      feedback: { rating: '不满意', comment: '灯还是不亮', round: 1 },
    })
    expect(reopened.deadline).toBe('2026-12-03')
    expect(reopened.history[reopened.history.length - 1]).toMatchObject({
      kind: 'feedback',
      round: 1,
      rating: '不满意',
      comment: '灯还是不亮',
      reopened: true,
      deadline: '2026-12-03',
    })
    const extendedAgain = step(reopened, A.extend, '2026-10-23')
    expect(extendedAgain.extended).toBe(true)

    const answered2 = step(extendedAgain, { type: 'answer', text: '已更换线路' }, '2026-11-02')
    expect(answered2.answers.map((a) => a.round)).toEqual([1, 2])
    const rated2 = step(answered2, A.satisfied, '2026-11-03')
    expect(rated2.feedback).toMatchObject({ rating: '满意', round: 2 })
    const done = step(rated2, { type: 'archive' }, '2026-11-04')
    expect(done.status).toBe('archived')
    expect(done.history.map((e) => e.kind)).toEqual([
      'register', 'transfer', 'extend', 'answer', 'feedback', 'extend', 'answer', 'feedback', 'archive',
    ])
  })

  test('answered directly by a representative: back to registered, due for transfer in 5 working days', () => {
    const direct = step(registered(), { type: 'answer', text: '代表已联系物业' })
    expect(direct.transferBy).toBeUndefined()
    const reopened = step(direct, A.unsatisfied, '2026-09-29')
    expect(reopened).toMatchObject({ status: 'registered', round: 2, transferBy: '2026-10-12' })
    expect(reopened.deadline).toBeUndefined()
  })

  test('不满意 with reopen: false stays rated and can be archived', () => {
    const final = step(answered(), A.unsatisfiedFinal, '2026-10-12')
    expect(final).toMatchObject({ status: 'rated', round: 1, feedback: { rating: '不满意' } })
    expect(step(final, { type: 'archive', reason: '诉求超出政策范围，已解释' }, '2026-10-13')).toMatchObject({
      status: 'archived',
      archiveReason: '诉求超出政策范围，已解释',
    })
  })
})

describe('what the steps record', () => {
  test('archiving an unreachable constituent keeps the attempt and the reason', () => {
    const issue = step(unreachable(), { type: 'archive', reason: '多次联系不上' }, '2026-10-20')
    expect(issue.contactAttempts).toEqual([{ at: toInstant('2026-10-12', '10:00'), by: COORD, reached: false, note: '电话三次无人接听' }])
    expect(issue.archiveReason).toBe('多次联系不上')
    expect(issue.feedback).toBeUndefined()
  })

  test('a supplementary answer is appended', () => {
    const issue = step(answered(), { type: 'answer', text: '补充:灯具已到货' }, '2026-10-10')
    expect(issue.answers.map((a) => a.text)).toEqual(['已协调物业更换灯泡', '补充:灯具已到货'])
  })

  test('corrections keep before and after, normalise the phone, confirm a guessed category', () => {
    const issue = step(registered(), {
      type: 'correct',
      fields: { phone: '139 1234 5678', address: '', category: '物业管理' },
    })
    expect(issue.constituent).toEqual({ name: '王大爷', phone: '13912345678' })
    expect(issue.categoryGuessed).toBe(false)
    expect(issue.history[issue.history.length - 1]).toMatchObject({
      kind: 'correct',
      changes: [
        { field: 'phone', from: '13812345678', to: '13912345678' },
        { field: 'address', from: '和平里3号楼' },
        { field: 'category', from: '物业管理', to: '物业管理' },
      ],
    })
  })

  test('withdrawing keeps the reason', () => {
    expect(withdrawn()).toMatchObject({ status: 'withdrawn', withdrawReason: '重复登记' })
    expect(withdrawn().transferBy).toBeUndefined()
  })

  test('a stored issue holds no undefined or null values (compact JSON)', () => {
    const issue = step(step(transferred(), A.answer), A.satisfied)
    const walk = (v: unknown): void => {
      expect(v).not.toBeUndefined()
      expect(v).not.toBeNull()
      if (v && typeof v === 'object') for (const x of Object.values(v)) walk(x)
    }
    walk(issue)
  })
})

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object') {
    Object.freeze(o)
    for (const v of Object.values(o)) deepFreeze(v)
  }
  return o
}
