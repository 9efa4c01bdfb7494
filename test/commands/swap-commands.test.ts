/**
 * Duty changes through the production dispatcher: /请假 /顶班 /代班 /换班 /同意 /拒绝 /撤回 /换班记录 /调班
 * /取消接待 /签到, each success with what it records (who asked, who accepted, when, before/after, the
 * message), the correction after an announcement, two volunteers at once, expiry, and a replayed answer.
 * The sample district: config/demo.yaml; "today" is 2026-12-06 (a Sunday); 和平里工作室 meets on the 10th
 * and 25th at 18:00 and announces 3 days ahead at 09:00.
 */
import { Harness } from '../support/harness.js'
import type { Incoming } from '../../src/messages/message.js'

const HP = 'hpl'
const NOW = '2026-12-06T08:00:00+08:00'
let h: Harness
afterEach(async () => {
  await h.close()
})

const person = (id: string) => h.config.people.find((p) => p.id === id)!
const nameOf = (id: string) => person(id).name
const contact = (id: string) => person(id).wechatId!
const session = async (date: string, studio = HP) => (await h.app.deps.roster.sessionOn(studio, date))!
const request = async (id: string) => (await h.app.deps.swaps.find(id))!
const reps = () => h.config.people.filter((p) => p.studio === HP && p.roles.includes('representative')).map((p) => p.id)
const at = (iso: string) => Date.parse(iso)
/** Who sits what on 12月10日 and 12月25日 (the planner decides; the tests follow it). */
async function cast() {
  const d10 = structuredClone(await session('2026-12-10'))
  const d25 = structuredClone(await session('2026-12-25'))
  const [a, b] = d10.duty
  const free = reps().filter((p) => !d10.duty.includes(p))
  // For a swap: someone on the 10th but not the 25th, and someone on the 25th but not the 10th.
  const mover = d10.duty.find((p) => !d25.duty.includes(p))!
  const partner = d25.duty.find((p) => !d10.duty.includes(p))!
  return { d10, d25, a, b, free, mover, partner }
}
const groupPosts = (needle: string) => h.sentTo(HP).filter((m) => m.text.includes(needle))

