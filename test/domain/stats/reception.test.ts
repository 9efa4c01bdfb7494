import { isReception, sessionKeys } from '../../../src/domain/stats/reception.js'

const keys = sessionKeys([
  { studioId: 'hpl', date: '2026-11-10' },
  { studioId: 'hpl', date: '2026-11-25', cancelled: { at: 0, by: 'c01', reason: '停电' } },
  { studioId: 'qyl', date: '2026-11-12' },
])
const issue = (o: { studioId?: string; date: string; registrar: string; dutyReps: string[]; status?: 'registered' | 'withdrawn' }) => ({
  studioId: o.studioId ?? 'hpl',
  date: o.date,
  registrar: o.registrar,
  dutyReps: o.dutyReps,
  status: o.status ?? 'registered',
})

test.each([
  ['registered at the session by a duty representative', issue({ date: '2026-11-10', registrar: 'p01', dutyReps: ['p01', 'p02'] }), true],
  ['registered at the session by the coordinator (not on duty)', issue({ date: '2026-11-10', registrar: 'c01', dutyReps: ['p01', 'p02'] }), false],
  ['a day without a session, even if the registrar was recorded as on duty (old data)', issue({ date: '2026-11-02', registrar: 'p01', dutyReps: ['p01'] }), false],
  ['a day without a session, nobody on duty', issue({ date: '2026-11-02', registrar: 'p01', dutyReps: [] }), false],
  ['a cancelled session', issue({ date: '2026-11-25', registrar: 'p01', dutyReps: ['p01'] }), false],
  ['another studio’s session date', issue({ studioId: 'xbl', date: '2026-11-12', registrar: 'p10', dutyReps: ['p10'] }), false],
  ['withdrawn', issue({ date: '2026-11-10', registrar: 'p01', dutyReps: ['p01', 'p02'], status: 'withdrawn' }), false],
] as const)('%s', (_what, i, expected) => {
  expect(isReception(i, keys)).toBe(expected)
})
