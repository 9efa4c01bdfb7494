/**
 * The roster commands through the production dispatcher: /接待日 /值班表 /我的值班 /日历 /排班, each
 * success and each kind of bad input (the reply says how to do it right, and nothing changes).
 * The sample district: config/demo.yaml; "today" is 2026-12-06 (a Sunday).
 */
import { Harness, demoConfig } from '../support/harness.js'
import { snapshot } from '../support/issues.js'

const HP = 'hpl'
const NOW = '2026-12-06T08:00:00+08:00'
let h: Harness
afterEach(async () => {
  await h.close()
})

const person = (id: string) => h.config.people.find((p) => p.id === id)!
const nameOf = (id: string) => person(id).name
const session = async (date: string, studio = HP) => (await h.app.deps.roster.sessionOn(studio, date))!
/** A representative joins 小白楼 after the roster was planned: planning keeps every seat, so they have no duty yet. */
const newcomerJoins = async () => {
  await h.app.idle()
  const config = demoConfig((t) => `${t}\n  - { id: p99, name: 新代表, unit: 小白楼社区居委会, position: 委员, studio: xbl, roles: [representative], wechatId: demo-p99 }\n`)
  h = await Harness.start({ now: NOW, config, dir: h.dir })
}
const repsOf = (studio: string) => h.config.people.filter((p) => p.studio === studio && p.roles.includes('representative')).map((p) => p.id)

describe('/接待日', () => {
  test('in the group: the next sessions with date, weekday, time, place and who is on duty', async () => {
    h = await Harness.start({ now: NOW })
    const [reply] = await h.say('张明华', '/接待日', HP)
    expect(reply).toContain('和平里工作室 · 接下来的接待日')
    expect(reply).toContain('地点：和平里社区党群服务中心二楼党代表工作室')
    expect(reply).toContain('12月10日（周四） 18:00–20:00')
    const s = await session('2026-12-10')
    expect(reply).toContain(`值班：${s.duty.map(nameOf).join('、')}`)
    expect(reply.match(/18:00–20:00/g)).toHaveLength(4)
    // The listed sessions reach January 2027, which chinese-days does not cover yet.
    expect(reply).toContain('2027年的国务院放假安排还没有载入，暂按临时日历推算')
  })

  test('privately: the asker’s own studio; an admin names one; an unknown name lists the studios', async () => {
    h = await Harness.start({ now: NOW })
    expect((await h.say('孙伟', '/接待日'))[0]).toContain('七一社区工作室 · 接下来的接待日')
    expect((await h.say('钱敏', '/接待日'))[0]).toContain('请在工作室群里使用，或在命令后写上工作室名称')
    expect((await h.say('钱敏', '/接待日 小白楼'))[0]).toContain('小白楼工作室 · 接下来的接待日')
    expect((await h.say('钱敏', '/接待日 火星'))[0]).toContain('没有找到工作室“火星”')
  })

  test('a session already under way is still listed until it ends', async () => {
    h = await Harness.start({ now: NOW })
    h.clock.set(Date.parse('2026-12-10T18:30:00+08:00'))
    expect((await h.say('张明华', '/接待日', HP))[0]).toContain('12月10日（周四）')
    h.clock.set(Date.parse('2026-12-10T20:01:00+08:00'))
    expect((await h.say('张明华', '/接待日', HP))[0]).not.toContain('12月10日（周四）')
  })
})

describe('/值班表', () => {
  test('this month by default, a named month, and months beyond the horizon as 待排班', async () => {
    h = await Harness.start({ now: NOW })
    const [dec] = await h.say('刘芳', '/值班表', HP)
    expect(dec).toContain('和平里工作室 · 2026年12月值班表')
    expect(dec).toContain('12月10日（周四）')
    expect(dec).toContain('12月25日（周五）')
    const [jan] = await h.say('刘芳', '/值班表 2027年1月', HP)
    expect(jan).toContain('1月11日（周一）') // 10 Jan 2027 is a Sunday
    expect(jan).toContain((await session('2027-01-11')).duty.map(nameOf).join('、'))
    const [mar] = await h.say('刘芳', '/值班表 2027年3月', HP)
    expect(mar).toContain('3月10日（周三） 18:00–20:00\n  值班：待排班')
    expect((await h.say('刘芳', '/值班表 下月', HP))[0]).toContain('2027年1月值班表')
    expect((await h.say('刘芳', '/值班表 2027 年 1 月', HP))[0]).toContain('2027年1月值班表')
  })

  test('a month and a studio in either order; a past month shows what was held', async () => {
    h = await Harness.start({ now: NOW })
    expect((await h.say('钱敏', '/值班表 七一 12月'))[0]).toContain('七一社区工作室 · 2026年12月值班表')
    expect((await h.say('钱敏', '/值班表 12月 七一'))[0]).toContain('七一社区工作室 · 2026年12月值班表')
    expect((await h.say('刘芳', '/值班表 2026年10月', HP))[0]).toBe('和平里工作室 2026年10月没有接待日。')
  })

  test('bad months', async () => {
    h = await Harness.start({ now: NOW })
    expect((await h.say('刘芳', '/值班表 13月', HP))[0]).toContain('没有13月')
    expect((await h.say('刘芳', '/值班表 2026年13月', HP))[0]).toContain('没有13月')
    expect((await h.say('刘芳', '/值班表 12x', HP))[0]).toContain('看不懂月份“12x”')
  })
})