describe('/请假 and /顶班', () => {
  test('a leave opens the seat at once, is recorded, and the group is asked with the fairest people @mentioned', async () => {
    h = await Harness.start({ now: NOW })
    const { a, b, d10 } = await cast()
    const texts = await h.say(nameOf(a), '/请假 12月10日 临时出差', HP, { id: 'wx-leave-1' })
    const all = texts.join('\n')
    expect(all).toContain(`已记下 ${nameOf(a)} 请假：12月10日（周四） 18:00–20:00（#1）。现值班：${nameOf(b)}（尚缺 1 人）`)
    expect(all).toContain('【征集顶班】和平里工作室 12月10日（周四） 18:00–20:00')
    expect(all).toContain(`${nameOf(a)} 请假（临时出差），这一场尚缺 1 人（不得空岗）`)
    expect(all).toContain('能来的代表请回复：/顶班 12月10日')
    const call = groupPosts('【征集顶班】')[0]
    // Three suggestions, none of them the leaver or the one still on duty, each @mentioned.
    expect(call.mentions).toHaveLength(3)
    expect(call.mentions).not.toContain(contact(a))
    expect(call.mentions).not.toContain(contact(b))
    for (const c of call.mentions) expect(call.text).toContain(h.config.people.find((p) => p.wechatId === c)!.name + '（今年 ')
    const s = await session('2026-12-10')
    expect(s.duty).toEqual([b])
    expect(s.history.at(-1)).toEqual({ at: h.clock.now(), by: a, kind: 'leave', before: d10.duty, after: [b], note: `${nameOf(a)} 请假（临时出差），请求 #1`, msgId: 'wx-leave-1' })
    expect(await request('1')).toMatchObject({ id: '1', kind: 'leave', from: a, reason: '临时出差', status: 'open', sessionId: 'hpl/2026-12-10', expiresAt: at('2026-12-10T18:00:00+08:00'), msgId: 'wx-leave-1' })
    // The planner keeps the gap open for a volunteer (a person changed this session), also after a restart.
    await h.restart()
    await h.advanceTo('2026-12-06T08:05:00+08:00')
    expect((await session('2026-12-10')).duty).toEqual([b])
    expect((await h.say(nameOf(b), '/换班记录', HP))[0]).toContain(`#1 请假 12月10日（周四） ${nameOf(a)}，等人顶班（尚缺 1 人）`)
  })

  test('a volunteer takes the open seat; the leave is marked filled by them', async () => {
    h = await Harness.start({ now: NOW })
    const { a, b, free } = await cast()
    await h.say(nameOf(a), '/请假 12月10日', HP)
    const [reply] = await h.say(nameOf(free[0]), '/顶班 12月10日', HP, { id: 'wx-vol-1' })
    expect(reply).toContain(`谢谢 ${nameOf(free[0])}！已顶上 12月10日（周四） 的班。现值班：${nameOf(b)}、${nameOf(free[0])}`)
    const s = await session('2026-12-10')
    expect(s.duty).toEqual([b, free[0]])
    expect(s.history.at(-1)).toMatchObject({ by: free[0], kind: 'volunteer', before: [b], after: [b, free[0]], msgId: 'wx-vol-1' })
    expect(await request('1')).toMatchObject({ status: 'filled', decidedBy: free[0], decidedAt: h.clock.now() })
    // The seat is taken now.
    expect((await h.say(nameOf(free[1]), '/顶班 12月10日', HP))[0]).toContain(`12月10日（周四）已满员（值班：${nameOf(b)}、${nameOf(free[0])}）`)
  })

  test('a leave given privately: the call for a volunteer still goes to the studio group', async () => {
    h = await Harness.start({ now: NOW })
    const { a } = await cast()
    const texts = await h.say(nameOf(a), '/请假 12.10')
    expect(texts[0]).toContain('已在工作室群里征集顶班')
    expect(groupPosts('【征集顶班】')).toHaveLength(1)
  })

  test('two people volunteer for one seat at the same moment: exactly one gets it', async () => {
    h = await Harness.start({ now: NOW })
    const { a, b, free } = await cast()
    await h.say(nameOf(a), '/请假 12月10日', HP)
    const before = h.transport.sent.length
    const msg = (who: string, id: string): Incoming => ({ id, text: '/顶班 12月10日', talkerId: contact(who), talkerName: nameOf(who), roomId: h.room(HP), mentions: [] })
    await Promise.all([h.app.onMessage(msg(free[0], 'wx-c1')), h.app.onMessage(msg(free[1], 'wx-c2'))])
    await h.app.idle()
    const s = await session('2026-12-10')
    expect(s.duty).toHaveLength(2)
    expect(s.duty[0]).toBe(b)
    const winner = s.duty[1]
    expect([free[0], free[1]]).toContain(winner)
    expect(s.history.filter((x) => x.kind === 'volunteer')).toHaveLength(1)
    const replies = h.transport.sent.slice(before).map((m) => m.text).join('\n')
    expect(replies.match(/谢谢 /g)).toHaveLength(1)
    expect(replies).toContain('已满员')
  })
})

