/**
 * Every bad input to the duty-change commands gets a clear reply that says what is wrong (and how to do it
 * right) and changes nothing: the data folder is the same before and after (state.json's ring of seen
 * message ids aside). "Today" is 2026-12-06; 和平里工作室 meets on the 10th and 25th.
 */
import { Harness } from '../support/harness.js'
import { snapshot } from '../support/issues.js'

const HP = 'hpl'
const NOW = '2026-12-06T08:00:00+08:00'
let h: Harness
afterEach(async () => {
  await h.close()
})

interface Cast {
  a: string
  b: string
  free: string[]
  mover: string
  partner: string
  /** On neither 12月10日 nor 12月25日. */
  idle: string
  n: (id: string) => string
}

async function start(): Promise<Cast> {
  h = await Harness.start({ now: NOW })
  const d10 = (await h.app.deps.roster.sessionOn(HP, '2026-12-10'))!
  const d25 = (await h.app.deps.roster.sessionOn(HP, '2026-12-25'))!
  const reps = h.config.people.filter((p) => p.studio === HP && p.roles.includes('representative')).map((p) => p.id)
  const [a, b] = d10.duty
  return {
    a,
    b,
    free: reps.filter((p) => !d10.duty.includes(p)),
    mover: d10.duty.find((p) => !d25.duty.includes(p))!,
    partner: d25.duty.find((p) => !d10.duty.includes(p))!,
    idle: reps.find((p) => !d10.duty.includes(p) && !d25.duty.includes(p))!,
    n: (id: string) => h.config.people.find((p) => p.id === id)!.name,
  }
}

interface Case {
  /** Steps before the bad input (they may change data). */
  setup?: (c: Cast) => Promise<void>
  /** Who says what (in the 和平里 group unless `where`). */
  say: (c: Cast) => [string, string, { mentions?: string[]; where?: string }?]
  expect: (c: Cast) => string
}

