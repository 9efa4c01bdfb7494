/**
 * The duty announcement through the same app, dispatcher and sender as production, on a manual clock:
 * 和平里工作室 (config/demo.yaml) meets on the 10th and 25th at 18:00 and announces 3 days ahead at 09:00,
 * so the 2026-12-10 session is announced on 2026-12-07 at 09:00.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { rosterOnDisk } from '../support/issues-on-disk.js'
import { Harness, demoConfig } from '../support/harness.js'
import { parseInstant } from '../../src/platform/clock.js'
import type { Session } from '../../src/domain/model.js'

const ANN = '【党代表接待日公告】和平里工作室'
const DEC10 = '2026年12月10日（周四）'
const CORR = '【更正】和平里工作室'

let h: Harness
afterEach(async () => {
  await h.close()
})

const at = (iso: string) => {
  const t = parseInstant(iso)
  if (t === undefined) throw new Error(iso)
  return t
}
/** How many times the group got a post containing all the needles (merged messages counted per post). */
const postsIn = (hh: Harness, studio: string, ...needles: string[]) =>
  hh
    .sentTo(studio)
    .flatMap((m) => m.text.split(/\n\n(?=\S)/u))
    .filter((piece) => needles.every((n) => piece.includes(n))).length
const dec10 = (hh: Harness = h) => postsIn(hh, 'hpl', ANN, DEC10)
const sessionsOnDisk = (hh: Harness, studio = 'hpl', year = 2026): Session[] => rosterOnDisk(hh.dir, studio, year).sessions
const personOf = (hh: Harness, id: string) => hh.config.people.find((p) => p.id === id)!

test('three days before, at 09:00, the group gets one post with date, time, place, names, units, positions and @mentions', async () => {
  h = await Harness.start({ now: '2026-12-06T08:00:00+08:00' })
  expect(dec10()).toBe(0)
  expect((await h.advanceTo('2026-12-07T08:59:00+08:00')).filter((m) => m.text.includes(ANN))).toEqual([])
  const out = await h.advanceTo('2026-12-07T09:00:00+08:00')
  const post = out.find((m) => m.text.includes(ANN))!
  expect(post).toBeDefined()
  expect(post.to).toEqual({ roomId: 'demo-hpl@chatroom' })
  expect(post.text).toContain(DEC10)
  expect(post.text).toContain('18:00–20:00')
  expect(post.text).toContain('和平里社区党群服务中心二楼党代表工作室')
  expect(post.text).not.toContain('【补发】')
  const session = (await h.app.deps.roster.sessionOn('hpl', '2026-12-10'))!
  expect(session.duty).toHaveLength(2)
  for (const id of session.duty) {
    const p = personOf(h, id)
    expect(post.text).toContain(`${p.name}　${p.unit} ${p.position}`)
    expect(post.mentions).toContain(p.wechatId)
  }
  expect(post.mentions).toHaveLength(2)
  // Recorded on the session, on disk.
  const stored = sessionsOnDisk(h).find((s) => s.date === '2026-12-10')!
  expect(stored.announcedAt).toBe(at('2026-12-07T09:00:00+08:00'))
  expect(stored.announcedDuty).toEqual(session.duty)
  // Further due-checks post nothing more.
  for (const t of ['2026-12-07T09:01:00+08:00', '2026-12-08T09:00:00+08:00', '2026-12-10T17:59:00+08:00']) await h.advanceTo(t)
  expect(dec10()).toBe(1)
})

test('a restart just before, at and just after the announcement time posts once in total', async () => {
  h = await Harness.start({ now: '2026-12-06T08:00:00+08:00' })
  for (const t of ['2026-12-07T08:59:30+08:00', '2026-12-07T09:00:00+08:00', '2026-12-07T09:00:30+08:00']) {
    h.clock.set(at(t))
    await h.restart()
  }
  await h.advanceTo('2026-12-07T09:05:00+08:00')
  await h.restart()
  expect(dec10()).toBe(1)
  expect(postsIn(h, 'hpl', '【补发】')).toBe(0)
})

test.each(['2026-12-07T08:59:59+08:00', '2026-12-07T09:00:00+08:00', '2026-12-07T09:00:45+08:00'])('one restart at %s: one post, on time', async (t) => {
  h = await Harness.start({ now: '2026-12-06T08:00:00+08:00' })
  h.clock.set(at(t))
  await h.restart()
  await h.advanceTo('2026-12-07T09:03:00+08:00')
  await h.restart()
  await h.advanceTo('2026-12-08T09:00:00+08:00')
  expect(dec10()).toBe(1)
  expect(postsIn(h, 'hpl', '【补发】')).toBe(0)
})