describe('/代班 and /同意', () => {
  test('a proposed substitute changes nothing until accepted; then the seat passes, recorded with who asked and who accepted', async () => {
    h = await Harness.start({ now: NOW })
    const { a, b, free, d10 } = await cast()
    const sub = free[0]
    const [notice] = await h.say(nameOf(a), `/代班 12月10日 @${nameOf(sub)}`, HP, { id: 'wx-sub-1', mentions: [sub] })
    expect(notice).toContain(`#1 ${nameOf(a)} 请 ${nameOf(sub)} 代值 12月10日（周四） 18:00–20:00 的班。`)
    expect(notice).toContain(`${nameOf(sub)} 同意请回复：/同意 1`)
    expect(notice).toContain('12月7日（周一） 08:00 前有效，同意前值班不变。')
    expect(h.transport.sent.at(-1)!.mentions).toEqual([contact(sub)])
    expect((await session('2026-12-10')).duty).toEqual(d10.duty)
    expect(await request('1')).toMatchObject({ kind: 'substitute', from: a, to: sub, status: 'open', createdAt: h.clock.now(), expiresAt: at('2026-12-07T08:00:00+08:00'), msgId: 'wx-sub-1' })

    h.clock.set(at('2026-12-06T10:15:00+08:00'))
    const [ok] = await h.say(nameOf(sub), '/同意 1', HP, { id: 'wx-acc-1' })
    expect(ok).toContain('已同意 #1，值班已调整：')
    expect(ok).toContain(`· 12月10日（周四）：${nameOf(sub)}、${nameOf(b)}`)
    expect(h.transport.sent.at(-1)!.mentions).toEqual([contact(a)])
    const s = await session('2026-12-10')
    expect(s.duty).toEqual([sub, b]) // same seat
    expect(s.history.at(-1)).toEqual({
      at: at('2026-12-06T10:15:00+08:00'),
      by: sub,
      kind: 'substitute',
      before: d10.duty,
      after: [sub, b],
      note: `${nameOf(a)} 请 ${nameOf(sub)} 代班，请求 #1`,
      msgId: 'wx-acc-1',
    })
    expect(await request('1')).toMatchObject({ status: 'accepted', decidedBy: sub, decidedAt: at('2026-12-06T10:15:00+08:00'), decidedMsgId: 'wx-acc-1' })
    // The planner keeps the accepted change.
    await h.restart()
    expect((await session('2026-12-10')).duty).toEqual([sub, b])
  })

  test('by name or person id, privately: the one asked is told privately, and the asker when they accept', async () => {
    h = await Harness.start({ now: NOW })
    const { a, free } = await cast()
    const before = h.transport.sent.length
    const texts = await h.say(nameOf(a), `/代班 12月10日 ${free[0]} 家里有事`)
    expect(texts.join('\n')).toContain(`请求 #1 已发给 ${nameOf(free[0])}`)
    const toSub = h.transport.sent.slice(before).find((m) => 'contactId' in m.to && m.to.contactId === contact(free[0]))!
    expect(toSub.text).toContain('/同意 1')
    expect((await request('1')).reason).toBe('家里有事')
    const mark = h.transport.sent.length
    await h.say(nameOf(free[0]), '/同意 1')
    const toAsker = h.transport.sent.slice(mark).find((m) => 'contactId' in m.to && m.to.contactId === contact(a))!
    expect(toAsker.text).toContain('已同意 #1')
  })

  test('the same request twice gets the same number', async () => {
    h = await Harness.start({ now: NOW })
    const { a, free } = await cast()
    await h.say(nameOf(a), `/代班 12月10日 ${nameOf(free[0])}`, HP)
    expect((await h.say(nameOf(a), `/代班 12月10日 ${nameOf(free[0])}`, HP))[0]).toContain('同样的请求 #1 还在等对方回复')
    expect(h.store.state.data.counters['swaps.seq']).toBe(1)
  })

  test('the 张伟 @mentioned is the one whose WeChat contact it is', async () => {
    h = await Harness.start({ now: NOW })
    // 小白楼工作室 has two 张伟 (p13, p14); take a session without p14.
    const s = (await h.app.deps.roster.upcoming('xbl', h.clock.now())).find((x) => !x.duty.includes('p14'))!
    const asker = s.duty[0]
    const [, m, d] = s.date.split('-').map(Number)
    await h.say(asker, `/代班 ${m}月${d}日 @张伟`, 'xbl', { mentions: ['p14'] })
    expect(await request('1')).toMatchObject({ from: asker, to: 'p14', sessionId: s.id })
  })
})

describe('/换班', () => {
  test('a swap changes both sessions together once accepted, each with its history entry', async () => {
    h = await Harness.start({ now: NOW })
    const { mover, partner, d10, d25 } = await cast()
    const [notice] = await h.say(nameOf(mover), `/换班 12月10日 12月25日 @${nameOf(partner)}`, HP, { mentions: [partner] })
    expect(notice).toContain(`#1 ${nameOf(mover)} 请 ${nameOf(partner)} 换班：${nameOf(partner)} 改值 12月10日（周四），${nameOf(mover)} 改值 12月25日（周五）。`)
    expect((await session('2026-12-10')).duty).toEqual(d10.duty)
    const [ok] = await h.say(nameOf(partner), '/同意 1', HP, { id: 'wx-swap-acc' })
    expect(ok).toContain('已同意 #1')
    const s10 = await session('2026-12-10')
    const s25 = await session('2026-12-25')
    expect(s10.duty).toEqual(d10.duty.map((p) => (p === mover ? partner : p)))
    expect(s25.duty).toEqual(d25.duty.map((p) => (p === partner ? mover : p)))
    for (const s of [s10, s25]) expect(s.history.at(-1)).toMatchObject({ by: partner, kind: 'swap', msgId: 'wx-swap-acc', note: expect.stringContaining('请求 #1') })
    expect(ok).toContain(`· 12月10日（周四）：`)
    expect(ok).toContain(`· 12月25日（周五）：`)
  })
})

