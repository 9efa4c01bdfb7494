/**
 * /日历 and `npm run calendar -- ics` (issue 17, item 7), read back with a real iCal parser (ical.js): a
 * stable UID per duty, SEQUENCE raised by every change, and a duty the representative no longer has, or a
 * cancelled session, sent as STATUS:CANCELLED (so phone calendars drop it instead of keeping it).
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import ICAL from 'ical.js'
import { Harness } from '../support/harness.js'
import { runCalendarCli } from '../../src/cli/calendar.js'

let h: Harness
afterEach(async () => {
  await h.close()
})

interface Ev {
  uid: string
  sequence: number
  status: string
  summary: string
  start: string
}

function events(ics: string): Map<string, Ev> {
  const cal = new ICAL.Component(ICAL.parse(ics))
  const out = new Map<string, Ev>()
  for (const v of cal.getAllSubcomponents('vevent')) {
    const e = new ICAL.Event(v)
    out.set(e.startDate.toString().slice(0, 10), { uid: e.uid, sequence: e.sequence, status: String(v.getFirstPropertyValue('status')), summary: e.summary, start: e.startDate.toString() })
  }
  return out
}

async function calendarOf(who: string): Promise<Map<string, Ev>> {
  const before = h.transport.sent.length
  await h.say(who, '/日历')
  const file = h.transport.sent.slice(before).find((m) => m.file)!.file!
  return events(file.data.toString('utf8'))
}

test("a representative's calendar: after /请假 the same UID comes back with a higher SEQUENCE as CANCELLED; a cancelled session too; taking the seat back confirms it again", async () => {
  h = await Harness.start({ now: '2026-12-06T08:00:00+08:00' })
  const [a] = (await h.app.deps.roster.sessionOn('hpl', '2026-12-10'))!.duty
  const before = await calendarOf(a)
  const d10 = before.get('2026-12-10')!
  expect(d10).toMatchObject({ uid: 'hpl/2026-12-10@lianxinqiao', status: 'CONFIRMED', summary: '党代表接待日 · 和平里工作室', start: '2026-12-10T18:00:00' })

  await h.say(a, '/请假 12月10日 出差', 'hpl')
  const left = (await calendarOf(a)).get('2026-12-10')!
  expect(left.uid).toBe(d10.uid)
  expect(left.sequence).toBeGreaterThan(d10.sequence)
  expect(left.status).toBe('CANCELLED')
  expect(left.summary).toBe('【已不值班】党代表接待日 · 和平里工作室')

  await h.say(a, '/销假 12月10日', 'hpl')
  const back = (await calendarOf(a)).get('2026-12-10')!
  expect([back.uid, back.status]).toEqual([d10.uid, 'CONFIRMED'])
  expect(back.sequence).toBeGreaterThan(left.sequence)

  // A session of hers the coordinator cancels.
  const mine = [...before.keys()].find((d) => d > '2026-12-10' && before.get(d)!.status === 'CONFIRMED')!
  expect(mine).toBeDefined()
  const [, m, d] = mine.split('-').map(Number)
  await h.say('c01', `/取消接待 ${m}月${d}日 场地维修`, 'hpl')
  const c = (await calendarOf(a)).get(mine)!
  expect(c.status).toBe('CANCELLED')
  expect(c.summary).toBe('【已取消】党代表接待日 · 和平里工作室')
  expect(c.sequence).toBeGreaterThan(before.get(mine)!.sequence)
  // Nothing about sessions she never had.
  const studio = (await h.app.deps.roster.sessionsBetween('hpl', '2026-01-01', '2027-02-28', { includeCancelled: true })).filter((s) => !s.duty.includes(a) && !s.history.some((x) => x.before.includes(a) || x.after.includes(a)))
  const ids = new Set([...(await calendarOf(a)).values()].map((e) => e.uid))
  for (const s of studio) expect(ids.has(`${s.id}@lianxinqiao`)).toBe(false)
})

test("a coordinator's studio calendar and npm run calendar -- ics give the same events, cancelled ones CANCELLED", async () => {
  h = await Harness.start({ now: '2026-12-06T08:00:00+08:00' })
  await h.say('c01', '/取消接待 12月25日 场地维修', 'hpl')
  const chat = await calendarOf('c01')
  expect(chat.get('2026-12-25')).toMatchObject({ uid: 'hpl/2026-12-25@lianxinqiao', status: 'CANCELLED' })
  expect(chat.get('2026-12-10')).toMatchObject({ status: 'CONFIRMED' })
  await h.app.idle()
  await h.store.settle()
  const out = path.join(h.dir, 'hpl.ics')
  const written: string[] = []
  const code = await runCalendarCli(['ics', '和平里工作室', '--out', out], { ...process.env, LXQ_CONFIG: 'config/demo.yaml', LXQ_DATA: h.dir, LXQ_FAKE_NOW: '2026-12-06T08:00:00+08:00' }, { write: (t: string) => written.push(t) }, { write: (t: string) => written.push(t) })
  expect(code).toBe(0)
  expect(written.join('')).toContain(`已写入 ${out}`)
  const cli = events(readFileSync(out, 'utf8'))
  for (const [date, e] of chat) expect([date, cli.get(date)?.uid, cli.get(date)?.status, cli.get(date)?.sequence]).toEqual([date, e.uid, e.status, e.sequence])
  expect(await runCalendarCli(['ics', '梁山'], { ...process.env, LXQ_CONFIG: 'config/demo.yaml', LXQ_DATA: h.dir }, { write: () => 0 }, { write: (t: string) => written.push(t) })).toBe(2)
  expect(written.at(-1)).toContain('没有找到工作室或代表“梁山”')
})
