import { calendarEntries, sequenceOf } from '../../../src/domain/roster/calendar-entries.js'
import type { DutyChange, Session } from '../../../src/domain/model.js'

const h = (kind: DutyChange['kind'], before: string[], after: string[]): DutyChange => ({ at: 0, by: 'x', kind, before, after })
const s = (date: string, duty: string[], history: DutyChange[], cancelled = false): Session => ({
  id: `hpl/${date}`, studioId: 'hpl', date, time: '18:00', durationMinutes: 120, place: 'p', required: 2, duty, attendance: [], history,
  ...(cancelled ? { cancelled: { at: 0, by: 'c', reason: 'r' } } : {}),
})

const planned = s('2026-12-10', ['a', 'b'], [h('planned', [], ['a', 'b'])])
const left = s('2026-12-25', ['b', 'v'], [h('planned', [], ['a', 'b']), h('leave', ['a', 'b'], ['b']), h('volunteer', ['b'], ['b', 'v'])])
const cancelled = s('2027-01-11', ['a', 'c'], [h('planned', [], ['a', 'c']), h('cancel', ['a', 'c'], ['a', 'c'])], true)
const never = s('2027-01-25', ['c', 'd'], [h('planned', [], ['c', 'd'])])
const all = [planned, left, cancelled, never]
const view = (personId?: string) => calendarEntries(all, personId).map((e) => [e.session.date, e.cancelled, e.reason ?? '', e.sequence])

test.each([
  ['a person: current duties, one they left (cancelled), a cancelled session; never the ones they never had', 'a', [
    ['2026-12-10', false, '', 0],
    ['2026-12-25', true, 'removed', 2],
    ['2027-01-11', true, 'session', 1],
  ]],
  ['the volunteer who took the seat', 'v', [['2026-12-25', false, '', 2]]],
  ['someone on none', 'z', []],
  ['the studio: every session, the cancelled one cancelled', undefined, [
    ['2026-12-10', false, '', 0],
    ['2026-12-25', false, '', 2],
    ['2027-01-11', true, 'session', 1],
    ['2027-01-25', false, '', 0],
  ]],
])('%s', (_, person, want) => {
  expect(view(person)).toEqual(want)
})

test('the sequence grows with every change and never goes down', () => {
  const seqs = [0, 1, 2, 3].map((n) => sequenceOf({ history: left.history.slice(0, n) }))
  expect(seqs).toEqual([0, 0, 1, 2])
})