describe('/拒绝, /撤回, /换班记录', () => {
  test('a refusal leaves the duty and tells the asker', async () => {
    h = await Harness.start({ now: NOW })
    const { a, free, d10 } = await cast()
    await h.say(nameOf(a), `/代班 12月10日 ${nameOf(free[0])}`, HP)
    const [reply] = await h.say(nameOf(free[0]), '/拒绝 #1', HP, { id: 'wx-ref-1' })
    expect(reply).toContain(`${nameOf(free[0])} 拒绝了 #1，值班不变。${nameOf(a)}`)
    expect(h.transport.sent.at(-1)!.mentions).toEqual([contact(a)])
    expect((await session('2026-12-10')).duty).toEqual(d10.duty)
    expect(await request('1')).toMatchObject({ status: 'refused', decidedBy: free[0], decidedMsgId: 'wx-ref-1' })
  })

  test('the asker withdraws; a coordinator may too; the list shows open and decided requests', async () => {
    h = await Harness.start({ now: NOW })
    const { a, b, free } = await cast()
    await h.say(nameOf(a), `/代班 12月10日 ${nameOf(free[0])}`, HP)
    await h.say(nameOf(b), `/代班 12月10日 ${nameOf(free[1])}`, HP)
    const [list] = await h.say('刘芳', '/换班记录', HP)
    expect(list).toContain('和平里工作室 · 待处理的请假、代班、换班：')
    expect(list).toContain(`#1 代班 12月10日（周四） ${nameOf(a)} → ${nameOf(free[0])}，等 ${nameOf(free[0])} 回复（12月7日（周一） 08:00 前有效）`)
    expect(list).toContain(`#2 代班 12月10日（周四） ${nameOf(b)} → ${nameOf(free[1])}`)
    expect((await h.say(nameOf(a), '/撤回 1', HP))[0]).toBe('#1 已撤回，值班不变。')
    expect((await h.say('刘芳', '/撤回 2', HP))[0]).toBe('#2 已撤回，值班不变。')
    expect(await request('1')).toMatchObject({ status: 'withdrawn', decidedBy: a })
    expect(await request('2')).toMatchObject({ status: 'withdrawn', decidedBy: 'c01' })
    const [after] = await h.say(nameOf(a), '/换班记录', HP)
    expect(after).toContain('（没有待处理的请求）')
    expect(after).toContain('近两周已处理：')
    expect(after).toContain(`#1 代班 12月10日（周四） ${nameOf(a)} → ${nameOf(free[0])}：已撤回`)
  })
})

describe('/调班 and /取消接待 (coordinators)', () => {
  test('a coordinator replaces one representative by another, fills an open seat, and opens one', async () => {
    h = await Harness.start({ now: NOW })
    const { a, b, free, d10 } = await cast()
    const [r1] = await h.say('刘芳', `/调班 12月10日 ${nameOf(a)}→${nameOf(free[0])} 临时出差`, HP, { id: 'wx-force-1' })
    expect(r1).toContain(`已调整 12月10日（周四） 的值班：${d10.duty.map(nameOf).join('、')} → ${nameOf(free[0])}、${nameOf(b)}`)
    expect((await session('2026-12-10')).history.at(-1)).toMatchObject({ by: 'c01', kind: 'force', before: d10.duty, after: [free[0], b], note: '联络员 刘芳 调班：临时出差', msgId: 'wx-force-1' })
    const [r2] = await h.say('刘芳', `/调班 12月10日 ${nameOf(b)}->`, HP)
    expect(r2).toContain('这一场还缺 1 人（不得空岗）')
    expect((await session('2026-12-10')).duty).toEqual([free[0]])
    await h.say('刘芳', `/调班 12月10日 →${nameOf(free[1])}`, HP)
    expect((await session('2026-12-10')).duty).toEqual([free[0], free[1]])
    await h.say('刘芳', `/调班 12月10日 ${nameOf(free[1])} ${nameOf(b)}`, HP)
    expect((await session('2026-12-10')).duty).toEqual([free[0], b])
  })

  test('a forced change fills an open leave; allowed during the session, not after it', async () => {
    h = await Harness.start({ now: NOW })
    const { a, b, free } = await cast()
    await h.say(nameOf(a), '/请假 12月10日', HP)
    await h.say('刘芳', `/调班 12月10日 →${nameOf(free[0])}`, HP)
    expect(await request('1')).toMatchObject({ status: 'filled', decidedBy: free[0] })
    h.clock.set(at('2026-12-10T18:30:00+08:00'))
    expect((await h.say('刘芳', `/调班 12月10日 ${nameOf(b)}→${nameOf(free[1])}`, HP))[0]).toContain('已调整')
    h.clock.set(at('2026-12-10T20:00:00+08:00'))
    expect((await h.say('刘芳', `/调班 12月10日 ${nameOf(free[1])}→${nameOf(b)}`, HP))[0]).toContain('12月10日（周四）的接待日已经结束，值班记录不能再改。')
  })

  test('cancelling a session: the group is told once, the session is never staffed again, its open requests lapse', async () => {
    h = await Harness.start({ now: NOW })
    const { d25, partner, free } = await cast()
    await h.say(nameOf(partner), `/代班 12月25日 ${nameOf(free.find((p) => !d25.duty.includes(p))!)}`, HP)
    const texts = await h.say('刘芳', '/取消接待 12月25日 社区停电检修', HP, { id: 'wx-cancel-1' })
    const notice = groupPosts('【接待日取消】和平里工作室')
    expect(notice).toHaveLength(1)
    expect(notice[0].text).toContain('12月25日（周五） 18:00–20:00 在 和平里社区党群服务中心二楼党代表工作室 的党代表接待日取消。')
    expect(notice[0].text).toContain('原因：社区停电检修')
    expect(notice[0].text).toContain(`原排定的值班代表：${d25.duty.map(nameOf).join('、')}，这一场不用到岗。`)
    expect(notice[0].mentions).toEqual(d25.duty.map(contact))
    expect(texts.join('\n')).toContain('这一场待处理的 1 条代班、换班请求随之作废。')
    const s = await session('2026-12-25')
    expect(s.cancelled).toEqual({ at: h.clock.now(), by: 'c01', reason: '社区停电检修' })
    expect(s.history.at(-1)).toMatchObject({ kind: 'cancel', by: 'c01', note: '社区停电检修', msgId: 'wx-cancel-1' })
    expect(await request('1')).toMatchObject({ status: 'cancelled' })
    expect((await h.say(nameOf(partner), '/接待日', HP))[0]).toContain('12月25日（周五） 18:00–20:00（已取消）')
    // Never announced, never staffed, never noticed again.
    await h.restart()
    await h.advanceTo('2026-12-22T09:00:00+08:00')
    expect(h.sentTo(HP).some((m) => m.text.includes('【党代表接待日公告】') && m.text.includes('12月25日'))).toBe(false)
    expect(groupPosts('【接待日取消】')).toHaveLength(1)
    expect((await session('2026-12-25')).duty).toEqual(d25.duty)
  })

  test('cancelling privately: the notice still goes to the group, the coordinator is told', async () => {
    h = await Harness.start({ now: NOW })
    const texts = await h.say('刘芳', '/取消接待 12月25日 社区停电检修')
    expect(texts).toContain('已取消 12月25日（周五） 的接待日。已在工作室群里发了通知。')
    expect(groupPosts('【接待日取消】')).toHaveLength(1)
  })
})

