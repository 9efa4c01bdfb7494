/**
 * recountDue: an open issue's due date counted again on a new holiday calendar, from the step that set it.
 * Old calendar: chinese-days' 2027 = provisional (5–8 February off); new: a notice adding 9–12 February.
 */
import { applyIssueAction, createIssue, recountDue, type IssueAction } from '../../../src/domain/issues/issue-machine.js'
import type { Issue } from '../../../src/domain/issues/issue.js'
import { createWorkingCalendar } from '../../../src/domain/calendar/working-calendar.js'
import { toInstant, type LocalDate } from '../../../src/domain/time/local-date.js'

const oldDays = createWorkingCalendar()
const newDays = createWorkingCalendar({ notices: new Map([[2027, { holidays: ['2027-01-01', '2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11', '2027-02-12'], workdays: ['2027-02-20'] }]]) })
const ctx = (today: LocalDate) => ({ at: toInstant(today, '10:00'), by: 'c01', today, days: oldDays })
const must = <T,>(r: { ok: true; value: T } | { ok: false; code: string }): T => {
  if (!r.ok) throw new Error(r.code)
  return r.value
}
const registered = (today: LocalDate): Issue =>
  must(
    createIssue(
      { constituent: { name: '王大爷', phone: '13812345678' }, content: '楼道灯坏了', category: '物业管理', categoryGuessed: false },
      { studioId: 'hpl', prefix: 'HP', seq: 1, at: toInstant(today, '09:30'), by: 'c01', today, dutyReps: [], days: oldDays },
    ),
  )
const step = (i: Issue, a: IssueAction, today: LocalDate) => must(applyIssueAction(i, a, ctx(today)))

describe('recountDue', () => {
  test('registered: 5 working days to forward, from the registration', () => {
    const i = registered('2027-02-03') // Wednesday
    expect(i.transferBy).toBe('2027-02-12') // old: 4, 9, 10, 11, 12 February
    expect(recountDue(i, newDays)).toEqual({ field: 'transferBy', before: i.transferBy, after: '2027-02-18' })
  })

  test('transferred, then extended: the transfer’s days, then the extension on top', () => {
    let i = step(registered('2027-01-20'), { type: 'transfer', department: '区房管局', workingDays: 15 }, '2027-01-20')
    expect(i.deadline).toBe('2027-02-12')
    expect(recountDue(i, newDays)).toEqual({ field: 'deadline', before: '2027-02-12', after: '2027-02-18' })
    i = step(i, { type: 'extend', workingDays: 5, reason: '需协调' }, '2027-01-25')
    expect(i.deadline).toBe('2027-02-19') // old calendar: 12 Feb + 5 working days
    expect(recountDue(i, newDays)).toEqual({ field: 'deadline', before: '2027-02-19', after: '2027-02-24' }) // 18 Feb + 5, the make-up Saturday 20 Feb counted
  })

  test('no change, or no due date: undefined', () => {
    const i = step(registered('2027-03-01'), { type: 'transfer', department: '区房管局', workingDays: 5 }, '2027-03-01')
    expect(recountDue(i, newDays)).toBeUndefined() // March is the same on both calendars
    const answered = step(i, { type: 'answer', text: '已修好' }, '2027-03-02')
    expect(recountDue(answered, newDays)).toBeUndefined()
  })

  test('a recalendar step records before and after, and only while the due date applies', () => {
    const i = step(registered('2027-01-20'), { type: 'transfer', department: '区房管局', workingDays: 15 }, '2027-01-20')
    const r = must(applyIssueAction(i, { type: 'recalendar', field: 'deadline', date: '2027-02-18' }, { ...ctx('2027-01-21'), by: 'system' }))
    expect(r.deadline).toBe('2027-02-18')
    expect(r.history.at(-1)).toMatchObject({ kind: 'recalendar', field: 'deadline', before: '2027-02-12', deadline: '2027-02-18', by: 'system' })
    expect(applyIssueAction(i, { type: 'recalendar', field: 'transferBy', date: '2027-02-18' }, ctx('2027-01-21'))).toMatchObject({ ok: false })
  })
})
