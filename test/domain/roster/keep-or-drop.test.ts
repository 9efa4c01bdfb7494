import { decideSession, type StoredSessionFacts } from '../../../src/domain/roster/keep-or-drop.js'

const settings = { time: '18:00', durationMinutes: 120, place: '二楼', perSession: 2 }
const base: StoredSessionFacts = { date: '2026-12-10', time: '18:00', durationMinutes: 120, place: '二楼', required: 2, announced: false, started: false }
const window = { today: '2026-12-01', end: '2027-02-28' }

test.each<[string, Partial<StoredSessionFacts>, boolean, ReturnType<typeof decideSession>]>([
  ['open, on the rule, settings unchanged', {}, true, 'keep'],
  ['open, off the rule', {}, false, 'drop'],
  ['open, on the rule, time changed', { time: '09:00' }, true, 'update'],
  ['open, on the rule, place changed', { place: '一楼' }, true, 'update'],
  ['open, on the rule, seats changed', { required: 3 }, true, 'update'],
  ['open, on the rule, length changed', { durationMinutes: 90 }, true, 'update'],
  ['announced, off the rule', { announced: true }, false, 'keep-off-rule'],
  ['announced, on the rule, time changed (told constituents win)', { announced: true, time: '09:00' }, true, 'keep'],
  ['cancelled, off the rule', { cancelled: true }, false, 'keep'],
  ['started, off the rule', { started: true }, false, 'keep'],
  ['before the window, off the rule', { date: '2026-11-25' }, false, 'keep'],
  ['after the window, off the rule', { date: '2027-03-10' }, false, 'keep'],
  ['on the last day of the window, off the rule', { date: '2027-02-28' }, false, 'drop'],
  ['today, not started, off the rule', { date: '2026-12-01' }, false, 'drop'],
])('%s → %s', (_, facts, onRule, expected) => {
  expect(decideSession({ ...base, ...facts }, { ...window, onRule, settings })).toBe(expected)
})