describe('a request for a seat filled by other means', () => {
  test('a /代班 request whose asker the coordinator took off is closed at once, the asker told, /换班记录 shows it closed', async () => {
    h = await Harness.start({ now: NOW })
    const { a, b, free } = await cast()
    await h.say(nameOf(a), `/代班 12月10日 ${nameOf(free[0])}`, HP)
    expect((await request('1')).status).toBe('open')
    const before = h.transport.sent.length
    const replies = await h.say('刘芳', `/调班 12月10日 ${nameOf(a)}→${nameOf(free[1])}`, HP)
    expect(replies[0]).toContain('已调整 12月10日（周四） 的值班')
    expect((await request('1')).status).toBe('superseded')
    expect((await request('1')).decidedAt).toBe(h.clock.now())
    const told = h.transport.sent.slice(before).filter((m) => 'contactId' in m.to && m.to.contactId === contact(a))
    expect(told.map((m) => m.text)).toEqual([
      `您的请求 #1（请 ${nameOf(free[0])} 代值 12月10日（周四） 18:00–20:00 的班）已关闭：这一场的值班已另有安排（现值班：${nameOf(free[1])}、${nameOf(b)}），不用再等对方回复。`,
    ])
    const log = (await h.say('刘芳', '/换班记录', HP))[0]
    const [pending, done] = log.split('近两周已处理：')
    expect(pending).not.toContain('#1')
    expect(done).toContain(`#1 代班 12月10日（周四） ${nameOf(a)} → ${nameOf(free[0])}：值班已另有安排，自动关闭`)
    // The one asked, answering late, hears which change closed it.
    expect((await h.say(nameOf(free[0]), '/同意 1', HP))[0]).toContain(`不能同意 #1：${nameOf(a)} 已不在 12月10日（周四） 的值班名单里`)
  })

  test('a /代班 request to someone who volunteered for that session in the meantime is closed at once', async () => {
    h = await Harness.start({ now: NOW })
    const { a, b, free } = await cast()
    await h.say(nameOf(b), '/请假 12月10日', HP)
    await h.say(nameOf(a), `/代班 12月10日 ${nameOf(free[0])}`, HP)
    const replies = await h.say(nameOf(free[0]), '/顶班 12月10日', HP)
    expect(replies.join('\n')).toContain(`您的请求 #2（请 ${nameOf(free[0])} 代值`)
    expect((await request('2')).status).toBe('superseded')
    expect((await request('1')).status).toBe('filled')
  })

  test('a request that still fits stays open', async () => {
    h = await Harness.start({ now: NOW })
    const { a, b, free } = await cast()
    await h.say(nameOf(a), `/代班 12月10日 ${nameOf(free[0])}`, HP)
    await h.say('刘芳', `/调班 12月10日 ${nameOf(b)}→${nameOf(free[1])}`, HP)
    expect((await request('1')).status).toBe('open')
  })
})

