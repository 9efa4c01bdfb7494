/**
 * The gap guard (不得空岗) through the same app as production, on a manual clock: a session within
 * `swaps.gapWindowDays` (7) with fewer representatives than required raises one alert a day in the studio's
 * group at `swaps.gapAlertAt` (09:30), @mentioning the coordinators and the people affected, until the
 * seat is filled. "Today" starts at 2026-12-06 (Sunday); 和平里工作室 meets on the 10th and 25th at 18:00.
 */
import { Harness, demoConfig } from '../support/harness.js'
import { openGaps } from '../../src/app/open-gaps.js'

const HP = 'hpl'
const ALERT = '【缺岗提醒】和平里工作室'
let h: Harness
afterEach(async () => {
  await h.close()
})

const person = (id: string) => h.config.people.find((p) => p.id === id)!
const nameOf = (id: string) => person(id).name
const alerts = () => h.sentTo(HP).filter((m) => m.text.includes(ALERT))
async function onDec10() {
  const s = (await h.app.deps.roster.sessionOn(HP, '2026-12-10'))!
  const reps = h.config.people.filter((p) => p.studio === HP && p.roles.includes('representative')).map((p) => p.id)
  return { a: s.duty[0], b: s.duty[1], free: reps.filter((p) => !s.duty.includes(p)) }
}

test('fires at 09:30 inside the window, @mentioning coordinator, the one left on duty and the one on leave; once a day until filled', async () => {
  h = await Harness.start({ now: '2026-12-06T08:00:00+08:00' })
  const { a, b, free } = await onDec10()
  await h.say(nameOf(a), '/请假 12月10日 出差', HP)
  await h.advanceTo('2026-12-06T09:29:00+08:00')
  expect(alerts()).toHaveLength(0)
  await h.advanceTo('2026-12-06T09:30:00+08:00')
  expect(alerts()).toHaveLength(1)
  const [alert] = alerts()
  expect(alert.text).toContain('【缺岗提醒】和平里工作室：7 天内的接待日还没排满（不得空岗）：')
  expect(alert.text).toContain(`· 12月10日（周四） 18:00–20:00 现值班：${nameOf(b)}，尚缺 1 人`)
  expect(alert.text).toContain(`  请假：${nameOf(a)}`)
  expect(alert.text).toMatch(/ {2}推荐：\S+（今年 \d+ 次）/u)
  expect(alert.text).not.toContain('12月25日')
  expect(alert.mentions).toEqual(expect.arrayContaining([person('c01').wechatId, person(a).wechatId, person(b).wechatId]))
  expect(alert.mentions).not.toContain(person(free[0]).wechatId)

  // Not more than once a day: later due-checks and a restart add nothing.
  for (const t of ['2026-12-06T09:31:00+08:00', '2026-12-06T15:00:00+08:00', '2026-12-06T23:59:00+08:00']) await h.advanceTo(t)
  await h.restart()
  expect(alerts()).toHaveLength(1)
  // The next day again, still open.
  await h.advanceTo('2026-12-07T09:30:00+08:00')
  expect(alerts()).toHaveLength(2)
  // Filled (the volunteer confirmed by taking the seat): no more alerts while the other one has confirmed too…
  await h.say(nameOf(free[0]), '/顶班 12月10日', HP)
  await h.say(nameOf(b), '/确认值班 12月10日', HP)
  for (const t of ['2026-12-08T09:30:00+08:00', '2026-12-09T09:30:00+08:00', '2026-12-10T09:30:00+08:00']) await h.advanceTo(t)
  expect(alerts()).toHaveLength(2)
})

test('a full session whose representative has not confirmed by 20:00 the day before is listed as at risk on the day', async () => {
  h = await Harness.start({ now: '2026-12-06T08:00:00+08:00' })
  const [a, b] = (await h.app.deps.roster.sessionOn('hpl', '2026-12-10'))!.duty
  await h.advanceTo('2026-12-07T09:00:00+08:00')
  await h.say(nameOf(a), '/确认值班', HP)
  for (const t of ['2026-12-08T09:30:00+08:00', '2026-12-09T09:30:00+08:00']) await h.advanceTo(t)
  expect(alerts()).toHaveLength(0)
  await h.advanceTo('2026-12-10T09:30:00+08:00')
  expect(alerts()).toHaveLength(1)
  expect(alerts()[0].text).toContain(`· 12月10日（周四） 18:00–20:00 现值班：${nameOf(a)}、${nameOf(b)}\n  未确认到岗（有空岗风险）：${nameOf(b)}`)
  expect(alerts()[0].mentions).toContain(person(b).wechatId)
})

