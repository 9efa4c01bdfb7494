/**
 * A failed write through the production dispatcher (an injected failing file system for the log; the real
 * full tmpfs is test-chaos/store-trust.test.ts): /登记, /转办, /请假 and a duty announcement that cannot be
 * saved change nothing, use no number and say so; the admin is told once; once the disk is back the next
 * change is saved, and a crash and restart keep everything acknowledged.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Harness } from '../support/harness.js'
import { failingFs } from '../support/failing-fs.js'
import { issuesOnDisk, rosterOnDisk } from '../support/issues-on-disk.js'

const HP = 'hpl'
let h: Harness
afterEach(async () => {
  await h.close()
})

const NOT_SAVED = '没有保存成功'

test('/登记, /转办 and /请假 that cannot be saved change nothing and use no number; the next ones after the disk is back are saved', async () => {
  const ffs = failingFs()
  h = await Harness.start({ now: '2026-12-06T08:00:00+08:00', walFs: ffs })
  expect((await h.say('张明华', '/登记 王大爷 13812345678 楼道灯坏了半个月', HP))[0]).toContain('已登记：HP-2026-0001')
  const duty = (await h.app.deps.roster.sessionOn(HP, '2026-12-10'))!.duty
  const rep = h.config.people.find((p) => p.id === duty[0])!
  const adminContact = h.config.people.find((p) => p.roles.includes('admin'))!.wechatId!
  ffs.failWith('ENOSPC', { partial: true })
  const sentBefore = h.transport.sent.length
  const reg = await h.say('张明华', '/登记 李阿姨 13698765432 门口垃圾没人清', HP)
  expect(reg[0]).toContain(NOT_SAVED)
  expect(reg.join('\n')).not.toContain('HP-2026-0002')
  expect((await h.say('刘芳', '/转办 HP-2026-0001 区房管局', HP))[0]).toContain(NOT_SAVED)
  expect((await h.say(rep.name, '/请假 12月10日 临时出差', HP)).join('\n')).toContain(NOT_SAVED)
  const toAdmin = h.transport.sent.slice(sentBefore).filter((m) => 'contactId' in m.to && m.to.contactId === adminContact)
  expect(toAdmin).toHaveLength(1)
  expect(toAdmin[0].text).toContain('ENOSPC')
  // Memory as before: nothing of the three shows.
  expect((await h.app.deps.issues.get('HP-2026-0001'))!.status).toBe('registered')
  expect(await h.app.deps.issues.get('HP-2026-0002')).toBeUndefined()
  expect((await h.app.deps.roster.sessionOn(HP, '2026-12-10'))!.duty).toEqual(duty)
  ffs.heal()
  expect((await h.say('张明华', '/登记 李阿姨 13698765432 门口垃圾没人清', HP))[0]).toContain('已登记：HP-2026-0002')
  expect((await h.say('刘芳', '/转办 HP-2026-0001 区房管局', HP))[0]).toContain('区房管局')
  expect((await h.say(rep.name, '/请假 12月10日 临时出差', HP)).join('\n')).toContain('请假')
  await h.restart({ crash: true })
  expect(issuesOnDisk(h.dir, HP, 2026).map((i) => [i.id, i.status])).toEqual([['HP-2026-0001', 'transferred'], ['HP-2026-0002', 'registered']])
  expect(rosterOnDisk(h.dir, HP, 2026).sessions.find((s) => s.date === '2026-12-10').duty).not.toContain(rep.id)
  expect(h.store.state.data.counters['swaps.seq']).toBe(1)
})

test('an announcement that cannot be saved is not sent; it goes out once, at the next due-check after the disk is back', async () => {
  const ffs = failingFs()
  h = await Harness.start({ now: '2026-12-07T08:00:00+08:00', walFs: ffs })
  ffs.failWith('ENOSPC')
  const failed = await h.advanceTo('2026-12-07T09:00:00+08:00')
  expect(failed.filter((m) => m.text.includes('【党代表接待日公告】'))).toEqual([])
  expect(h.log.lines.some((l) => l.includes('failed'))).toBe(true)
  ffs.heal()
  const sent = await h.advanceTo('2026-12-07T09:01:00+08:00')
  const posts = sent.filter((m) => 'roomId' in m.to && m.to.roomId === h.room(HP) && m.text.includes('【党代表接待日公告】'))
  expect(posts).toHaveLength(1)
  await h.restart({ crash: true })
  expect((await h.advanceTo('2026-12-07T09:05:00+08:00')).filter((m) => m.text.includes('【党代表接待日公告】'))).toEqual([])
})

test.each(['issues', 'roster'])('a damaged %s file of an earlier year stops the bot after start-up, naming the file', async (kind) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lxq-damaged-'))
  mkdirSync(path.join(dir, kind, 'hpl'), { recursive: true })
  const file = path.join(dir, kind, 'hpl', '2019.json')
  writeFileSync(file, '{"version":1,"sessions":[{"id"')
  let damage: unknown
  h = await Harness.start({ now: '2026-12-06T08:00:00+08:00', dir, onDamage: (e) => (damage = e) })
  await h.app.deps.issues.scanned
  for (let i = 0; i < 20 && !damage; i++) await new Promise((r) => setTimeout(r, 10))
  expect(String((damage as Error)?.message)).toContain(file)
})