describe('/我的值班', () => {
  test('a representative’s coming duties with their partners, in the group and privately', async () => {
    h = await Harness.start({ now: NOW })
    const dec10 = await session('2026-12-10')
    const me = dec10.duty[0]
    const partner = dec10.duty[1]
    for (const where of [HP, 'private']) {
      const [reply] = await h.say(nameOf(me), '/我的值班', where)
      expect(reply).toContain(`${nameOf(me)} 接下来的值班`)
      expect(reply).toContain(`12月10日（周四） 18:00–20:00 和平里工作室（同班：${nameOf(partner)}）`)
    }
  })

  test('not a representative: refused; a representative without duties: says so', async () => {
    h = await Harness.start({ now: NOW })
    expect((await h.say('刘芳', '/我的值班'))[0]).toContain('只有党代表可以使用')
    await newcomerJoins()
    expect((await h.say('p99', '/我的值班'))[0]).toBe('新代表 近期没有值班安排。')
  })
})

/** The .ics text unfolded (RFC 5545 continuation lines joined). */
const unfold = (ics: string) => ics.replace(/\r\n[ \t]/g, '')
const events = (ics: string) => unfold(ics).split('BEGIN:VEVENT').slice(1)
const field = (ev: string, name: string) => new RegExp(`^${name}[;:](.*)$`, 'm').exec(ev)?.[1]

describe('/日历', () => {
  test('a representative in the group gets their own duties privately as an .ics file, times in Asia/Shanghai', async () => {
    h = await Harness.start({ now: NOW })
    const dec10 = await session('2026-12-10')
    const me = dec10.duty[0]
    const before = h.transport.sent.length
    const texts = await h.say(nameOf(me), '/日历', HP)
    expect(texts[0]).toContain('日历文件已私聊发给您')
    const sent = h.transport.sent.slice(before)
    expect(sent[0].to).toEqual({ roomId: 'demo-hpl@chatroom' })
    const file = sent.find((m) => m.file)!
    expect(file.to).toEqual({ contactId: person(me).wechatId })
    expect(file.file!.name).toBe(`${nameOf(me)}-接待日.ics`)
    const ics = file.file!.data.toString('utf8')
    expect(ics).toContain('BEGIN:VCALENDAR')
    expect(ics).toContain('TZID:Asia/Shanghai')
    const mine = (await h.app.deps.roster.dutiesOf(me, '2026-01-01', '2027-02-28')).map((s) => s.date)
    expect(events(ics)).toHaveLength(mine.length)
    const ev = events(ics).find((e) => field(e, 'UID') === 'hpl/2026-12-10@lianxinqiao')!
    expect(field(ev, 'DTSTART')).toBe('TZID=Asia/Shanghai:20261210T180000')
    expect(field(ev, 'DTEND')).toBe('TZID=Asia/Shanghai:20261210T200000')
    expect(field(ev, 'LOCATION')).toBe('和平里社区党群服务中心二楼党代表工作室')
    expect(field(ev, 'SUMMARY')).toBe('党代表接待日 · 和平里工作室')
    expect(field(ev, 'DESCRIPTION')).toContain(nameOf(dec10.duty[1]))
    // A text line comes with the file in the private chat.
    expect(sent.some((m) => 'contactId' in m.to && m.text.includes('已把'))).toBe(true)
  })

  test('a coordinator privately gets the studio’s sessions', async () => {
    h = await Harness.start({ now: NOW })
    const before = h.transport.sent.length
    await h.say('刘芳', '/日历')
    const file = h.transport.sent.slice(before).find((m) => m.file)!
    expect(file.file!.name).toBe('和平里工作室-接待日.ics')
    const all = await h.app.deps.roster.sessionsBetween(HP, '2026-01-01', '2027-02-28', { includeCancelled: true })
    expect(events(file.file!.data.toString('utf8'))).toHaveLength(all.length)
  })

  test('refused to strangers; a person with nothing to put in gets a line, no file', async () => {
    h = await Harness.start({ now: NOW })
    expect((await h.say('demo-guest', '/日历'))[0]).toContain('只有党代表、联络员或联络室管理员可以使用')
    await newcomerJoins()
    const before = h.transport.sent.length
    expect((await h.say('p99', '/日历'))[0]).toBe('目前没有可放进日历的值班安排。')
    expect(h.transport.sent.slice(before).some((m) => m.file)).toBe(false)
  })
})