describe('/签到', () => {
  test('the duty representative checks in on the day from an hour before; a second time changes nothing', async () => {
    h = await Harness.start({ now: NOW })
    const { a, b } = await cast()
    h.clock.set(at('2026-12-10T16:59:00+08:00'))
    expect((await h.say(nameOf(a), '/签到', HP))[0]).toContain('还没到签到时间：12月10日（周四） 17:00 到 20:00 可以签到（接待开始前 1 小时起，到接待结束）。')
    h.clock.set(at('2026-12-10T17:55:00+08:00'))
    const [ok] = await h.say(nameOf(a), '/签到', HP)
    expect(ok).toContain(`${nameOf(a)} 已签到：12月10日（周四） 17:55。`)
    expect(ok).toContain(`已签到：${nameOf(a)}；未签到：${nameOf(b)}`)
    expect((await session('2026-12-10')).attendance).toEqual([{ personId: a, at: at('2026-12-10T17:55:00+08:00'), by: a }])
    expect((await h.say(nameOf(a), '/签到', HP))[0]).toContain(`${nameOf(a)} 已于 12月10日（周四） 17:55 签到过了。`)
    expect((await session('2026-12-10')).attendance).toHaveLength(1)
  })

  test('after the session has ended a representative can no longer check in: told when it was possible, nothing recorded', async () => {
    h = await Harness.start({ now: NOW })
    const { a } = await cast()
    h.clock.set(at('2026-12-10T20:00:00+08:00'))
    // The last minute of the session still counts.
    expect((await h.say(nameOf(a), '/签到', HP))[0]).toContain(`${nameOf(a)} 已签到：12月10日（周四） 20:00。`)
    h.clock.set(at('2026-12-10T21:00:00+08:00'))
    const { b } = await cast()
    const [late] = await h.say(nameOf(b), '/签到', HP)
    expect(late).toBe('12月10日（周四）的接待已经结束，不能再签到了：签到时间是 17:00 到 20:00（接待开始前 1 小时起，到接待结束）。当时到岗没签上的，请联系联络员补签。')
    expect((await session('2026-12-10')).attendance.map((x) => x.personId)).toEqual([a])
  })

  test('a coordinator’s check-in for someone, also days later, is a 补签 with the session’s time and the time it was recorded', async () => {
    h = await Harness.start({ now: NOW })
    const { a, b } = await cast()
    h.clock.set(at('2026-12-14T10:00:00+08:00'))
    const [ok] = await h.say('刘芳', `/签到 ${nameOf(b)} 12月10日`, HP)
    expect(ok).toBe(`已为 ${nameOf(b)} 补签：12月10日（周四） 18:00 的接待日（刘芳 于 12月14日（周一） 10:00 登记为补签）。\n已签到：${nameOf(b)}（补签）；未签到：${nameOf(a)}`)
    expect(ok).not.toContain('12月10日（周四） 10:00')
    expect((await session('2026-12-10')).attendance).toEqual([
      { personId: b, at: at('2026-12-10T18:00:00+08:00'), by: 'c01', backfill: true, recordedAt: at('2026-12-14T10:00:00+08:00') },
    ])
    expect((await h.say('刘芳', `/签到 ${nameOf(b)} 12月10日`, HP))[0]).toBe(`${nameOf(b)} 这一场已经补签过了（12月14日（周一） 10:00 登记）。`)
    expect((await h.say(nameOf(a), `/签到 ${nameOf(b)} 12月10日`, HP))[0]).toContain('只有联络员可以替别人签到')
    expect((await h.say(nameOf(a), '/签到 12月10日', HP))[0]).toContain('代表本人只能在接待日当天签到')
    expect((await session('2026-12-10')).attendance).toHaveLength(1)
  })

  test('a coordinator’s check-in for someone during the session is a 补签 too; the representative’s own stays a check-in', async () => {
    h = await Harness.start({ now: NOW })
    const { a, b } = await cast()
    h.clock.set(at('2026-12-10T18:20:00+08:00'))
    await h.say(nameOf(a), '/签到', HP)
    const [ok] = await h.say('刘芳', `/签到 ${nameOf(b)}`, HP)
    expect(ok).toContain(`已为 ${nameOf(b)} 补签：12月10日（周四） 18:00 的接待日（刘芳 于 12月10日（周四） 18:20 登记为补签）。`)
    expect(ok).toContain(`已签到：${nameOf(a)}、${nameOf(b)}（补签）`)
    expect((await session('2026-12-10')).attendance).toEqual([
      { personId: a, at: at('2026-12-10T18:20:00+08:00'), by: a },
      { personId: b, at: at('2026-12-10T18:00:00+08:00'), by: 'c01', backfill: true, recordedAt: at('2026-12-10T18:20:00+08:00') },
    ])
  })

  test('refusals: not on duty, no session today, a cancelled session', async () => {
    h = await Harness.start({ now: NOW })
    const { free } = await cast()
    expect((await h.say(nameOf(free[0]), '/签到', HP))[0]).toBe('和平里工作室 今天没有接待日，不用签到。')
    h.clock.set(at('2026-12-10T18:10:00+08:00'))
    expect((await h.say(nameOf(free[0]), '/签到', HP))[0]).toContain(`${nameOf(free[0])} 不在 12月10日（周四） 的值班名单里`)
    expect((await h.say('刘芳', '/签到', HP))[0]).toContain('请写要签到的代表')
  })
})

