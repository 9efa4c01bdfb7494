/**
 * Confirmation and reminders (issue 17, item 1) through the same app, dispatcher and sender as production,
 * on a manual clock: 和平里工作室 (config/demo.yaml) meets on 2026-12-10 at 18:00, announced on 12-07 at
 * 09:00; reminders at 18:00 the day before and 08:00 on the day, unconfirmed by 20:00 the day before →
 * the coordinator (刘芳) is told privately and the 09:30 gap alert lists the seat as at risk.
 */
import { Harness } from '../support/harness.js'
import { rosterOnDisk } from '../support/issues-on-disk.js'

let h: Harness
let h0: Harness | undefined
afterEach(async () => {
  await h.close()
})

const name = (id: string) => h.config.people.find((p) => p.id === id)!.name
const privately = (out: { to: object; text: string }[], who: string) => out.filter((m) => 'contactId' in m.to && (m.to as { contactId: string }).contactId === h.contact(who)).map((m) => m.text)
const duty = (out: { text: string }[]) => out.filter((m) => /【值班提醒】|【值班未确认】/u.test(m.text))
const QUOTE = (text: string) => `「连心桥：【党代表接待日公告】和平里工作室\n时间：2026年12月10日（周四） 18:00–20:00\n地点：…」\n- - - - - - - - - - - - - - -\n${text}`

async function announced(now = '2026-12-06T08:00:00+08:00'): Promise<[string, string]> {
  h = h0 ?? (await Harness.start({ now }))
  h0 = undefined
  const out = await h.advanceTo('2026-12-07T09:00:00+08:00')
  const post = out.find((m) => m.text.includes('【党代表接待日公告】和平里工作室') && m.text.includes('12月10日'))!
  expect(post.text).toContain('请值班代表回复 /确认值班（或引用本条回复“收到”）确认到岗。')
  const duty = (await h.app.deps.roster.sessionOn('hpl', '2026-12-10'))!.duty
  return [duty[0], duty[1]]
}

test('one confirms, both get the evening reminder (each told whether they confirmed), the coordinator is told about the other once, and the gap alert shows the seat at risk', async () => {
  // The 11月25日 session registers one issue (by a representative on its duty) and answers one on the spot.
  h0 = await Harness.start({ now: '2026-11-25T17:00:00+08:00' })
  await h0.advanceTo('2026-11-25T18:10:00+08:00')
  const on25 = (await h0.app.deps.roster.sessionOn('hpl', '2026-11-25'))!.duty[0]
  await h0.say(on25, '/登记 王大爷 13800138000 和平里3号楼 楼道灯坏了半个月', 'hpl')
  await h0.say(on25, '/登记\n姓名：李阿姨\n诉求：社区医院几点开门\n当场答复：早八点', 'hpl')
  const [a, b] = await announced()
  expect(await h.say(a, '/确认值班', 'hpl')).toEqual([`已确认：${name(a)} 12月10日（周四） 18:00–20:00 在和平里工作室值班。谢谢！\n同班：${name(b)}（未确认）`])
  expect(await h.say(a, '/确认值班', 'hpl')).toEqual([`${name(a)} 已经确认过 12月10日（周四） 的值班，不用再发。`])

  expect(duty(await h.advanceTo('2026-12-09T17:59:00+08:00'))).toEqual([])
  const eve = await h.advanceTo('2026-12-09T18:00:00+08:00')
  const [toA] = privately(eve, a)
  const [toB] = privately(eve, b)
  expect(toA).toContain('【值班提醒】明天12月10日（周四） 18:00–20:00 您在和平里工作室值班（驻室接访）。')
  expect(toA).toContain('地点：和平里社区党群服务中心二楼党代表工作室')
  expect(toA).toContain(`同班：${name(b)}（未确认）`)
  expect(toA).toContain('您已确认到岗，谢谢！')
  expect(toB).toContain(`同班：${name(a)}（已确认）`)
  expect(toB).toContain('您还没有确认，请回复：/确认值班 12月10日。')
  for (const text of [toA, toB]) {
    expect(text).toContain('本工作室未办结的问题 1 件：\nHP-2026-0001 王某：楼道灯坏了半个月')
    expect(text).not.toContain('王大爷')
    expect(text).not.toContain('13800138000')
    expect(text).toContain('上一场（11月25日（周三））登记 2 件：\nHP-2026-0001 王某')
    expect(text).toContain('HP-2026-0002 李某')
  }
  expect(duty(eve)).toHaveLength(2)

  expect(privately(await h.advanceTo('2026-12-09T19:59:00+08:00'), 'c01')).toEqual([])
  const told = privately(await h.advanceTo('2026-12-09T20:00:00+08:00'), 'c01')
  expect(told).toHaveLength(1)
  expect(told[0]).toContain(`【值班未确认】和平里工作室 12月10日（周四） 18:00–20:00：${name(b)} 到 12月9日（周三） 20:00 还没有确认值班。`)
  expect(told[0]).not.toContain(`${name(a)} 到`)
  // Exactly once, a restart included.
  await h.restart({ crash: true })
  expect(duty(await h.advanceTo('2026-12-09T21:00:00+08:00'))).toEqual([])

  const morning = await h.advanceTo('2026-12-10T08:00:00+08:00')
  expect(privately(morning, a)[0]).toContain('【值班提醒】今天12月10日（周四）')
  expect(privately(morning, b)[0]).toContain('您还没有确认')
  const alert = (await h.advanceTo('2026-12-10T09:30:00+08:00')).find((m) => m.text.includes('【缺岗提醒】和平里工作室'))!
  expect(alert.text).toContain(`· 12月10日（周四） 18:00–20:00 现值班：${name(a)}、${name(b)}`)
  expect(alert.text).toContain(`  未确认到岗（有空岗风险）：${name(b)}`)
  expect(duty(await h.advanceTo('2026-12-10T18:00:00+08:00'))).toEqual([])
})

