/**
 * How long to wait before the next try to reach the WeChat gateway: 1 s after the first failure,
 * doubling up to 60 s, then 60 s for ever; each wait is spread by ±20 % (jitter) so that bots restarted
 * together by one gateway outage do not knock on it in step. `attempt` counts failures since the last
 * good connection (1, 2, 3 …); `random` is 0 ≤ x < 1. Result in milliseconds, never above 60 s.
 */
export const RECONNECT_FIRST_MS = 1000
export const RECONNECT_MAX_MS = 60_000

export function reconnectDelayMs(attempt: number, random: number): number {
  const n = Math.max(1, Math.floor(attempt))
  const base = Math.min(RECONNECT_MAX_MS, RECONNECT_FIRST_MS * 2 ** Math.min(n - 1, 30))
  const jittered = base * (0.8 + 0.4 * Math.min(Math.max(random, 0), 1))
  return Math.round(Math.min(RECONNECT_MAX_MS, jittered))
}