describe('/排班', () => {
  test('a coordinator sets a session’s duty; the change is recorded with who, when and the message', async () => {
    h = await Harness.start({ now: NOW })
    const s = structuredClone(await session('2026-12-25'))
    const [a, b] = repsOf(HP).filter((p) => !s.duty.includes(p))
    const [reply] = await h.say('刘芳', `/排班 12月25日 ${nameOf(a)} ${nameOf(b)}`, HP, { id: 'wx-set-1' })
    expect(reply).toContain(`已调整 12月25日（周五） 的值班：${s.duty.map(nameOf).join('、')} → ${nameOf(a)}、${nameOf(b)}`)
    expect(reply).not.toContain('更正')
    const after = await session('2026-12-25')
    expect(after.duty).toEqual([a, b])
    expect(after.history.at(-1)).toEqual({ at: h.clock.now(), by: 'c01', kind: 'set', before: s.duty, after: [a, b], msgId: 'wx-set-1' })
    // Nothing was announced yet: no correction in the group.
    expect(h.sentTo(HP).some((m) => m.text.includes('【更正】'))).toBe(false)
    // The planner keeps a hand-set duty.
    await h.restart()
    expect((await session('2026-12-25')).duty).toEqual([a, b])
  })

  test('other date forms and @mentions', async () => {
    h = await Harness.start({ now: NOW })
    const [a, b, c] = repsOf(HP)
    expect((await h.say('刘芳', `/排班 12/25 ${nameOf(a)}、${nameOf(b)}`, HP))[0]).toContain('已调整 12月25日')
    expect((await session('2026-12-25')).duty).toEqual([a, b])
    expect((await h.say('刘芳', `/排班 2026-12-25 @${nameOf(c)} @${nameOf(a)}`, HP, { mentions: [c, a] }))[0]).toContain('已调整')
    expect((await session('2026-12-25')).duty).toEqual([c, a])
    expect((await h.say('刘芳', `/排班 本月25日 ${a} ${c}`, HP))[0]).toContain('已调整') // person ids work too
    expect((await h.say('刘芳', `/排班 12.25 ${nameOf(c)} ${nameOf(b)}`))[0]).toContain('已调整 12月25日') // privately: her own studio
    expect((await session('2026-12-25')).duty).toEqual([c, b])
    // 下周四 from Sunday 6 Dec is 10 Dec.
    expect((await h.say('刘芳', `/排班 下周四 ${nameOf(b)} ${nameOf(c)}`, HP))[0]).toContain('已调整 12月10日（周四）')
    // A session beyond the planning horizon is created when the rule yields the date.
    expect((await h.say('刘芳', `/排班 2027年3月10日 ${nameOf(a)} ${nameOf(b)}`, HP))[0]).toContain('已调整 3月10日（周三）')
    expect((await session('2027-03-10')).duty).toEqual([a, b])
  })

  test('after the announcement: a correction in the group, once, @mentioning who is in and who is out', async () => {
    h = await Harness.start({ now: NOW })
    await h.advanceTo('2026-12-07T09:00:00+08:00')
    const s = structuredClone(await session('2026-12-10'))
    const sub = repsOf(HP).find((p) => !s.duty.includes(p))!
    const texts = await h.say('刘芳', `/排班 12月10日 ${nameOf(s.duty[0])} ${nameOf(sub)}`, HP)
    expect(texts.some((t) => t.includes('这一场已经公告过，已在群里发了更正'))).toBe(true)
    const corr = h.sentTo(HP).filter((m) => m.text.includes('【更正】和平里工作室 2026年12月10日（周四）'))
    expect(corr).toHaveLength(1)
    expect(corr[0].text).toContain(`原公告：${s.duty.map(nameOf).join('、')}`)
    expect(corr[0].text).toContain(`现改为：${nameOf(s.duty[0])}、${nameOf(sub)}`)
    expect(corr[0].mentions).toEqual(expect.arrayContaining([person(sub).wechatId, person(s.duty[1]).wechatId]))
    await h.restart()
    await h.advanceTo('2026-12-08T09:00:00+08:00')
    expect(h.sentTo(HP).filter((m) => m.text.includes('【更正】'))).toHaveLength(1)
  })

  test('a replayed /排班 changes nothing, even after a crash and restart (its id only in the log record of the change)', async () => {
    h = await Harness.start({ now: NOW })
    const [a, b, c] = repsOf(HP)
    await h.say('刘芳', `/排班 12月25日 ${nameOf(a)} ${nameOf(b)}`, HP, { id: 'wx-500' })
    await h.say('刘芳', `/排班 12月25日 ${nameOf(b)} ${nameOf(c)}`, HP, { id: 'wx-501' })
    await h.app.idle()
    await h.restart({ crash: true })
    expect(await h.say('刘芳', `/排班 12月25日 ${nameOf(a)} ${nameOf(b)}`, HP, { id: 'wx-500' })).toEqual([])
    expect((await session('2026-12-25')).duty).toEqual([b, c])
  })

  test.each([
    ['/排班', '用法：/排班 <日期> <代表1>'],
    ['/排班 2月30日 张明华', '2月30日这一天'],
    ['/排班 2026-02-30 张明华', '没有2026年2月30日这一天'],
    ['/排班 明年某天 张明华', '看不懂日期“明年某天”'],
    ['/排班 12月1日 张明华', '12月1日（周二）已经过去了'],
    ['/排班 12月10日周五 张明华', '日期和星期对不上：12月10日（周四）不是周五'],
    ['/排班 12月11日 张明华 李秀兰', '和平里工作室 12月11日（周五）没有接待日。近期接待日：12月10日（周四）、12月25日（周五）'],
    ['/排班 12月10日', '请写上值班代表的姓名（这一场需要 2 位）'],
    ['/排班 12月10日 张三丰', '名册里没有“张三丰”'],
    ['/排班 12月10日 张明华 孙伟', '孙伟 不是和平里工作室的在册党代表'],
    ['/排班 12月10日 张明华 张明华', '张明华 写了两次'],
    ['/排班 12月10日 张明华 李秀兰 王建国', '这一场只需要 2 位代表，您写了 3 位'],
    ['/排班 12月10日 张明华 刘芳', '刘芳 不是和平里工作室的在册党代表'],
  ])('%s → %s, and nothing changes', async (text, expected) => {
    h = await Harness.start({ now: NOW })
    await h.app.idle()
    const before = snapshot(h.dir)
    const [reply] = await h.say('刘芳', text, HP)
    expect(reply).toContain(expected)
    await h.app.idle()
    expect(snapshot(h.dir)).toEqual(before)
  })

  test('the same duty again: says so and records nothing; a shorter duty warns about the gap', async () => {
    h = await Harness.start({ now: NOW })
    const s = structuredClone(await session('2026-12-25'))
    expect((await h.say('刘芳', `/排班 12月25日 ${s.duty.map(nameOf).join(' ')}`, HP))[0]).toContain('本来就是')
    expect((await session('2026-12-25')).history).toHaveLength(1)
    expect((await h.say('刘芳', `/排班 12月25日 ${nameOf(s.duty[0])}`, HP))[0]).toContain('这一场还缺 1 人（不得空岗）')
  })

  test('who may: a representative or another studio’s coordinator is refused', async () => {
    h = await Harness.start({ now: NOW })
    await h.app.idle()
    const before = snapshot(h.dir)
    expect((await h.say('张明华', '/排班 12月10日 张明华 李秀兰', HP))[0]).toContain('只有联络员或联络室管理员可以使用')
    expect((await h.say('高翔', '/排班 12月10日 张明华 李秀兰', HP, { name: '高翔' }))[0]).toContain('只有联络员或联络室管理员可以使用')
    await h.app.idle()
    expect(snapshot(h.dir)).toEqual(before)
    // An admin may, in the studio's group.
    expect((await h.say('钱敏', '/排班 12月10日 王建国 赵丽娟', HP))[0]).toContain('已调整')
  })

  test('a session that has ended cannot be changed', async () => {
    h = await Harness.start({ now: NOW })
    h.clock.set(Date.parse('2026-12-10T20:30:00+08:00'))
    expect((await h.say('刘芳', '/排班 12月10日 王建国 赵丽娟', HP))[0]).toContain('12月10日（周四）的接待日已经结束')
  })
})

test('/帮助 lists the roster commands with examples', async () => {
  h = await Harness.start({ now: NOW })
  const [reply] = await h.say('马俊', '/帮助', 'qyl') // coordinator and representative: sees all five
  for (const usage of ['/接待日', '/值班表 [月份]', '/我的值班', '/日历', '/排班 <日期>']) expect(reply).toContain(usage)
  expect((await h.say('刘芳', '/帮助 排班', HP))[0]).toContain('例：/排班 12月10日 张明华 李秀兰')
})
