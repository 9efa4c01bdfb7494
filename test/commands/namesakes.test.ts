/**
 * Same names told apart: 小白楼工作室 has two 张伟 (p13 和平区卫健委 科员, p14 小白楼社区居委会 委员). Every list,
 * post and swap reply names them 张伟（卫健委） and 张伟（居委会）, never 张伟 bare. "Today" is 2026-12-06;
 * the plan puts p13 on 1月13日 and p14 on 2月10日.
 */
import { Harness } from '../support/harness.js'

const XBL = 'xbl'
const A = '张伟（卫健委）'
const B = '张伟（居委会）'
let h: Harness
afterEach(async () => {
  await h.close()
})

/** A 张伟 not followed by （ : the bare name. */
const bare = /张伟(?!（)/u

test('/接待日 and /值班表 tell the two 张伟 apart', async () => {
  h = await Harness.start({ now: '2026-12-06T08:00:00+08:00' })
  const next = (await h.say('p10', '/接待日', XBL))[0]
  expect(next).toContain(`1月13日（周三） 14:30–16:30\n  值班：黄丽、${A}`)
  expect(next).toContain(`2月10日（周三） 14:30–16:30\n  值班：${B}、何静`)
  expect(next).not.toMatch(bare)
  const month = (await h.say('p10', '/值班表 2027年1月', XBL))[0]
  expect(month).toContain(A)
  expect(month).not.toMatch(bare)
  // In 和平里 nobody shares a name: no qualifiers there.
  expect((await h.say('张明华', '/接待日', 'hpl'))[0]).not.toContain('（教育局）')
})

test('a leave, the call for volunteers, a substitute request, its acceptance and /换班记录 tell them apart', async () => {
  h = await Harness.start({ now: '2026-12-06T08:00:00+08:00' })
  const leave = await h.say('p13', '/请假 1月13日 出差', XBL)
  expect(leave[0]).toBe(`已记下 ${A} 请假：1月13日（周三） 14:30–16:30（#1）。现值班：黄丽（尚缺 1 人）。`)
  const call = leave.find((t) => t.startsWith('【征集顶班】'))!
  expect(call).toContain(`${A} 请假（出差）`)
  expect(call).toContain(`${B}（今年 1 次）`)
  expect(call).not.toMatch(bare)
  const ask = (await h.say('p12', '/代班 1月13日 p14', XBL)).join('\n')
  expect(ask).toContain(`#2 黄丽 请 ${B} 代值 1月13日（周三） 14:30–16:30 的班。`)
  expect(ask).not.toMatch(bare)
  const yes = (await h.say('p14', '/同意 2', XBL)).join('\n')
  expect(yes).toContain(`1月13日（周三）：${B}（尚缺 1 人）`)
  const log = (await h.say('p10', '/换班记录', XBL))[0]
  expect(log).toContain(`#1 请假 1月13日（周三） ${A}`)
  expect(log).toContain(`#2 代班 1月13日（周三） 黄丽 → ${B}`)
  expect(log).not.toMatch(bare)
})

test('the announcement names each 张伟 with unit and position', async () => {
  h = await Harness.start({ now: '2026-12-06T08:00:00+08:00' })
  const posts = await h.advanceTo('2027-01-10T09:00:00+08:00')
  const post = posts.find((m) => m.text.startsWith('【党代表接待日公告】小白楼工作室'))!
  expect(post.text).toContain('· 张伟　和平区卫健委 科员')
})