test('downtime over the announcement time: one post on return, marked 补发', async () => {
  h = await Harness.start({ now: '2026-12-06T08:00:00+08:00' })
  h.clock.set(at('2026-12-08T14:00:00+08:00')) // down from Dec 6 to Dec 8 afternoon
  await h.restart()
  expect(dec10()).toBe(1)
  expect(postsIn(h, 'hpl', '【补发】', ANN, DEC10)).toBe(1)
  await h.advanceTo('2026-12-09T09:00:00+08:00')
  await h.restart()
  expect(dec10()).toBe(1)
})

test('downtime past the session: no post, a log line; the next session is announced as usual', async () => {
  h = await Harness.start({ now: '2026-12-06T08:00:00+08:00' })
  h.clock.set(at('2026-12-10T18:30:00+08:00')) // back after the session started
  await h.restart()
  await h.advanceTo('2026-12-11T09:00:00+08:00')
  expect(dec10()).toBe(0)
  const missed = h.log.lines.filter((l) => l.includes('announcement not posted') && l.includes('hpl/2026-12-10'))
  expect(missed).toHaveLength(1) // once per process, not once per due-check
  // 小白楼's 12月9日 session was missed too; 和平里's 12月25日 comes on 12月22日 at 09:00.
  expect(h.log.lines.some((l) => l.includes('announcement not posted') && l.includes('xbl/2026-12-09'))).toBe(true)
  await h.advanceTo('2026-12-22T09:00:00+08:00')
  expect(postsIn(h, 'hpl', ANN, '2026年12月25日')).toBe(1)
  // No announcement is resent (the weekly follow-up of a week the bot was down over is, as it should be).
  expect(postsIn(h, 'hpl', '【补发】', ANN)).toBe(0)
})

test('the marker is written with the post: a lost roster write neither repeats the post nor lets planning reshuffle the duty', async () => {
  h = await Harness.start({ now: '2026-12-06T08:00:00+08:00' })
  await h.advanceTo('2026-12-07T09:00:00+08:00')
  const duty = (await h.app.deps.roster.sessionOn('hpl', '2026-12-10'))!.duty
  await h.app.idle()
  await h.store.compact()
  // A data folder of the first store format, where the process died after state.json (marker + post)
  // and before roster/hpl/2026.json was written (one transaction now; old folders are still repaired).
  const file = path.join(h.dir, 'roster', 'hpl', '2026.json')
  const data = JSON.parse(readFileSync(file, 'utf8'))
  for (const s of data.sessions) if (s.date === '2026-12-10') (delete s.announcedAt, delete s.announcedDuty)
  writeFileSync(file, JSON.stringify(data))
  // …and a representative on that session leaves before the bot is back.
  const leaver = duty[1]
  const config = demoConfig((t) => t.replace(new RegExp(`(\\{ id: ${leaver},[^}]*)\\}`), '$1, active: false }'))
  const h2 = await Harness.start({ now: '2026-12-07T09:10:00+08:00', config, dir: h.dir })
  h = h2
  expect(dec10(h2)).toBe(0)
  const s = (await h2.app.deps.roster.sessionOn('hpl', '2026-12-10'))!
  expect(s.duty).toEqual(duty)
  expect(s.announcedDuty).toEqual(duty)
  expect(h2.log.lines.some((l) => l.includes('kept session needs attention') && l.includes(leaver))).toBe(true)
})

test('a change to an announced session posts one correction naming what changed, and a restart does not repeat it', async () => {
  h = await Harness.start({ now: '2026-12-06T08:00:00+08:00' })
  await h.advanceTo('2026-12-07T09:00:00+08:00')
  const roster = h.app.deps.roster
  const s = (await roster.sessionOn('hpl', '2026-12-10'))!
  const [stays, leaves] = s.duty
  const sub = h.app.deps.directory.repsOf('hpl').map((p) => p.id).find((id) => !s.duty.includes(id))!
  const r = await roster.changeDuty(s.id, [stays, sub], 'p-swap-test', 'substitute', '临时出差', 'wx-77')
  expect(r.ok && r.value.corrected).toBe(true)
  await h.app.idle()
  const corr = h.sentTo('hpl').filter((m) => m.text.includes(CORR))
  expect(corr).toHaveLength(1)
  expect(corr[0].text).toContain(DEC10)
  expect(corr[0].text).toContain(`新增：${personOf(h, sub).name}`)
  expect(corr[0].text).toContain(`不再值班：${personOf(h, leaves).name}`)
  expect(corr[0].text).toContain('说明：临时出差')
  expect(corr[0].mentions).toEqual(expect.arrayContaining([personOf(h, sub).wechatId, personOf(h, leaves).wechatId, personOf(h, stays).wechatId]))
  const last = (await roster.session(s.id))!.history.at(-1)!
  expect(last).toMatchObject({ by: 'p-swap-test', kind: 'substitute', before: [stays, leaves], after: [stays, sub], note: '临时出差', msgId: 'wx-77' })
  await h.restart()
  await h.advanceTo('2026-12-08T09:00:00+08:00')
  expect(h.sentTo('hpl').filter((m) => m.text.includes(CORR))).toHaveLength(1)
  expect(dec10()).toBe(1)
})

