import { checkLeave, checkSubstitute, checkSwap, checkVolunteer, requestExpiry, type SessionState } from '../../../src/domain/swaps/check-duty-change.js'

const H = 3_600_000
const s = (id: string, duty: string[], o: Partial<SessionState> = {}): SessionState => ({ id, duty, required: 2, startsAt: 100 * H, endsAt: 102 * H, ...o })
const reps = new Set(['a', 'b', 'c', 'd'])
const now = 10 * H

describe('leave', () => {
  test('the asker comes off, the seat stays open', () => expect(checkLeave(s('x', ['a', 'b']), 'a', now)).toEqual({ ok: true, value: ['b'] }))
  test.each([
    [s('x', ['b', 'c']), 'asker.not-on'],
    [s('x', ['a', 'b'], { cancelled: true }), 'session.cancelled'],
    [s('x', ['a', 'b'], { startsAt: now }), 'session.started'],
    [s('x', ['a', 'b'], { startsAt: 0, endsAt: now }), 'session.over'],
  ])('%#: %s', (session, code) => expect(checkLeave(session, 'a', now)).toMatchObject({ ok: false, code }))
})

describe('volunteer', () => {
  test('takes the first open seat', () => expect(checkVolunteer(s('x', ['b']), 'a', reps, now)).toEqual({ ok: true, value: ['b', 'a'] }))
  test.each([
    [s('x', ['b', 'c']), 'a', 'seat.none'],
    [s('x', ['a']), 'a', 'asker.already-on'],
    [s('x', ['b']), 'zz', 'target.not-rep'],
    [s('x', ['b'], { startsAt: now - 1 }), 'a', 'session.started'],
  ])('%#: %s', (session, who, code) => expect(checkVolunteer(session, who, reps, now)).toMatchObject({ ok: false, code }))
})

describe('substitute', () => {
  test('the substitute takes the same seat', () => expect(checkSubstitute(s('x', ['a', 'b']), 'a', 'c', reps, now)).toEqual({ ok: true, value: ['c', 'b'] }))
  test.each([
    ['a', 'a', 'target.self'],
    ['c', 'd', 'asker.not-on'],
    ['a', 'zz', 'target.not-rep'],
    ['a', 'b', 'target.already-on'],
  ])('%s → %s: %s', (from, to, code) => expect(checkSubstitute(s('x', ['a', 'b']), from, to, reps, now)).toMatchObject({ ok: false, code }))
})

describe('swap', () => {
  const mine = s('x', ['a', 'b'])
  const theirs = s('y', ['c', 'd'], { startsAt: 200 * H, endsAt: 202 * H })
  test('both seats exchange', () => expect(checkSwap(mine, theirs, 'a', 'c', reps, now)).toEqual({ ok: true, value: [['c', 'b'], ['a', 'd']] }))
  test.each([
    [mine, theirs, 'a', 'a', 'target.self'],
    [mine, mine, 'a', 'b', 'swap.same-session'],
    [mine, theirs, 'c', 'd', 'asker.not-on'],
    [mine, theirs, 'a', 'b', 'target.not-on'],
    [mine, s('y', ['a', 'c'], { startsAt: 200 * H, endsAt: 202 * H }), 'a', 'c', 'asker.already-on'],
    [s('x', ['a', 'c']), theirs, 'a', 'c', 'target.already-on'],
    [mine, { ...theirs, cancelled: true }, 'a', 'c', 'session.cancelled'],
    [mine, { ...theirs, startsAt: now }, 'a', 'c', 'session.started'],
  ])('%#: %s', (m, t, from, to, code) => expect(checkSwap(m, t, from, to, reps, now)).toMatchObject({ ok: false, code }))
})

test('a request lapses after expireHours, never after the first session it touches starts', () => {
  expect(requestExpiry(0, 24, [100 * H])).toBe(24 * H)
  expect(requestExpiry(90 * H, 24, [100 * H])).toBe(100 * H)
  expect(requestExpiry(0, 24, [200 * H, 20 * H])).toBe(20 * H)
  expect(requestExpiry(0, 0.5, [100 * H])).toBe(H / 2)
})