test('a quoted 收到 to the announcement confirms; the confirmation is on disk and survives a crash', async () => {
  const [a, b] = await announced()
  expect(await h.say(b, QUOTE('收到！'), 'hpl')).toEqual([`已确认：${name(b)} 12月10日（周四） 18:00–20:00 在和平里工作室值班。谢谢！\n同班：${name(a)}（未确认）`])
  // Chat quoting something else is no confirmation.
  expect(await h.say(a, '「刘芳：明天开会」\n- - - - - - - - - - - - - - -\n收到', 'hpl')).toEqual([])
  await h.restart({ crash: true })
  const s = (await h.app.deps.roster.sessionOn('hpl', '2026-12-10'))!
  expect(s.confirmations).toEqual([{ personId: b, at: expect.any(Number), via: 'quote' }])
  await h.restart()
  expect(rosterOnDisk(h.dir, 'hpl', 2026).sessions.find((x) => x.date === '2026-12-10')!.confirmations?.map((c: { personId: string }) => c.personId)).toEqual([b])
})

test('replaced after confirming: the new representative must confirm and gets the reminder that says so; the one replaced gets none', async () => {
  const [a, b] = await announced()
  const reps = h.config.people.filter((p) => p.studio === 'hpl' && p.roles.includes('representative')).map((p) => p.id)
  const x = reps.find((p) => p !== a && p !== b)!
  await h.say(a, '/确认值班 12月10日', 'hpl')
  await h.say('c01', `/调班 12月10日 ${name(a)}→${name(x)} 临时有会`, 'hpl')
  const s = (await h.app.deps.roster.sessionOn('hpl', '2026-12-10'))!
  expect(s.confirmations ?? []).toEqual([])
  const eve = await h.advanceTo('2026-12-09T18:00:00+08:00')
  expect(privately(eve, a)).toEqual([])
  expect(privately(eve, x)[0]).toContain('您还没有确认，请回复：/确认值班 12月10日。')
  const told = privately(await h.advanceTo('2026-12-09T20:00:00+08:00'), 'c01').join('\n')
  expect(told).toContain(`${name(x)} 到`)
  expect(told).toContain(`${name(b)} 到`)
  expect(told).not.toContain(`${name(a)} 到`)
})

test('a volunteer who takes an open seat has confirmed by doing so', async () => {
  const [a, b] = await announced()
  const reps = h.config.people.filter((p) => p.studio === 'hpl' && p.roles.includes('representative')).map((p) => p.id)
  const v = reps.find((p) => p !== a && p !== b)!
  await h.say(a, '/请假 12月10日 出差', 'hpl')
  await h.say(v, '/顶班 12月10日', 'hpl')
  const eve = await h.advanceTo('2026-12-09T18:00:00+08:00')
  expect(privately(eve, v)[0]).toContain('您已确认到岗')
})

test.each([
  ['a stranger', 'x-stranger', '/确认值班', '只有'],
  ['someone not on that duty', 'p05', '/确认值班 12月10日', '不用确认'],
  ['a day without a session', 'p01', '/确认值班 12月11日', '没有接待日'],
  ['junk', 'p01', '/确认值班 啊啊', '看不懂日期'],
])('refused: %s', async (_, who, text, needle) => {
  const [a, b] = await announced()
  if (who === 'p05' && (a === 'p05' || b === 'p05')) return
  const [reply] = await h.say(who, text, 'hpl')
  expect(reply).toContain(needle)
  expect((await h.app.deps.roster.sessionOn('hpl', '2026-12-10'))!.confirmations ?? []).toEqual([])
})
