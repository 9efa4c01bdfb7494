import { atRisk, confirmationsAfter, isConfirmed, reminderDue, unconfirmed, type ReminderTimes } from '../../../src/domain/roster/duty-confirmation.js'
import { toInstant } from '../../../src/domain/time/local-date.js'
import type { Confirmation } from '../../../src/domain/model.js'

const times: ReminderTimes = { dayBeforeAt: '18:00', morningAt: '08:00', confirmBy: '20:00' }
const at = (d: string, t: string) => toInstant(d, t)
const c = (personId: string): Confirmation => ({ personId, at: 0, via: 'command' })
const session = (o: { time?: string; duty?: string[]; confirmations?: Confirmation[]; announcedAt?: number } = {}) => ({
  date: '2026-12-10',
  time: o.time ?? '18:00',
  duty: o.duty ?? ['a', 'b'],
  confirmations: o.confirmations,
  announcedAt: 'announcedAt' in o ? o.announcedAt : at('2026-12-07', '09:00'),
})

test.each([
  ['nobody confirmed', session(), ['a', 'b']],
  ['one confirmed', session({ confirmations: [c('a')] }), ['b']],
  ['a confirmation of someone no longer on duty counts for nothing', session({ duty: ['b', 'x'], confirmations: [c('a')] }), ['b', 'x']],
  ['both', session({ confirmations: [c('b'), c('a')] }), []],
])('unconfirmed: %s', (_, s, want) => {
  expect(unconfirmed(s)).toEqual(want)
})

test('isConfirmed needs the person on duty', () => {
  expect(isConfirmed(session({ confirmations: [c('a')] }), 'a')).toBe(true)
  expect(isConfirmed(session({ duty: ['b'], confirmations: [c('a')] }), 'a')).toBe(false)
})

test.each([
  ['a coordinator replaces a confirmed one: the new one must confirm', [c('a'), c('b')], ['a', 'x'], ['x'], 'force', ['a']],
  ['the planner restaffs: not confirmed', [c('a')], ['a', 'y'], ['y'], 'restaff', ['a']],
  ['a volunteer took the seat: confirmed by doing so', [c('a')], ['a', 'v'], ['v'], 'volunteer', ['a', 'v']],
  ['an accepted substitute: confirmed', [], ['s', 'b'], ['s'], 'substitute', ['s']],
  ['a swap: the one who came in is confirmed, the one who left is not kept', [c('a'), c('b')], ['w', 'b'], ['w'], 'swap', ['b', 'w']],
  ['leave: the leaver loses it', [c('a'), c('b')], ['b'], [], 'leave', ['b']],
] as const)('confirmationsAfter: %s', (_, before, duty, added, kind, want) => {
  expect(confirmationsAfter([...before], [...duty], [...added], kind, 5).map((x) => x.personId)).toEqual(want)
})

test.each([
  ['before the evening reminder', at('2026-12-09', '17:59'), undefined],
  ['at the evening reminder', at('2026-12-09', '18:00'), 'eve'],
  ['late that night', at('2026-12-09', '23:30'), 'eve'],
  ['at the morning reminder', at('2026-12-10', '08:00'), 'morning'],
  ['a minute before the start', at('2026-12-10', '17:59'), 'morning'],
  ['at the start', at('2026-12-10', '18:00'), undefined],
])('reminderDue for an 18:00 session: %s', (_, now, want) => {
  expect(reminderDue(session(), times, now)).toBe(want)
})

test('a session starting before the morning reminder gets the evening one until it starts', () => {
  const early = session({ time: '07:30' })
  expect(reminderDue(early, times, at('2026-12-10', '07:00'))).toBe('eve')
  expect(reminderDue(early, times, at('2026-12-10', '07:30'))).toBeUndefined()
})

test.each([
  ['before the deadline', session(), at('2026-12-09', '19:59'), []],
  ['at the deadline', session(), at('2026-12-09', '20:00'), ['a', 'b']],
  ['one confirmed', session({ confirmations: [c('b')] }), at('2026-12-10', '09:30'), ['a']],
  ['started', session(), at('2026-12-10', '18:00'), []],
  ['never announced', session({ announcedAt: undefined }), at('2026-12-10', '09:30'), []],
  ['announced after the deadline', session({ announcedAt: at('2026-12-10', '09:00') }), at('2026-12-10', '09:30'), []],
])('atRisk: %s', (_, s, now, want) => {
  expect(atRisk(s, times, now)).toEqual(want)
})