describe('corrections after the announcement', () => {
  test('a leave and then a volunteer on an announced session each post a correction naming what changed', async () => {
    h = await Harness.start({ now: NOW })
    await h.advanceTo('2026-12-07T09:00:00+08:00')
    const { a, b, free, d10 } = await cast()
    expect(groupPosts('【党代表接待日公告】')).toHaveLength(1)
    const texts = await h.say(nameOf(a), '/请假 12月10日 临时出差', HP)
    expect(texts.join('\n')).toContain('这一场已经公告过，已在群里发了更正。')
    let corr = groupPosts('【更正】和平里工作室 2026年12月10日（周四）')
    expect(corr).toHaveLength(1)
    expect(corr[0].text).toContain(`原公告：${d10.duty.map(nameOf).join('、')}`)
    expect(corr[0].text).toContain(`现改为：${nameOf(b)}（尚缺 1 人）`)
    expect(corr[0].text).toContain(`不再值班：${nameOf(a)}`)
    expect(corr[0].text).toContain(`说明：${nameOf(a)} 请假（临时出差），请求 #1`)
    await h.say(nameOf(free[0]), '/顶班 12月10日', HP)
    corr = groupPosts('【更正】和平里工作室 2026年12月10日（周四）')
    expect(corr).toHaveLength(2)
    expect(corr[1].text).toContain(`原公告：${nameOf(b)}`)
    expect(corr[1].text).toContain(`新增：${nameOf(free[0])}`)
    expect(corr[1].text).toContain(`说明：${nameOf(free[0])} 顶班`)
    expect(corr[1].mentions).toEqual(expect.arrayContaining([contact(free[0]), contact(b)]))
    // An accepted substitute too, with who asked whom.
    await h.say(nameOf(b), `/代班 12月10日 ${nameOf(free[1])}`, HP)
    await h.say(nameOf(free[1]), '/同意 2', HP)
    corr = groupPosts('【更正】和平里工作室 2026年12月10日（周四）')
    expect(corr).toHaveLength(3)
    expect(corr[2].text).toContain(`说明：${nameOf(b)} 请 ${nameOf(free[1])} 代班，请求 #2`)
    // Restarts and due-checks add none.
    await h.restart()
    await h.advanceTo('2026-12-08T09:00:00+08:00')
    expect(groupPosts('【更正】')).toHaveLength(3)
  })
})

