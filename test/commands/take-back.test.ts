/** /销假 (issue 17, item 3): the seat back while it is open; a clear refusal once it was filled. */
import { Harness } from '../support/harness.js'

let h: Harness
afterEach(async () => {
  await h.close()
})
const name = (id: string) => h.config.people.find((p) => p.id === id)!.name

async function onLeave() {
  h = await Harness.start({ now: '2026-12-07T08:00:00+08:00' })
  await h.advanceTo('2026-12-07T09:00:00+08:00')
  const [a, b] = (await h.app.deps.roster.sessionOn('hpl', '2026-12-10'))!.duty
  const v = h.config.people.find((p) => p.studio === 'hpl' && p.roles.includes('representative') && p.id !== a && p.id !== b)!.id
  await h.say(a, '/请假 12月10日 出差', 'hpl')
  return { a, b, v }
}

test('the one on leave takes the seat back while it is open: duty restored, leave withdrawn, the group corrected, confirmed', async () => {
  const { a, b } = await onLeave()
  const replies = await h.say(a, '/销假 12月10日', 'hpl')
  expect(replies.find((r) => r.startsWith('已销假'))).toBe(`已销假：${name(a)} 回到 12月10日（周四） 18:00–20:00 的值班（请假 #1 已撤回），视为已确认到岗。现值班：${name(b)}、${name(a)}。\n这一场已经公告过，已在群里发了更正。`)
  const s = (await h.app.deps.roster.sessionOn('hpl', '2026-12-10'))!
  expect(s.duty).toEqual([b, a])
  expect(s.history.at(-1)).toMatchObject({ kind: 'takeback', by: a, before: [b], after: [b, a] })
  expect(s.confirmations?.map((c) => c.personId)).toEqual([a])
  expect((await h.app.deps.swaps.find('1'))!).toMatchObject({ status: 'withdrawn', decidedBy: a })
  expect(h.sentTo('hpl').some((m) => m.text.includes('【更正】') && m.text.includes(`新增：${name(a)}`))).toBe(true)
  // No gap left: the gap guard is quiet; a second /销假 says it is not needed.
  await h.advanceTo('2026-12-07T09:30:00+08:00')
  expect(h.sentTo('hpl').filter((m) => m.text.includes('【缺岗提醒】') && m.text.includes('12月10日'))).toEqual([])
  expect(await h.say(a, '/销假 12月10日', 'hpl')).toEqual([`${name(a)} 已经在 12月10日（周四） 的值班里了，不用销假。`])
})

test('the seat was filled by a volunteer: a Chinese refusal naming who, nothing changes', async () => {
  const { a, b, v } = await onLeave()
  await h.say(v, '/顶班 12月10日', 'hpl')
  const before = JSON.stringify(await h.app.deps.roster.sessionOn('hpl', '2026-12-10'))
  expect(await h.say(a, '/取消请假 12月10日', 'hpl')).toEqual([
    `来不及了：12月10日（周四）的空位已经由 ${name(v)} 顶上（现值班：${name(b)}、${name(v)}），不能销假。如仍想值班，可请对方 /代班 换回，或联系联络员。`,
  ])
  expect(JSON.stringify(await h.app.deps.roster.sessionOn('hpl', '2026-12-10'))).toBe(before)
})

test('refusals: no leave asked, another representative, the session started', async () => {
  const { a, b, v } = await onLeave()
  expect((await h.say(v, '/销假 12月10日', 'hpl'))[0]).toContain(`${name(v)} 没有请 12月10日（周四） 的假，不用销假。`)
  expect((await h.say(b, '/销假 12月10日', 'hpl'))[0]).toContain('已经在')
  expect((await h.say('c01', '/销假 12月10日', 'hpl'))[0]).toContain('党代表')
  expect((await h.say(a, '/销假', 'hpl'))[0]).toContain('/销假 <日期>')
  await h.advanceTo('2026-12-10T18:05:00+08:00')
  expect((await h.say(a, '/销假 12月10日', 'hpl'))[0]).toMatch(/已经开始|已经过去/u)
})
