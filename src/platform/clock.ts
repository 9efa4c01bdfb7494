/**
 * The one clock. Everything asks it for "now" (epoch ms); local dates are derived in Asia/Shanghai by
 * domain/time/local-date.ts, so the machine's TZ never matters.
 *
 * `LXQ_FAKE_NOW=<ISO time>` starts the clock at that instant and lets it run forward from there (demo,
 * tests); `advance()` moves it (the demo's `:time +3d`). A `ManualClock` stands still unless moved (tests).
 */
export interface Clock {
  now(): number
}

export class SystemClock implements Clock {
  now(): number {
    return Date.now()
  }
}

/** Runs forward in real time from a chosen start; can be advanced. */
export class OffsetClock implements Clock {
  private offset: number
  constructor(start: number, private readonly real: () => number = Date.now) {
    this.offset = start - real()
  }
  now(): number {
    return this.real() + this.offset
  }
  advance(ms: number): void {
    this.offset += ms
  }
  set(instant: number): void {
    this.offset = instant - this.real()
  }
}

/** Stands still; tests move it explicitly. */
export class ManualClock implements Clock {
  constructor(private t: number) {}
  now(): number {
    return this.t
  }
  advance(ms: number): void {
    this.t += ms
  }
  set(instant: number): void {
    this.t = instant
  }
}

/** Parses an ISO time; a time without an offset is read as Asia/Shanghai wall time. */
export function parseInstant(iso: string): number | undefined {
  const s = iso.trim()
  const hasZone = /([zZ]|[+-]\d{2}:?\d{2})$/.test(s)
  const withZone = hasZone ? s : `${s.length === 10 ? `${s}T00:00:00` : s}+08:00`
  const t = Date.parse(withZone)
  return Number.isNaN(t) ? undefined : t
}

export function clockFromEnv(env: NodeJS.ProcessEnv = process.env): Clock {
  const fake = env.LXQ_FAKE_NOW
  if (!fake) return new SystemClock()
  const start = parseInstant(fake)
  if (start === undefined) throw new Error(`LXQ_FAKE_NOW=${fake} is not an ISO time (e.g. 2026-12-07T08:59:00+08:00)`)
  return new OffsetClock(start)
}