describe('expiry', () => {
  test('an unanswered request lapses after expireHours: marked expired, the asker told once, accepting it refused', async () => {
    h = await Harness.start({ now: NOW })
    const { a, free, d10 } = await cast()
    await h.say(nameOf(a), `/代班 12月10日 ${nameOf(free[0])}`, HP)
    expect((await h.advanceTo('2026-12-07T07:59:00+08:00')).filter((m) => m.text.includes('已过期'))).toEqual([])
    expect((await request('1')).status).toBe('open')
    const out = await h.advanceTo('2026-12-07T08:00:00+08:00')
    const notice = out.filter((m) => m.text.includes('您的请求 #1'))
    expect(notice).toHaveLength(1)
    expect(notice[0].to).toEqual({ contactId: contact(a) })
    expect(notice[0].text).toContain(`请 ${nameOf(free[0])} 代值 12月10日（周四） 18:00–20:00 的班）已过期`)
    expect(await request('1')).toMatchObject({ status: 'expired', decidedBy: 'system' })
    await h.restart()
    await h.advanceTo('2026-12-07T09:00:00+08:00')
    expect(h.transport.sent.filter((m) => m.text.includes('您的请求 #1'))).toHaveLength(1)
    expect((await h.say(nameOf(free[0]), '/同意 1', HP))[0]).toContain('#1 已在 12月7日（周一） 08:00 过期')
    expect((await session('2026-12-10')).duty).toEqual(d10.duty)
  })

  test('a request always lapses before the session starts', async () => {
    h = await Harness.start({ now: '2026-12-10T10:00:00+08:00' })
    const s = await session('2026-12-10')
    const other = reps().find((p) => !s.duty.includes(p))!
    await h.say(nameOf(s.duty[0]), `/代班 12月10日 ${nameOf(other)}`, HP)
    expect((await request('1')).expiresAt).toBe(at('2026-12-10T18:00:00+08:00'))
    await h.advanceTo('2026-12-10T18:00:00+08:00')
    expect((await request('1')).status).toBe('expired')
  })

  test('a leave whose seat nobody took lapses when the session starts', async () => {
    h = await Harness.start({ now: NOW })
    const { a } = await cast()
    await h.say(nameOf(a), '/请假 12月10日', HP)
    await h.advanceTo('2026-12-10T18:00:00+08:00')
    expect(await request('1')).toMatchObject({ status: 'expired' })
    expect(h.transport.sent.filter((m) => m.text.includes('您的请求 #1'))).toEqual([])
  })
})

describe('replays', () => {
  test('a replayed /同意 does nothing, even after a crash and restart (its id only in the log record of the change)', async () => {
    h = await Harness.start({ now: NOW })
    const { a, free } = await cast()
    await h.say(nameOf(a), `/代班 12月10日 ${nameOf(free[0])}`, HP, { id: 'wx-req' })
    await h.say(nameOf(free[0]), '/同意 1', HP, { id: 'wx-acc' })
    const after = structuredClone(await session('2026-12-10'))
    expect(await h.say(nameOf(free[0]), '/同意 1', HP, { id: 'wx-acc' })).toEqual([])
    await h.app.idle()
    await h.restart({ crash: true })
    expect(await h.say(nameOf(free[0]), '/同意 1', HP, { id: 'wx-acc' })).toEqual([])
    expect(await h.say(nameOf(a), `/代班 12月10日 ${nameOf(free[0])}`, HP, { id: 'wx-req' })).toEqual([])
    expect(await session('2026-12-10')).toEqual(after)
    expect(h.store.state.data.counters['swaps.seq']).toBe(1)
  })

  test('a replayed /拒绝 and /撤回 after a crash and restart do nothing either', async () => {
    h = await Harness.start({ now: NOW })
    const { a, b, free } = await cast()
    await h.say(nameOf(a), `/代班 12月10日 ${nameOf(free[0])}`, HP)
    await h.say(nameOf(b), `/代班 12月10日 ${nameOf(free[1])}`, HP)
    await h.say(nameOf(free[0]), '/拒绝 1', HP, { id: 'wx-ref' })
    await h.say(nameOf(b), '/撤回 2', HP, { id: 'wx-wd' })
    await h.app.idle()
    await h.restart({ crash: true })
    expect(await h.say(nameOf(free[0]), '/拒绝 1', HP, { id: 'wx-ref' })).toEqual([])
    expect(await h.say(nameOf(b), '/撤回 2', HP, { id: 'wx-wd' })).toEqual([])
  })
})

test('/帮助 lists the duty-change commands a representative may use, with examples', async () => {
  h = await Harness.start({ now: NOW })
  const [rep] = await h.say('张明华', '/帮助', HP)
  for (const usage of ['/请假 <日期> [理由]', '/代班 <日期> <代表>', '/换班 <我的日期> <对方的日期> <代表>', '/顶班 <日期>', '/同意 <编号>', '/拒绝 <编号>', '/撤回 <编号>', '/换班记录', '/签到'])
    expect(rep).toContain(usage)
  expect(rep).not.toContain('/调班')
  expect(rep).not.toContain('/取消接待')
  const [coord] = await h.say('刘芳', '/帮助', HP)
  for (const usage of ['/调班 <日期> <原代表>→<新代表> [理由]', '/取消接待 <日期> <理由>', '/签到 [代表] [日期]']) expect(coord).toContain(usage)
  expect((await h.say('刘芳', '/帮助 调班', HP))[0]).toContain('例：/调班 12月10日 张明华→陈志强 临时出差')
})
