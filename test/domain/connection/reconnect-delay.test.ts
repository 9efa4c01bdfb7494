import { reconnectDelayMs } from '../../../src/domain/connection/reconnect-delay.js'

test.each([
  // attempt, random, expected ms
  [1, 0.5, 1000],
  [2, 0.5, 2000],
  [3, 0.5, 4000],
  [6, 0.5, 32_000],
  [7, 0.5, 60_000], // 64 s capped
  [100, 0.5, 60_000], // for ever, never above the cap
  [1, 0, 800], // jitter −20 %
  [1, 0.999999, 1200], // jitter +20 %
  [7, 0, 48_000], // jitter applies below the cap too
  [7, 0.999999, 60_000], // and never lifts it above 60 s
  [0, 0.5, 1000], // nonsense attempt counts as the first
])('attempt %i, random %f → %i ms', (attempt, random, ms) => {
  expect(reconnectDelayMs(attempt, random)).toBe(ms)
})
