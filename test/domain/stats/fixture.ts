/**
 * A small year of two studios, built with the real issue machine on the fake calendar (weekends only in
 * the first half of 2026, so working days can be counted by hand: Mon–Fri). "Now" is 2026-07-01 12:00.
 * The figures the tests expect are worked out by hand in the comments next to each record.
 *
 * 和平里 (hpl, HP) representatives p1, p2, p3, coordinator c1; 七一 (qyl, QY) representatives q1, q2.
 *
 * Sessions (required 2 unless said):
 *   hpl 01-12 duty p1 p2, both checked in                       held, full, checked in
 *   hpl 02-10 duty p1 p3, only p1 checked in; p2→p1 substitute  held, full
 *   hpl 03-10 duty p2 (a gap), nobody checked in                held, not full
 *   hpl 04-10 cancelled                                          cancelled
 *   hpl 05-11 duty p2 p3, nobody checked in; swap p1→p2          held, full
 *   hpl 06-10 duty p1 p3, both checked in; swap p2→p1            held, full, checked in
 *   hpl 07-10 duty p1 p2                                         not yet held
 *   qyl 01-15 duty q1 q2, both checked in                        held, full, checked in
 *   qyl 03-02 duty q1 (a gap), q1 checked in                     held, not full
 *
 * Issues:
 *   HP-2026-0001 01-12 p1  物业管理  → 区房管局 01-13, answered 01-20 (6 wd), 满意, archived      closed
 *   HP-2026-0002 01-12 p2  市容环境  on the spot                                                   closed
 *   HP-2026-0003 02-10 p1  物业管理  → 区房管局 02-11, answered 02-20 (8 wd), 不满意 → round 2,
 *                                    answered 03-03, 基本满意, archived                            closed
 *   HP-2026-0004 03-03 c1  供暖供水  → 区供热办 03-04 with 10 wd (due 03-18), never answered       overdue
 *   HP-2026-0005 03-10 p2  市容环境  → 区城管委 03-11, answered 03-13 (3 wd), 不满意 (not reopened)  open, rated
 *   HP-2026-0006 04-01 p3  教育      withdrawn                                                     not counted
 *   HP-2026-0007 06-10 p3  物业管理  registered only (transfer due 06-17)                          overdue
 *   QY-2026-0001 01-15 q1  教育      → 区教育局 01-16, answered 01-23 (6 wd), 满意, archived        closed
 *   QY-2026-0002 03-02 q1  其他      on the spot                                                   closed
 *   HP-2025-0009 2025-12-20 p1 其他  on the spot                                                   (2025)
 */
import { applyIssueAction, createIssue, type IssueAction } from '../../../src/domain/issues/issue-machine.js'
import type { Intake, Issue } from '../../../src/domain/issues/issue.js'
import type { DutyChange, Session } from '../../../src/domain/model.js'
import { toInstant, type LocalDate } from '../../../src/domain/time/local-date.js'
import { fakeWorkingDays } from '../issues/fake-working-days.js'

export const days = fakeWorkingDays()
export const NOW = toInstant('2026-07-01', '12:00')
export const at = (d: LocalDate, hm = '10:00') => toInstant(d, hm)

function register(o: { studio: string; prefix: string; seq: number; date: LocalDate; by: string; duty: string[]; category: string; name?: string; phone?: string; spot?: string }): Issue {
  const intake: Intake = {
    constituent: { name: o.name ?? '王大爷', phone: o.phone ?? '13812345678', address: '和平里3号楼' },
    content: `${o.category}的问题 ${o.seq}`,
    category: o.category,
    categoryGuessed: false,
    ...(o.spot ? { onTheSpot: o.spot } : {}),
  }
  const r = createIssue(intake, { studioId: o.studio, prefix: o.prefix, seq: o.seq, at: at(o.date, '18:30'), by: o.by, today: o.date, dutyReps: o.duty, days })
  if (!r.ok) throw new Error(r.code)
  return r.value
}

function step(i: Issue, date: LocalDate, action: IssueAction, by = 'c1'): Issue {
  const r = applyIssueAction(i, action, { at: at(date), by, today: date, days })
  if (!r.ok) throw new Error(`${i.id} ${action.type}: ${r.code}`)
  return r.value
}

const chain = (i: Issue, steps: [LocalDate, IssueAction, string?][]): Issue => steps.reduce((x, [d, a, by]) => step(x, d, a, by), i)

