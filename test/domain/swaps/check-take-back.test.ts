import { checkTakeBack } from '../../../src/domain/swaps/check-take-back.js'

const s = (duty: string[], o: { cancelled?: boolean } = {}) => ({ id: 'hpl/2026-12-10', duty, required: 2, startsAt: 1000, endsAt: 2000, ...o })
const open = { status: 'open' as const }

test.each([
  ['open seat, open leave: back in', s(['b']), open, 500, { ok: true, value: ['b', 'a'] }],
  ['the seat was taken by a volunteer', s(['b', 'v']), { status: 'filled' as const, decidedBy: 'v' }, 500, { ok: false, code: 'takeback.filled', params: { sessionId: 'hpl/2026-12-10', by: 'v' } }],
  ['full by other means, leave still open', s(['b', 'x']), open, 500, { ok: false, code: 'takeback.filled', params: { sessionId: 'hpl/2026-12-10', by: '' } }],
  ['no leave at all', s(['b']), undefined, 500, { ok: false, code: 'takeback.no-leave', params: { sessionId: 'hpl/2026-12-10' } }],
  ['the leave expired or was cancelled', s(['b']), { status: 'expired' as const }, 500, { ok: false, code: 'takeback.no-leave', params: { sessionId: 'hpl/2026-12-10' } }],
  ['already back on', s(['b', 'a']), open, 500, { ok: false, code: 'asker.already-on', params: { personId: 'a', sessionId: 'hpl/2026-12-10' } }],
  ['started', s(['b']), open, 1000, { ok: false, code: 'session.started', params: { sessionId: 'hpl/2026-12-10' } }],
  ['over', s(['b']), open, 2000, { ok: false, code: 'session.over', params: { sessionId: 'hpl/2026-12-10' } }],
  ['cancelled', s(['b'], { cancelled: true }), open, 500, { ok: false, code: 'session.cancelled', params: { sessionId: 'hpl/2026-12-10' } }],
])('%s', (_, session, leave, now, want) => {
  expect(checkTakeBack(session, 'a', leave, now)).toEqual(want)
})