test('a correction still owed after a crash is posted by the next due-check, once', async () => {
  h = await Harness.start({ now: '2026-12-06T08:00:00+08:00' })
  await h.advanceTo('2026-12-07T09:00:00+08:00')
  await h.app.idle()
  await h.store.compact()
  // A data folder of the first store format: the duty change reached the roster file; the process died
  // before its correction was queued (one transaction now; old folders are still repaired).
  const file = path.join(h.dir, 'roster', 'hpl', '2026.json')
  const data = JSON.parse(readFileSync(file, 'utf8'))
  const s = data.sessions.find((x: Session) => x.date === '2026-12-10')
  const sub = h.config.people.find((p) => p.studio === 'hpl' && p.roles.includes('representative') && !s.duty.includes(p.id))!.id
  const after = [s.duty[0], sub]
  s.history.push({ at: at('2026-12-07T10:00:00+08:00'), by: 'c01', kind: 'set', before: s.duty, after })
  s.duty = after
  writeFileSync(file, JSON.stringify(data))
  h.clock.set(at('2026-12-07T10:01:00+08:00'))
  await h.restart()
  await h.restart()
  expect(h.sentTo('hpl').filter((m) => m.text.includes(CORR))).toHaveLength(1)
  expect((await h.app.deps.roster.sessionOn('hpl', '2026-12-10'))!.announcedDuty).toEqual(after)
})

test('a cancelled session is not announced', async () => {
  h = await Harness.start({ now: '2026-12-06T08:00:00+08:00' })
  const roster = h.app.deps.roster
  const s = (await roster.sessionOn('hpl', '2026-12-10'))!
  s.cancelled = { at: h.clock.now(), by: 'c01', reason: 'test' }
  await (await roster.partition('hpl', 2026)).commit()
  await h.advanceTo('2026-12-07T09:00:00+08:00')
  expect(dec10()).toBe(0)
})

test('a studio without a bound group: the announcement waits and goes out (补发) once the group is bound', async () => {
  const config = demoConfig((t) => t.replace('    roomId: demo-hpl@chatroom   #', '    #'))
  h = await Harness.start({ now: '2026-12-07T09:00:00+08:00', config })
  expect(h.log.lines.some((l) => l.includes('announcement waits') && l.includes('hpl/2026-12-10'))).toBe(true)
  await h.app.deps.directory.bindRoom('demo-hpl-new@chatroom', 'hpl')
  const out = await h.advanceTo('2026-12-07T11:00:00+08:00')
  const posts = out.filter((m) => m.text.includes(ANN))
  expect(posts).toHaveLength(1)
  expect(posts[0].to).toEqual({ roomId: 'demo-hpl-new@chatroom' })
  expect(posts[0].text.startsWith('【补发】')).toBe(true)
})

test('announceDaysBefore and announceAt are per studio: a week ahead at 08:30', async () => {
  const config = demoConfig((t) => t.replace("announceDaysBefore: 3   # 提前几天公布值班代表（自然日）\n      announceAt: '09:00'", "announceDaysBefore: 7\n      announceAt: '08:30'"))
  h = await Harness.start({ now: '2026-12-03T08:00:00+08:00', config })
  await h.advanceTo('2026-12-03T08:29:00+08:00')
  expect(dec10()).toBe(0)
  await h.advanceTo('2026-12-03T08:30:00+08:00')
  expect(dec10()).toBe(1)
})

test('a due-check asked for while one still runs (the demo’s :time right after start-up) runs again with the new time', async () => {
  h = await Harness.start({ now: '2026-12-06T08:00:00+08:00' })
  // One due-check is under way at 12-06 08:00 (as the start-up one in `npm start`) when the clock moves on.
  const first = h.app.runDue()
  h.clock.set(at('2026-12-07T09:00:00+08:00'))
  const second = h.app.runDue()
  await Promise.all([first, second])
  await h.app.idle()
  expect(dec10()).toBe(1)
  // Both asks were served by that one follow-up run, not by one run each.
  await h.app.runDue()
  await h.app.idle()
  expect(dec10()).toBe(1)
})

test('in the same minute the running due-check serves a second ask (start-up and the login at once): no second run', async () => {
  h = await Harness.start({ now: '2026-12-06T08:00:00+08:00' })
  const first = h.app.runDue()
  h.clock.set(at('2026-12-06T08:00:40+08:00'))
  expect(h.app.runDue()).toBe(first)
  h.clock.set(at('2026-12-06T08:01:00+08:00'))
  expect(h.app.runDue()).not.toBe(first)
  await h.app.idle()
})