const cases: Record<string, Case> = {
  'unknown person': { say: (c) => [c.a, '/代班 12月10日 张三丰'], expect: () => '名册里没有“张三丰”' },
  'ambiguous name (two 张伟 in 小白楼工作室)': {
    say: () => ['p10', '/代班 12月9日 张伟', { where: 'xbl' }],
    expect: () => '名册里有多位“张伟”：张伟（和平区卫健委，编号 p13）',
  },
  'proposing yourself as substitute': { say: (c) => [c.a, `/代班 12月10日 ${c.n(c.a)}`], expect: () => '不能请自己代班或换班' },
  'proposing yourself for a swap': { say: (c) => [c.mover, `/换班 12月10日 12月25日 ${c.n(c.mover)}`], expect: () => '不能请自己代班或换班' },
  'a date with no session': {
    say: (c) => [c.a, '/请假 12月11日'],
    expect: () => '和平里工作室 12月11日（周五）没有接待日。近期接待日：12月10日（周四）、12月25日（周五）',
  },
  'a past date': { say: (c) => [c.a, '/请假 12月1日'], expect: () => '12月1日（周二）已经过去了' },
  'an impossible date': { say: (c) => [c.a, '/顶班 2月30日'], expect: () => '没有2027年2月30日这一天' },
  'leave from a session you are not on': { say: (c) => [c.free[0], '/请假 12月10日'], expect: (c) => `您不在 12月10日（周四） 的值班名单里（值班：${c.n(c.a)}、${c.n(c.b)}）` },
  'substitute for a session you are not on': { say: (c) => [c.free[0], `/代班 12月10日 ${c.n(c.free[1])}`], expect: () => '您不在 12月10日（周四） 的值班名单里' },
  'substitute who is already on the session': { say: (c) => [c.a, `/代班 12月10日 ${c.n(c.b)}`], expect: (c) => `${c.n(c.b)} 已经在 12月10日（周四） 的值班名单里了` },
  'substitute from another studio': { say: (c) => [c.a, '/代班 12月10日 孙伟'], expect: () => '孙伟 不是和平里工作室的在册党代表' },
  'swap where the other side is not on the named session': {
    say: (c) => [c.mover, `/换班 12月10日 12月25日 ${c.n(c.idle)}`],
    expect: (c) => `${c.n(c.idle)} 不在 12月25日（周五） 的值班名单里`,
  },
  'swap of one session with itself': { say: (c) => [c.a, `/换班 12月10日 12月10日 ${c.n(c.free[0])}`], expect: () => '两个日期是同一场' },
  'swap from a session you are not on': { say: (c) => [c.idle, `/换班 12月10日 12月25日 ${c.n(c.partner)}`], expect: () => '您不在 12月10日（周四） 的值班名单里' },
  'no name given': { say: (c) => [c.a, '/代班 12月10日'], expect: () => '请写上您要请的代表' },
  'no date given': { say: (c) => [c.a, '/请假'], expect: () => '用法：/请假 <日期> [理由]' },
  'accepting a request meant for someone else': {
    setup: async (c) => void (await h.say(c.a, `/代班 12月10日 ${c.n(c.free[0])}`, HP)),
    say: (c) => [c.free[1], '/同意 1'],
    expect: (c) => `#1 是请 ${c.n(c.free[0])} 的，只有 ${c.n(c.free[0])} 本人可以回复`,
  },
  'accepting your own request': {
    setup: async (c) => void (await h.say(c.a, `/代班 12月10日 ${c.n(c.free[0])}`, HP)),
    say: (c) => [c.a, '/同意 1'],
    expect: () => '#1 是您自己发出的',
  },
  'accepting twice': {
    setup: async (c) => {
      await h.say(c.a, `/代班 12月10日 ${c.n(c.free[0])}`, HP)
      await h.say(c.free[0], '/同意 1', HP)
    },
    say: (c) => [c.free[0], '/同意 1'],
    expect: (c) => `#1 已同意（12月6日（周日） 08:00，${c.n(c.free[0])}），不能再处理`,
  },
  'refusing after accepting': {
    setup: async (c) => {
      await h.say(c.a, `/代班 12月10日 ${c.n(c.free[0])}`, HP)
      await h.say(c.free[0], '/同意 1', HP)
    },
    say: (c) => [c.free[0], '/拒绝 1'],
    expect: () => '#1 已同意',
  },
  'accepting a request whose time is up (before the expiry job ran)': {
    setup: async (c) => {
      await h.say(c.a, `/代班 12月10日 ${c.n(c.free[0])}`, HP)
      h.clock.set(Date.parse('2026-12-07T08:00:00+08:00'))
    },
    say: (c) => [c.free[0], '/同意 1'],
    expect: () => '#1 已在 12月7日（周一） 08:00 过期，不能再同意',
  },
  'accepting an expired request': {
    setup: async (c) => {
      await h.say(c.a, `/代班 12月10日 ${c.n(c.free[0])}`, HP)
      await h.advanceTo('2026-12-07T09:00:00+08:00')
    },
    say: (c) => [c.free[0], '/同意 1'],
    expect: () => '#1 已在 12月7日（周一） 09:00 过期',
  },
  'accepting a withdrawn request': {
    setup: async (c) => {
      await h.say(c.a, `/代班 12月10日 ${c.n(c.free[0])}`, HP)
      await h.say(c.a, '/撤回 1', HP)
    },
    say: (c) => [c.free[0], '/同意 1'],
    expect: (c) => `#1 已撤回（12月6日（周日） 08:00，${c.n(c.a)}），不能再处理`,
  },
  'accepting a refused request': {
    setup: async (c) => {
      await h.say(c.a, `/代班 12月10日 ${c.n(c.free[0])}`, HP)
      await h.say(c.free[0], '/拒绝 1', HP)
    },
    say: (c) => [c.free[0], '/同意 1'],
    expect: () => '#1 已拒绝',
  },
  'two conflicting requests: the second to be accepted': {
    setup: async (c) => {
      await h.say(c.a, `/代班 12月10日 ${c.n(c.free[0])}`, HP)
      await h.say(c.a, `/代班 12月10日 ${c.n(c.free[1])}`, HP)
      h.clock.set(Date.parse('2026-12-06T10:05:00+08:00'))
      await h.say(c.free[0], '/同意 1', HP)
    },
    say: (c) => [c.free[1], '/同意 2'],
    expect: (c) =>
      `不能同意 #2：${c.n(c.a)} 已不在 12月10日（周四） 的值班名单里（12月6日（周日） 10:05 ${c.n(c.a)} 请 ${c.n(c.free[0])} 代班，请求 #1）。这条请求与已生效的调整冲突，值班没有改动。`,
  },
  'a request overtaken by a volunteer: the one asked is already on the session': {
    setup: async (c) => {
      await h.say(c.a, `/代班 12月10日 ${c.n(c.free[0])}`, HP)
      await h.say(c.b, '/请假 12月10日', HP)
      await h.say(c.free[0], '/顶班 12月10日', HP)
    },
    say: (c) => [c.free[0], '/同意 1'],
    expect: (c) => `不能同意 #1：${c.n(c.free[0])} 已经在 12月10日（周四） 的值班名单里（12月6日（周日） 08:00 ${c.n(c.free[0])} 顶班）`,
  },
  'a swap overtaken by a coordinator: the other side left their session': {
    setup: async (c) => {
      await h.say(c.mover, `/换班 12月10日 12月25日 ${c.n(c.partner)}`, HP)
      await h.say('刘芳', `/调班 12月25日 ${c.n(c.partner)}→${c.n(c.idle)}`, HP)
    },
    say: (c) => [c.partner, '/同意 1'],
    expect: (c) => `不能同意 #1：${c.n(c.partner)} 已不在 12月25日（周五） 的值班名单里（12月6日（周日） 08:00 联络员 刘芳 调班）`,
  },
  'a coordinator (not a representative) volunteering': { say: () => ['刘芳', '/顶班 12月10日'], expect: () => '“/顶班”只有党代表可以使用' },
  'a stranger volunteering': { say: () => ['demo-guest', '/顶班 12月10日'], expect: () => '“/顶班”只有党代表可以使用' },
  'another studio’s representative volunteering here': { say: () => ['孙伟', '/顶班 12月10日'], expect: () => '“/顶班”只有党代表可以使用：这里是和平里工作室的群，您属于七一社区工作室，请在七一社区工作室的群里或私聊我使用。' },
  'volunteering for a full session': { say: (c) => [c.free[0], '/顶班 12月10日'], expect: (c) => `12月10日（周四）已满员（值班：${c.n(c.a)}、${c.n(c.b)}）` },
  'volunteering for your own session': {
    setup: async (c) => void (await h.say(c.b, '/请假 12月10日', HP)),
    say: (c) => [c.a, '/顶班 12月10日'],
    expect: () => '您已经在 12月10日（周四） 的值班名单里了',
  },
  'leave once the session has started': {
    setup: async () => h.clock.set(Date.parse('2026-12-10T18:05:00+08:00')),
    say: (c) => [c.a, '/请假 12月10日'],
    expect: () => '12月10日（周四）的接待已经开始，不能再请假、代班或换班',
  },
  'not a request number': { say: (c) => [c.a, '/同意 abc'], expect: () => '“abc”不是请求编号' },
  'no such request': { say: (c) => [c.a, '/同意 99'], expect: () => '没有编号 99 的请求' },
  'accepting a leave': {
    setup: async (c) => void (await h.say(c.a, '/请假 12月10日', HP)),
    say: (c) => [c.free[0], '/同意 1'],
    expect: () => '#1 是请假，不需要谁同意。想替他值班请发：/顶班 12月10日',
  },
  'withdrawing a leave': {
    setup: async (c) => void (await h.say(c.a, '/请假 12月10日', HP)),
    say: (c) => [c.a, '/撤回 1'],
    expect: () => '请假 #1 已经生效，位置已空出。如果又能来了，请发：/顶班 12月10日',
  },
  'withdrawing someone else’s request': {
    setup: async (c) => void (await h.say(c.a, `/代班 12月10日 ${c.n(c.free[0])}`, HP)),
    say: (c) => [c.b, '/撤回 1'],
    expect: (c) => `#1 是 ${c.n(c.a)} 发出的，只有本人或联络员可以撤回`,
  },
  '/调班 to the same person': { say: (c) => ['刘芳', `/调班 12月10日 ${c.n(c.a)}→${c.n(c.a)}`], expect: () => '原代表和新代表是同一个人' },
  '/调班 of someone not on the session': { say: (c) => ['刘芳', `/调班 12月10日 ${c.n(c.free[0])}→${c.n(c.free[1])}`], expect: (c) => `${c.n(c.free[0])} 不在 12月10日（周四） 的值班名单里` },
  '/调班 to a representative of another studio': { say: (c) => ['刘芳', `/调班 12月10日 ${c.n(c.a)}→孙伟`], expect: () => '孙伟 不是和平里工作室的在册党代表' },
  '/调班 to someone already on it': { say: (c) => ['刘芳', `/调班 12月10日 ${c.n(c.a)}→${c.n(c.b)}`], expect: (c) => `${c.n(c.b)} 已经在 12月10日（周四） 的值班名单里了` },
  '/调班 into a full session': { say: (c) => ['刘芳', `/调班 12月10日 →${c.n(c.free[0])}`], expect: () => '12月10日（周四）已满员' },
  '/调班 without an arrow': { say: (c) => ['刘芳', `/调班 12月10日 ${c.n(c.a)}`], expect: () => '看不懂要把谁换成谁' },
  '/调班 by a representative': { say: (c) => [c.a, `/调班 12月10日 ${c.n(c.a)}→${c.n(c.free[0])}`], expect: () => '“/调班”只有联络员或联络室管理员可以使用' },
  '/取消接待 without a reason': { say: () => ['刘芳', '/取消接待 12月10日'], expect: () => '取消接待必须写理由' },
  '/取消接待 twice': {
    setup: async () => void (await h.say('刘芳', '/取消接待 12月25日 停电', HP)),
    say: () => ['刘芳', '/取消接待 12月25日 还是停电'],
    expect: () => '12月25日（周五）的接待日已经取消过了（理由：停电）',
  },
  '/取消接待 once it started': {
    setup: async () => h.clock.set(Date.parse('2026-12-10T18:05:00+08:00')),
    say: () => ['刘芳', '/取消接待 12月10日 停电'],
    expect: () => '12月10日（周四）的接待已经开始，不能取消',
  },
  '/取消接待 by a representative': { say: (c) => [c.a, '/取消接待 12月10日 停电'], expect: () => '“/取消接待”只有联络员或联络室管理员可以使用' },
  'a request on a cancelled session': {
    setup: async () => void (await h.say('刘芳', '/取消接待 12月25日 停电', HP)),
    say: (c) => [c.partner, `/代班 12月25日 ${c.n(c.idle)}`],
    expect: () => '12月25日（周五）的接待日已取消',
  },
  '/签到 not on the duty': {
    setup: async () => h.clock.set(Date.parse('2026-12-10T18:10:00+08:00')),
    say: (c) => [c.free[0], '/签到'],
    expect: (c) => `${c.n(c.free[0])} 不在 12月10日（周四） 的值班名单里`,
  },
  '/签到 for someone else by a representative': {
    setup: async () => h.clock.set(Date.parse('2026-12-10T18:10:00+08:00')),
    say: (c) => [c.a, `/签到 ${c.n(c.b)}`],
    expect: () => '只有联络员可以替别人签到',
  },
  '/签到 more than a week late': {
    setup: async () => h.clock.set(Date.parse('2026-12-18T10:00:00+08:00')),
    say: (c) => ['刘芳', `/签到 ${c.n(c.a)} 12月10日`],
    expect: () => '只能补签 7 天内的接待日',
  },
  '/签到 on a cancelled session': {
    setup: async () => {
      await h.say('刘芳', '/取消接待 12月10日 停电', HP)
      h.clock.set(Date.parse('2026-12-10T18:10:00+08:00'))
    },
    say: (c) => [c.a, '/签到'],
    expect: () => '12月10日（周四）的接待日已取消，不用签到',
  },
}

test.each(Object.keys(cases))('%s: a clear reply, and nothing changes', async (name) => {
  const k = cases[name]
  const c = await start()
  if (k.setup) await k.setup(c)
  await h.app.idle()
  const before = snapshot(h.dir)
  const [who, text, opts] = k.say(c)
  const replies = await h.say(who, text, opts?.where ?? HP, { mentions: opts?.mentions })
  expect(replies.join('\n')).toContain(k.expect(c))
  await h.app.idle()
  expect(snapshot(h.dir)).toEqual(before)
})