export function fixtureIssues(): Issue[] {
  const hp = (seq: number, date: LocalDate, by: string, duty: string[], category: string, spot?: string) =>
    register({ studio: 'hpl', prefix: 'HP', seq, date, by, duty, category, spot })
  const qy = (seq: number, date: LocalDate, by: string, duty: string[], category: string, spot?: string) =>
    register({ studio: 'qyl', prefix: 'QY', seq, date, by, duty, category, spot, name: '李奶奶', phone: '13912345678' })
  const y2025 = register({ studio: 'hpl', prefix: 'HP', seq: 9, date: '2025-12-20', by: 'p1', duty: ['p1'], category: '其他', spot: '已解释政策' })
  return [
    chain(hp(1, '2026-01-12', 'p1', ['p1', 'p2'], '物业管理'), [
      ['2026-01-13', { type: 'transfer', department: '区房管局' }],
      ['2026-01-20', { type: 'answer', text: '已维修' }],
      ['2026-01-22', { type: 'feedback', rating: '满意' }],
      ['2026-01-23', { type: 'archive' }],
    ]),
    hp(2, '2026-01-12', 'p2', ['p1', 'p2'], '市容环境', '已联系环卫'),
    chain(hp(3, '2026-02-10', 'p1', ['p1', 'p3'], '物业管理'), [
      ['2026-02-11', { type: 'transfer', department: '区房管局' }],
      ['2026-02-20', { type: 'answer', text: '已协调' }],
      ['2026-02-24', { type: 'feedback', rating: '不满意', comment: '没解决' }],
      ['2026-03-03', { type: 'answer', text: '已更换' }],
      ['2026-03-05', { type: 'feedback', rating: '基本满意' }],
      ['2026-03-06', { type: 'archive' }],
    ]),
    chain(hp(4, '2026-03-03', 'c1', [], '供暖供水'), [['2026-03-04', { type: 'transfer', department: '区供热办', workingDays: 10 }]]),
    chain(hp(5, '2026-03-10', 'p2', ['p2'], '市容环境'), [
      ['2026-03-11', { type: 'transfer', department: '区城管委' }],
      ['2026-03-13', { type: 'answer', text: '按规划无法设置' }],
      ['2026-03-16', { type: 'feedback', rating: '不满意', reopen: false }],
    ]),
    chain(hp(6, '2026-04-01', 'p3', [], '教育'), [['2026-04-02', { type: 'withdraw', reason: '重复登记' }, 'p3']]),
    hp(7, '2026-06-10', 'p3', ['p1', 'p3'], '物业管理'),
    chain(qy(1, '2026-01-15', 'q1', ['q1', 'q2'], '教育'), [
      ['2026-01-16', { type: 'transfer', department: '区教育局' }],
      ['2026-01-23', { type: 'answer', text: '已答复' }],
      ['2026-01-26', { type: 'feedback', rating: '满意' }],
      ['2026-01-27', { type: 'archive' }],
    ]),
    qy(2, '2026-03-02', 'q1', ['q1'], '其他', '当场解释'),
    y2025,
  ]
}

function session(studioId: string, date: LocalDate, duty: string[], checkedIn: string[], o: { history?: DutyChange[]; cancelled?: string; required?: number } = {}): Session {
  return {
    id: `${studioId}/${date}`,
    studioId,
    date,
    time: '18:00',
    durationMinutes: 120,
    place: studioId === 'hpl' ? '和平里社区党群服务中心' : '七一社区党群服务中心',
    required: o.required ?? 2,
    duty,
    attendance: checkedIn.map((personId) => ({ personId, at: at(date, '18:05'), by: personId })),
    history: o.history ?? [{ at: at('2025-12-01'), by: 'system', kind: 'planned', before: [], after: duty }],
    ...(o.cancelled ? { cancelled: { at: at(date, '09:00'), by: 'c1', reason: o.cancelled } } : {}),
  }
}

const planned = (after: string[]): DutyChange => ({ at: at('2025-12-01'), by: 'system', kind: 'planned', before: [], after })

export function fixtureSessions(): Session[] {
  return [
    session('hpl', '2026-01-12', ['p1', 'p2'], ['p1', 'p2']),
    session('hpl', '2026-02-10', ['p1', 'p3'], ['p1'], {
      history: [planned(['p2', 'p3']), { at: at('2026-02-08'), by: 'p2', kind: 'substitute', before: ['p2', 'p3'], after: ['p1', 'p3'], note: '出差' }],
    }),
    session('hpl', '2026-03-10', ['p2'], []),
    session('hpl', '2026-04-10', ['p1', 'p3'], [], { cancelled: '场地维修' }),
    session('hpl', '2026-05-11', ['p2', 'p3'], [], {
      history: [planned(['p1', 'p3']), { at: at('2026-05-06'), by: 'p1', kind: 'swap', before: ['p1', 'p3'], after: ['p2', 'p3'] }],
    }),
    session('hpl', '2026-06-10', ['p1', 'p3'], ['p1', 'p3'], {
      history: [planned(['p2', 'p3']), { at: at('2026-05-06'), by: 'p1', kind: 'swap', before: ['p2', 'p3'], after: ['p1', 'p3'] }],
    }),
    session('hpl', '2026-07-10', ['p1', 'p2'], []),
    session('qyl', '2026-01-15', ['q1', 'q2'], ['q1', 'q2']),
    session('qyl', '2026-03-02', ['q1'], ['q1']),
  ]
}
