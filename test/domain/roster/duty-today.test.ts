import { dutyToday } from '../../../src/domain/roster/duty-today.js'
import { toInstant } from '../../../src/domain/time/local-date.js'
import type { Session } from '../../../src/domain/model.js'

const s = (date: string, o: Partial<Session> = {}): Session => ({ id: `hpl/${date}`, studioId: 'hpl', date, time: '18:00', durationMinutes: 120, place: 'x', required: 2, duty: ['a', 'b'], attendance: [], history: [], ...o })
const cancelled = { at: 0, by: 'c', reason: 'r' }

test.each([
  ['a session today, before it starts', [s('2026-12-10'), s('2026-12-25')], toInstant('2026-12-10', '09:00'), '2026-12-10', false, '2026-12-25'],
  ['today, after it ended', [s('2026-12-10'), s('2026-12-25')], toInstant('2026-12-10', '20:00'), '2026-12-10', true, '2026-12-25'],
  ['no session today', [s('2026-12-10'), s('2026-12-25')], toInstant('2026-12-11', '09:00'), undefined, false, '2026-12-25'],
  ['the next one cancelled: the one after', [s('2026-12-25', { cancelled }), s('2027-01-11')], toInstant('2026-12-11', '09:00'), undefined, false, '2027-01-11'],
  ['today cancelled is still today (the answer says so)', [s('2026-12-10', { cancelled })], toInstant('2026-12-10', '09:00'), '2026-12-10', false, undefined],
  ['nothing at all', [], toInstant('2026-12-10', '09:00'), undefined, false, undefined],
  ['unsorted input', [s('2027-01-11'), s('2026-12-25')], toInstant('2026-12-11', '09:00'), undefined, false, '2026-12-25'],
] as const)('%s', (_, sessions, now, today, over, next) => {
  const r = dutyToday([...sessions], now)
  expect([r.today?.date, r.todayOver, r.next?.date]).toEqual([today, over, next])
})
