/** /今天值班 (issue 17, item 2): in the group, privately (own studio or one named), with confirmations and check-ins. */
import { Harness } from '../support/harness.js'

let h: Harness
afterEach(async () => {
  await h.close()
})
const name = (id: string) => h.config.people.find((p) => p.id === id)!.name

test("on the day: today's duty with who confirmed and who checked in, the place, and the next session", async () => {
  h = await Harness.start({ now: '2026-12-07T08:00:00+08:00' })
  await h.advanceTo('2026-12-07T09:00:00+08:00')
  const [a, b] = (await h.app.deps.roster.sessionOn('hpl', '2026-12-10'))!.duty
  const [n1, n2] = (await h.app.deps.roster.sessionOn('hpl', '2026-12-25'))!.duty
  await h.say(a, '/确认值班', 'hpl')
  await h.advanceTo('2026-12-10T17:10:00+08:00')
  await h.say(b, '/签到', 'hpl')
  const [reply] = await h.say('c01', '/今天值班', 'hpl')
  expect(reply).toBe(
    [
      '和平里工作室 · 今天 12月10日（周四）',
      `今天 18:00–20:00 值班：${name(a)}（已确认）、${name(b)}（已签到）`,
      '地点：和平里社区党群服务中心二楼党代表工作室',
      `下一场：12月25日（周五） 18:00–20:00，值班：${name(n1)}、${name(n2)}`,
    ].join('\n'),
  )
  // The aliases people type, and anyone may ask.
  expect(await h.say('p06', '/值班', 'hpl')).toEqual([reply])
  expect((await h.say('p06', '/谁值班 和平里', 'private'))[0]).toBe(reply)
})

test("privately: the asker's own studio; a day without a session says so; another studio by name", async () => {
  h = await Harness.start({ now: '2026-12-08T10:00:00+08:00' })
  const [own] = await h.say('p01', '/今天值班')
  expect(own.split('\n').slice(0, 2)).toEqual(['和平里工作室 · 今天 12月8日（周二）', '今天没有接待日。'])
  expect(own).toContain('下一场：12月10日（周四） 18:00–20:00，值班：')
  const [other] = await h.say('p01', '/今天值班 七一')
  expect(other.startsWith('七一社区工作室 · 今天 12月8日（周二）')).toBe(true)
  expect((await h.say('p01', '/今天值班 梁山'))[0]).toContain('梁山')
})

test('after the session ended and when it was cancelled', async () => {
  h = await Harness.start({ now: '2026-12-10T08:00:00+08:00' })
  await h.advanceTo('2026-12-10T20:30:00+08:00')
  expect((await h.say('p01', '/今天值班', 'hpl'))[0]).toContain('今天 18:00–20:00 的接待已结束，值班的是：')
  await h.say('c01', '/取消接待 12月25日 场地维修', 'hpl')
  await h.advanceTo('2026-12-25T09:00:00+08:00')
  const [r] = await h.say('p01', '/今天值班', 'hpl')
  expect(r).toContain('今天的接待日已取消（场地维修）。')
  expect(r).toContain('下一场：')
})
