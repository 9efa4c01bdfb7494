/**
 * The iCal file says Asia/Shanghai and means it, whatever the machine's TZ: ical-generator formats a
 * plain Date in the process's local time, which is why sessions go in as ShanghaiTime. Each case runs in
 * a fresh node process with TZ set (jest hands a test file a copy of process.env, so TZ cannot be
 * changed in-process).
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { ShanghaiTime } from '../../src/app/roster-ical.js'

function icalInChildWithTZ(tz: string): { offsetMinutes: number; ics: string } {
  const script = `
    const m = await import(${JSON.stringify(pathToFileURL(path.resolve('src/app/roster-ical.ts')).href)})
    const session = { id: 'hpl/2026-12-10', studioId: 'hpl', date: '2026-12-10', time: '18:00', durationMinutes: 120,
      place: '二楼', required: 2, duty: ['p01'], attendance: [], history: [] }
    const start = Date.parse('2026-12-10T18:00:00+08:00')
    const ics = m.sessionsToIcal({
      title: 'x', sessions: [session], studios: () => ({ name: 'S' }), directory: { person: () => undefined },
      startOf: () => start, endOf: () => start + 120 * 60000, now: Date.parse('2026-12-06T08:00:00+08:00'),
    })
    console.log(JSON.stringify({ offsetMinutes: new Date(Date.UTC(2026, 11, 10)).getTimezoneOffset(), ics }))
  `
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lxq-ical-'))
  try {
    const file = path.join(dir, 'probe.mts')
    writeFileSync(file, script)
    const out = execFileSync(process.execPath, ['--import', 'tsx', file], { env: { ...process.env, TZ: tz }, encoding: 'utf8' })
    return JSON.parse(out)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

const unfold = (ics: string) => ics.replace(/\r\n[ \t]/g, '')
/** A property of the (only) event, not of the VTIMEZONE block, which has a DTSTART of its own. */
const line = (ics: string, name: string) => new RegExp(`^${name}[;:](.*?)\\r?$`, 'm').exec(unfold(ics).split('BEGIN:VEVENT')[1] ?? '')?.[1]

describe.each([
  ['America/New_York', 300],
  ['UTC', 0],
  ['Asia/Shanghai', -480],
  ['Pacific/Kiritimati', -840],
])('in a process with TZ=%s', (tz, offsetMinutes) => {
  const r = icalInChildWithTZ(tz)
  test('the zone really was in effect', () => expect(r.offsetMinutes).toBe(offsetMinutes))
  test('DTSTART and DTEND are Shanghai wall times with TZID, DTSTAMP is UTC', () => {
    expect(line(r.ics, 'DTSTART')).toBe('TZID=Asia/Shanghai:20261210T180000')
    expect(line(r.ics, 'DTEND')).toBe('TZID=Asia/Shanghai:20261210T200000')
    expect(line(r.ics, 'DTSTAMP')).toBe('20261206T000000Z')
    expect(r.ics).toContain('BEGIN:VTIMEZONE\r\nTZID:Asia/Shanghai')
    expect(r.ics).toContain('TZOFFSETTO:+0800')
  })
})

test('ShanghaiTime formats the instant at UTC+8, or in UTC after utc(), and refuses other zones', () => {
  const t = new ShanghaiTime(Date.parse('2026-12-31T23:30:05Z'))
  expect(t.format('YYYYMMDD')).toBe('20270101')
  expect(t.format('HHmmss')).toBe('073005')
  expect(t.utc().format('YYYY-MM-DD HH:mm:ss')).toBe('2026-12-31 23:30:05')
  expect(t.tz('Asia/Shanghai').format('HHmm')).toBe('0730')
  expect(() => t.tz('Europe/Berlin')).toThrow()
  expect(t.toJSON()).toBe('2026-12-31T23:30:05.000Z')
})
