import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { ManualClock, OffsetClock, SystemClock, clockFromEnv, parseInstant } from '../../src/platform/clock.js'
import {
  addDays,
  daysBetween,
  daysInMonth,
  isValidDate,
  isoWeekday,
  makeDate,
  monthKey,
  toInstant,
  toLocalDate,
  toLocalTime,
  weekStart,
  yearOf,
} from '../../src/domain/time/local-date.js'

const utc = (iso: string) => Date.parse(iso) // the test's own instants always carry Z or an offset

/**
 * Runs the conversions in a fresh node process with TZ set. In-process that is impossible: jest hands
 * each test file a copy of process.env, so assigning TZ there never reaches V8.
 */
function inChildWithTZ(tz: string, instants: string[], localTimes: [string, string][], texts: string[]) {
  const script = `
    const t = await import(${JSON.stringify(pathToFileURL(path.resolve('src/domain/time/local-date.ts')).href)})
    const c = await import(${JSON.stringify(pathToFileURL(path.resolve('src/platform/clock.ts')).href)})
    const [instants, localTimes, texts] = JSON.parse(process.argv[2])
    console.log(JSON.stringify({
      offsetMinutes: new Date(Date.UTC(2026, 0, 15)).getTimezoneOffset(),
      dates: instants.map((i) => t.toLocalDate(Date.parse(i))),
      times: instants.map((i) => t.toLocalTime(Date.parse(i))),
      back: localTimes.map(([d, hm]) => t.toInstant(d, hm)),
      parsed: texts.map((x) => c.parseInstant(x) ?? null),
      weekdays: ['2026-12-07', '2027-01-01'].map(t.isoWeekday),
      plusOne: t.addDays('2026-12-31', 1),
    }))
  `
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lxq-tz-'))
  try {
    const file = path.join(dir, 'probe.mts')
    writeFileSync(file, script)
    const out = execFileSync(process.execPath, ['--import', 'tsx', file, JSON.stringify([instants, localTimes, texts])], {
      env: { ...process.env, TZ: tz },
      encoding: 'utf8',
    })
    return JSON.parse(out) as {
      offsetMinutes: number
      dates: string[]
      times: string[]
      back: number[]
      parsed: (number | null)[]
      weekdays: number[]
      plusOne: string
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** Replaces the local-time methods of Date with ones that record their use. */
function recordLocalTimeCalls(fn: () => void): string[] {
  const names = [
    'getFullYear', 'getMonth', 'getDate', 'getDay', 'getHours', 'getMinutes', 'getSeconds', 'getTimezoneOffset',
    'setFullYear', 'setMonth', 'setDate', 'setHours', 'setMinutes', 'toLocaleString', 'toLocaleDateString',
    'toLocaleTimeString', 'toString', 'toDateString', 'toTimeString',
  ] as const
  const proto = Date.prototype as unknown as Record<string, (...a: unknown[]) => unknown>
  const saved = names.map((n) => [n, proto[n]] as const)
  const used: string[] = []
  for (const [n, original] of saved) {
    proto[n] = function (this: Date, ...a: unknown[]) {
      used.push(n)
      return original.apply(this, a)
    }
  }
  try {
    fn()
  } finally {
    for (const [n, original] of saved) proto[n] = original
  }
  return used
}

// Edges of the Shanghai day (UTC+8): 16:00Z is local midnight.
const cases: [instant: string, date: string, time: string][] = [
  ['2026-12-31T16:30:00Z', '2027-01-01', '00:30'], // new year in Shanghai, still 31 Dec in UTC
  ['2026-12-31T15:59:59.999Z', '2026-12-31', '23:59'],
  ['2026-12-31T16:00:00Z', '2027-01-01', '00:00'],
  ['2026-12-07T00:59:00Z', '2026-12-07', '08:59'],
  ['2028-02-28T16:00:00Z', '2028-02-29', '00:00'], // leap day
  ['2026-03-08T10:30:00Z', '2026-03-08', '18:30'], // US daylight saving starts that night: irrelevant here
  ['2026-10-31T23:30:00Z', '2026-11-01', '07:30'], // European DST ends
  ['1970-01-01T00:00:00Z', '1970-01-01', '08:00'],
]

const parseCases: [string, string | undefined][] = [
  ['2026-12-07T08:59:00+08:00', '2026-12-07T00:59:00Z'],
  ['2026-12-07T00:59:00Z', '2026-12-07T00:59:00Z'],
  ['2026-12-07T00:59:00z', '2026-12-07T00:59:00Z'],
  ['2026-12-06T19:59:00-05:00', '2026-12-07T00:59:00Z'],
  ['2026-12-07T08:59:00+0800', '2026-12-07T00:59:00Z'],
  // Without an offset: Asia/Shanghai wall time, not the machine's.
  ['2026-12-07T08:59:00', '2026-12-07T00:59:00Z'],
  ['2026-12-07T08:59', '2026-12-07T00:59:00Z'],
  ['2026-12-07T08:59:00.500', '2026-12-07T00:59:00.500Z'],
  ['2027-01-01', '2026-12-31T16:00:00Z'],
  ['  2027-01-01T00:30:00  ', '2026-12-31T16:30:00Z'],
  ['not a time', undefined],
  ['', undefined],
  ['2026-13-45', undefined],
]

describe('Asia/Shanghai local dates, whatever the machine time zone', () => {
  test('in this process', () => {
    for (const [instant, date, time] of cases) {
      expect([instant, toLocalDate(utc(instant))]).toEqual([instant, date])
      expect([instant, toLocalTime(utc(instant))]).toEqual([instant, time])
      expect([instant, toInstant(date, time)]).toEqual([instant, Math.floor(utc(instant) / 60_000) * 60_000])
    }
    expect(toInstant('2027-01-01')).toBe(utc('2026-12-31T16:00:00Z'))
  })

  // UTC−8 with DST, UTC+14, UTC−11, UTC±0 with DST, and Shanghai itself.
  test.each<[string, number]>([
    ['America/Los_Angeles', 480],
    ['Pacific/Kiritimati', -840],
    ['Pacific/Pago_Pago', 660],
    ['Europe/London', 0],
    ['Asia/Shanghai', -480],
  ])('in a process with TZ=%s', (tz, offsetMinutes) => {
    const r = inChildWithTZ(
      tz,
      cases.map((c) => c[0]),
      cases.map((c): [string, string] => [c[1], c[2]]),
      parseCases.map((c) => c[0]),
    )
    expect(r.offsetMinutes).toBe(offsetMinutes) // the child really runs in that zone
    expect(r.dates).toEqual(cases.map((c) => c[1]))
    expect(r.times).toEqual(cases.map((c) => c[2]))
    expect(r.back).toEqual(cases.map((c) => Math.floor(utc(c[0]) / 60_000) * 60_000))
    expect(r.parsed).toEqual(parseCases.map((c) => (c[1] === undefined ? null : utc(c[1]))))
    expect(r.weekdays).toEqual([1, 5])
    expect(r.plusOne).toBe('2027-01-01')
  })

  test('toLocalDate and friends use no local-time API at all', () => {
    const used = recordLocalTimeCalls(() => {
      toLocalDate(utc('2026-12-31T16:30:00Z'))
      toLocalTime(utc('2026-12-31T16:30:00Z'))
      toInstant('2027-01-01', '00:30')
      addDays('2026-12-31', 1)
      daysBetween('2026-12-01', '2027-01-01')
      isoWeekday('2026-12-07')
      weekStart('2026-12-10')
      daysInMonth(2028, 2)
      isValidDate('2026-02-30')
    })
    expect(used).toEqual([])
  })

  test('the recorder itself notices local-time calls', () => {
    expect(recordLocalTimeCalls(() => new Date(0).getDate())).toEqual(['getDate'])
  })
})

describe('calendar arithmetic on LocalDate', () => {
  test.each<[string, number, string]>([
    ['2026-12-31', 1, '2027-01-01'],
    ['2027-01-01', -1, '2026-12-31'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2027-02-28', 1, '2027-03-01'],
    ['2026-01-31', 30, '2026-03-02'],
    ['2026-03-28', 3, '2026-03-31'], // across a date that is a DST switch elsewhere
  ])('addDays(%s, %i) = %s', (date, n, expected) => {
    expect(addDays(date, n)).toBe(expected)
    expect(daysBetween(date, expected)).toBe(n)
  })

  test.each<[string, number]>([
    ['2026-12-07', 1],
    ['2026-12-09', 3],
    ['2026-12-13', 7],
    ['2027-01-01', 5],
  ])('isoWeekday(%s) = %i', (date, wd) => {
    expect(isoWeekday(date)).toBe(wd)
  })

  test('weeks start on Monday', () => {
    expect(weekStart('2026-12-13')).toBe('2026-12-07')
    expect(weekStart('2026-12-07')).toBe('2026-12-07')
    expect(weekStart('2027-01-01')).toBe('2026-12-28')
  })

  test.each<[string, boolean]>([
    ['2026-02-28', true],
    ['2026-02-29', false],
    ['2028-02-29', true],
    ['2026-02-30', false],
    ['2026-13-01', false],
    ['2026-00-10', false],
    ['2026-04-31', false],
    ['2026-4-1', false],
    ['20260401', false],
  ])('isValidDate(%s) = %s', (date, ok) => {
    expect(isValidDate(date)).toBe(ok)
  })

  test('small helpers', () => {
    expect(daysInMonth(2026, 2)).toBe(28)
    expect(daysInMonth(2028, 2)).toBe(29)
    expect(daysInMonth(2026, 12)).toBe(31)
    expect(makeDate(2026, 3, 5)).toBe('2026-03-05')
    expect(yearOf('2027-01-01')).toBe(2027)
    expect(monthKey('2027-01-01')).toBe('2027-01')
  })
})

describe('parseInstant', () => {
  test.each(parseCases)('%j', (text, expected) => {
    expect(parseInstant(text)).toBe(expected === undefined ? undefined : utc(expected))
  })
})

describe('clocks', () => {
  test('OffsetClock starts at the chosen instant and runs forward with real time', () => {
    let real = 1_000_000
    const start = utc('2026-12-07T00:59:00Z')
    const clock = new OffsetClock(start, () => real)
    expect(clock.now()).toBe(start)
    real += 5_000
    expect(clock.now()).toBe(start + 5_000)
    real += 60_000
    expect(toLocalTime(clock.now())).toBe('09:00')
  })

  test('OffsetClock.advance jumps ahead and keeps running; set() moves it to an instant', () => {
    let real = 42
    const start = utc('2026-12-07T00:59:00Z')
    const clock = new OffsetClock(start, () => real)
    clock.advance(3 * 86_400_000) // the demo's `:time +3d`
    expect(toLocalDate(clock.now())).toBe('2026-12-10')
    real += 1_000
    expect(clock.now()).toBe(start + 3 * 86_400_000 + 1_000)
    clock.set(utc('2027-01-01T00:00:00Z'))
    expect(clock.now()).toBe(utc('2027-01-01T00:00:00Z'))
    real += 250
    expect(clock.now()).toBe(utc('2027-01-01T00:00:00Z') + 250)
  })

  test('OffsetClock with the real clock starts where told', () => {
    const start = utc('2026-12-07T00:59:00Z')
    const clock = new OffsetClock(start)
    expect(Math.abs(clock.now() - start)).toBeLessThan(1_000)
  })

  test('ManualClock stands still unless moved', () => {
    const clock = new ManualClock(1_000)
    expect(clock.now()).toBe(1_000)
    expect(clock.now()).toBe(1_000)
    clock.advance(500)
    expect(clock.now()).toBe(1_500)
    clock.set(7)
    expect(clock.now()).toBe(7)
  })

  test('clockFromEnv: the system clock by default, LXQ_FAKE_NOW starts a running fake clock', () => {
    expect(clockFromEnv({})).toBeInstanceOf(SystemClock)
    expect(Math.abs(new SystemClock().now() - Date.now())).toBeLessThan(1_000)
    const fake = clockFromEnv({ LXQ_FAKE_NOW: '2026-12-07T08:59:00' })
    expect(fake).toBeInstanceOf(OffsetClock)
    expect(Math.abs(fake.now() - utc('2026-12-07T00:59:00Z'))).toBeLessThan(1_000)
    expect(() => clockFromEnv({ LXQ_FAKE_NOW: 'tomorrow' })).toThrow(/LXQ_FAKE_NOW=tomorrow/)
  })
})