test('a gap beyond the window is alerted only from 7 days before the session', async () => {
  h = await Harness.start({ now: '2026-12-06T08:00:00+08:00' })
  const s25 = (await h.app.deps.roster.sessionOn(HP, '2026-12-25'))!
  await h.say(nameOf(s25.duty[0]), '/请假 12月25日', HP)
  await h.advanceTo('2026-12-06T09:30:00+08:00')
  await h.advanceTo('2026-12-17T09:30:00+08:00')
  expect(alerts()).toHaveLength(0)
  await h.advanceTo('2026-12-18T09:30:00+08:00')
  expect(alerts()).toHaveLength(1)
  expect(alerts()[0].text).toContain('12月25日（周五）')
})

test('back from downtime later the same day: the day’s alert is posted then, once', async () => {
  h = await Harness.start({ now: '2026-12-06T08:00:00+08:00' })
  const { a } = await onDec10()
  await h.say(nameOf(a), '/请假 12月10日', HP)
  h.clock.set(Date.parse('2026-12-06T14:00:00+08:00'))
  await h.restart()
  expect(alerts()).toHaveLength(1)
  await h.restart()
  expect(alerts()).toHaveLength(1)
})

test('a cancelled session raises no alert; the window is configurable', async () => {
  const config = demoConfig((t) => t.replace('gapWindowDays: 7', 'gapWindowDays: 20'))
  h = await Harness.start({ now: '2026-12-06T08:00:00+08:00', config })
  const { a } = await onDec10()
  const s25 = (await h.app.deps.roster.sessionOn(HP, '2026-12-25'))!
  await h.say(nameOf(a), '/请假 12月10日', HP)
  await h.say(nameOf(s25.duty[0]), '/请假 12月25日', HP)
  await h.say('刘芳', '/取消接待 12月10日 社区活动室装修', HP)
  await h.advanceTo('2026-12-06T09:30:00+08:00')
  expect(alerts()).toHaveLength(1)
  expect(alerts()[0].text).toContain('20 天内')
  expect(alerts()[0].text).toContain('12月25日（周五）')
  expect(alerts()[0].text).not.toContain('12月10日')
})

test('a session already under way at the alert time raises none that day (七一社区 meets at 09:00)', async () => {
  h = await Harness.start({ now: '2026-12-14T08:00:00+08:00' })
  const s = (await h.app.deps.roster.sessionOn('qyl', '2026-12-15'))!
  await h.say(s.duty[0], '/请假 12月15日', 'qyl')
  await h.advanceTo('2026-12-14T09:30:00+08:00')
  const inQyl = () => h.sentTo('qyl').filter((m) => m.text.includes('【缺岗提醒】七一社区工作室'))
  expect(inQyl()).toHaveLength(1)
  await h.advanceTo('2026-12-15T09:30:00+08:00')
  expect(inQyl()).toHaveLength(1)
})

test('openGaps lists the open gaps for the weekly post: not cancelled, not ended, short of representatives', async () => {
  h = await Harness.start({ now: '2026-12-06T08:00:00+08:00' })
  const roster = h.app.deps.roster
  expect(await openGaps(roster, HP, '2026-12-06', '2026-12-31', h.clock.now())).toEqual([])
  const { a } = await onDec10()
  await h.say(nameOf(a), '/请假 12月10日', HP)
  const gaps = await openGaps(roster, HP, '2026-12-06', '2026-12-31', h.clock.now())
  expect(gaps.map((s) => s.id)).toEqual(['hpl/2026-12-10'])
  expect(await openGaps(roster, HP, '2026-12-11', '2026-12-31', h.clock.now())).toEqual([])
  expect(await openGaps(roster, HP, '2026-12-06', '2026-12-31', Date.parse('2026-12-10T20:00:00+08:00'))).toEqual([])
})
