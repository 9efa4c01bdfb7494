/**
 * Every refusal of the issue commands: who may not, what input is bad, which step is not allowed now.
 * Each gets one clear reply and leaves the data folder exactly as it was (the ring of seen message ids
 * aside, which every message updates by design).
 */
import { Harness } from '../support/harness.js'
import { leaksInGroups, snapshot } from '../support/issues.js'

const HP = 'hpl'
let h: Harness

beforeEach(async () => {
  h = await Harness.start({ now: '2026-12-10T18:30:00+08:00' })
  // HP-2026-0001 registered by 张明华 (a representative) and transferred; HP-2026-0002 only registered.
  await h.say('张明华', '/登记 王大爷 13812345678 和平里3号楼 楼道灯坏了半个月', HP)
  await h.say('刘芳', '/转办 HP-2026-0001 区房管局', HP)
  await h.say('刘芳', '/登记 李阿姨 13698765432 幸福小区 门口垃圾没人清', HP)
})
afterEach(async () => {
  expect(leaksInGroups(h)).toEqual([])
  await h.close()
})

/** Says it, expects exactly one reply containing `expected`, and no change on disk. */
async function refused(who: string, text: string, where: string, expected: string | RegExp): Promise<string> {
  await h.app.idle()
  const before = snapshot(h.dir)
  const replies = await h.say(who, text, where)
  expect(replies).toHaveLength(1)
  if (typeof expected === 'string') expect(replies[0]).toContain(expected)
  else expect(replies[0]).toMatch(expected)
  expect(snapshot(h.dir)).toEqual(before)
  return replies[0]
}

describe('who may do what', () => {
  test.each([
    ['a stranger registers', 'x-guest', '/登记 王大爷 13812345678 楼道灯坏了', HP, '只有党代表、联络员或联络室管理员'],
    ['a stranger queries', 'x-guest', '/查询 HP-2026-0001', HP, '只有党代表、联络员或联络室管理员'],
    ['an admin-less representative transfers', '张明华', '/转办 HP-2026-0002 区房管局', HP, '只有联络员'],
    ['a representative extends', '张明华', '/延期 HP-2026-0001 5 需要时间', HP, '只有联络员'],
    ['a representative archives', '张明华', '/归档 HP-2026-0001', HP, '只有联络员'],
    ['a representative asks for the to-do list', '李秀兰', '/待办', HP, '只有联络员'],
    ['a representative who did not register answers', '李秀兰', '/答复 HP-2026-0001 已修好', HP, '只有本工作室联络员或这条问题的登记人'],
    ['a representative who did not register rates', '李秀兰', '/反馈 HP-2026-0001 满意', HP, '只有本工作室联络员或这条问题的登记人'],
    ['a representative who did not register records a contact', '李秀兰', '/联系 HP-2026-0001 未联系上 无人接听', HP, '只有本工作室联络员或这条问题的登记人'],
    ['a representative who did not register withdraws', '李秀兰', '/撤销 HP-2026-0002', HP, '只有本工作室联络员或这条问题的登记人'],
    ['a representative who did not register corrects', '李秀兰', '/更正 HP-2026-0002 电话：13912345678', HP, '只有本工作室联络员或这条问题的登记人'],
    ["another studio's coordinator, in their own group", '马俊', '/转办 HP-2026-0002 区房管局', 'qyl', '不是本工作室登记的问题'],
    ["another studio's coordinator, in this group", '马俊', '/转办 HP-2026-0002 区房管局', HP, '只有联络员'],
    ["another studio's coordinator, privately", '马俊', '/查询 HP-2026-0001', 'private', '不是本工作室登记的问题'],
    ["another studio's representative, privately", '孙伟', '/查询 HP-2026-0001', 'private', '不是本工作室登记的问题'],
    ["a representative queries this studio's issue from another studio's group", '张明华', '/查询 HP-2026-0001', 'qyl', '只有党代表、联络员或联络室管理员'],
  ])('%s: refused', async (_name, who, text, where, expected) => {
    await refused(who, text, where, expected)
  })

  test('in a group that is bound to no studio, /登记 is refused (no rights in an unvetted group)', async () => {
    const before = snapshot(h.dir)
    await h.app.onMessage({ id: 'unbound-1', text: '/登记 王大爷 13812345678 楼道灯坏了', talkerId: h.contact('张明华'), talkerName: '张明华', roomId: 'x-room@chatroom', mentions: [] })
    await h.app.idle()
    expect(h.transport.sent.at(-1)!.text).toContain('只有党代表、联络员或联络室管理员')
    expect(snapshot(h.dir)).toEqual(before)
  })

  test('an admin may act on any studio; a representative sees only the masked record, even privately', async () => {
    const admin = await h.say('钱敏', '/查询 HP-2026-0001', 'private')
    expect(admin[0]).toContain('王大爷 13812345678')
    const rep = await h.say('张明华', '/查询 HP-2026-0001', 'private')
    expect(rep[0]).toContain('王某 138****5678')
    expect(rep[0]).not.toContain('13812345678')
    expect((await h.say('钱敏', '/答复 HP-2026-0001 已修好', HP))[0]).toContain('已记录 HP-2026-0001 的答复')
  })
})

describe('bad input', () => {
  test.each([
    ['nothing after /登记', '/登记', '请写上群众姓名和反映的问题'],
    ['only a mention after /登记', '/登记 @张明华', '请写上群众姓名和反映的问题'],
    ['only control characters', '/登记 \u0001\u0002\u0007\u001b', '请写上群众姓名和反映的问题'],
    ['control characters and zero-width marks around nothing', '/登记 \u200b\u0000\u202e\ufeff', '请写上群众姓名和反映的问题'],
    ['a name and a phone but no content', '/登记 王大爷 13812345678', '请写上群众反映的问题'],
    ['a phone that is not a phone', '/登记 王大爷 1381234567 楼道灯坏了', '电话号码位数不对'],
    ['a phone of 12 digits in a form', '/登记\n姓名：王大爷\n电话：138123456789\n诉求：楼道灯坏了', '电话号码位数不对'],
    ['a form whose phone is not a phone', '/登记\n姓名：王大爷\n电话：12345\n诉求：楼道灯坏了', '电话号码位数不对'],
    ['a form with an unknown category', '/登记\n姓名：王大爷\n诉求：楼道灯坏了\n类别：天气', '没有“天气”这个类别'],
    ['a form with an empty on-the-spot answer', '/登记\n姓名：王大爷\n诉求：楼道灯坏了\n当场答复：', '“当场答复：”后面请写答复内容'],
    ['3,000 characters', `/登记 王大爷 ${'楼道灯坏了'.repeat(600)}`, '登记内容太长（3004 字，最多 2000 字）'],
    ['100,000 characters', `/登记 王大爷 ${'灯'.repeat(100_000)}`, '消息太长'],
  ])('%s', async (_name, text, expected) => {
    await refused('张明华', text, HP, expected)
  })

  test('a mention-only message gets a hint and changes nothing', async () => {
    const before = snapshot(h.dir)
    await h.app.onMessage({ id: 'mention-only', text: '@连心桥\u2005', talkerId: h.contact('张明华'), talkerName: '张明华', roomId: h.room(HP), mentions: [], mentionsBot: true })
    await h.app.idle()
    expect(h.transport.sent.at(-1)!.text).toContain('发送 /帮助')
    expect(snapshot(h.dir)).toEqual(before)
  })

  test.each([
    ['no id', '/查询', '请写问题编号'],
    ['a malformed id', '/查询 HP2026-1', '“HP2026-1”不是问题编号'],
    ['an unknown id', '/查询 HP-2026-0099', '没有找到问题 HP-2026-0099'],
    ['an unknown prefix', '/查询 ZZ-2026-0001', '没有找到问题 ZZ-2026-0001'],
    ['a year with no issues', '/查询 HP-2019-0001', '没有找到问题 HP-2019-0001'],
    ['an unknown id to transfer', '/转办 HP-2026-0099 区房管局', '没有找到问题'],
    ['an unknown department', '/转办 HP-2026-0002 气象局', '没有承办单位“气象局”'],
    ['an ambiguous department', '/转办 HP-2026-0002 街道办事处', '您是不是想写：劝业场街道办事处、小白楼街道办事处'],
    ['a department without a name', '/转办 HP-2026-0002', '格式不对'],
    ['too many working days', '/转办 HP-2026-0002 区房管局 45', '应为 1 到 30 之间'],
    ['working days that are no number', '/转办 HP-2026-0002 区房管局 abc', '工作日数“abc”不对，应为 1 到 30 之间的整数'],
    ['working days in words', '/转办 HP-2026-0002 区房管局 二十', '工作日数“二十”不对'],
    ['words after the working days', '/转办 HP-2026-0002 城管 10 多余 参数', '格式不对。用法：/转办'],
    ['too many working days with their unit apart', '/转办 HP-2026-0002 区房管局 45 天', '应为 1 到 30 之间'],
    ['a transfer of a transferred issue', '/转办 HP-2026-0001 区教育局', '已转办给 区房管局'],
    ['an answer without text', '/答复 HP-2026-0001', '请在编号后面写答复内容。用法：/答复 <编号> <答复内容>'],
    ['a rating before the answer', '/反馈 HP-2026-0001 满意', '还没有答复，不能评价'],
    ['a rating that is not one', '/反馈 HP-2026-0001 很好', '评价只能是：满意、基本满意、不满意'],
    ['archiving before the answer', '/归档 HP-2026-0001', '还没有答复，不能归档'],
    ['extending before the transfer', '/延期 HP-2026-0002 5 需要时间', '还没有转办'],
    ['extending by a word', '/延期 HP-2026-0001 几天 需要时间', '“几天”不是工作日数'],
    ['a contact without saying whether', '/联系 HP-2026-0001 打了电话', '请写“联系上”或“未联系上”'],
    ['a correction without fields', '/更正 HP-2026-0002 改一下', '请写要更正的项目和新内容'],
    ['a correction to a phone that is not one', '/更正 HP-2026-0002 电话：12345', '电话号码位数不对'],
    ['a correction to an unknown category', '/更正 HP-2026-0002 类别：天气', '没有“天气”这个类别'],
    ['a correction that changes nothing', '/更正 HP-2026-0002 姓名：李阿姨', '没有要更正的内容'],
    ['a department correction before the transfer', '/更正 HP-2026-0002 承办单位：区教育局', '还没有转办'],
  ])('%s', async (_name, text, expected) => {
    await refused('刘芳', text, HP, expected)
  })

  test('a second extension, a rating twice, archiving before feedback, anything after the archive', async () => {
    await h.say('刘芳', '/延期 HP-2026-0001 5 需协调', HP)
    await refused('刘芳', '/延期 HP-2026-0001 5 还要时间', HP, '本次办理已延期过一次')
    await h.say('刘芳', '/答复 HP-2026-0001 已修好', HP)
    await refused('刘芳', '/归档 HP-2026-0001', HP, '还没有群众评价')
    await refused('刘芳', '/延期 HP-2026-0001 5 还要时间', HP, '已经答复')
    await h.say('刘芳', '/反馈 HP-2026-0001 基本满意', HP)
    await refused('刘芳', '/反馈 HP-2026-0001 满意', HP, '已经评价')
    await refused('刘芳', '/答复 HP-2026-0001 补充', HP, '已经评价')
    await h.say('刘芳', '/归档 HP-2026-0001', HP)
    for (const text of ['/答复 HP-2026-0001 补充', '/反馈 HP-2026-0001 满意', '/归档 HP-2026-0001', '/转办 HP-2026-0001 区教育局', '/联系 HP-2026-0001 联系上 回访', '/撤销 HP-2026-0001 重复'])
      await refused('刘芳', text, HP, '已归档')
  })
})

describe('the correction window', () => {
  test('the registrant corrects and withdraws within 10 minutes; afterwards only a coordinator, with a reason', async () => {
    h.clock.advance(9 * 60_000)
    const corrected = await h.say('张明华', '/更正 HP-2026-0001 电话：13912345678 地址：和平里5号楼', HP)
    expect(corrected[0]).toBe('已更正 HP-2026-0001：电话、地址。')
    h.clock.advance(2 * 60_000)
    await refused('张明华', '/更正 HP-2026-0001 诉求：楼道灯和门禁都坏了', HP, '登记已超过 10 分钟')
    await refused('张明华', '/撤销 HP-2026-0001', HP, '登记已超过 10 分钟')
    await refused('刘芳', '/更正 HP-2026-0001 诉求：楼道灯和门禁都坏了', HP, '须写明理由')
    await refused('刘芳', '/撤销 HP-2026-0001', HP, '须写明理由')
    expect((await h.say('刘芳', '/更正 HP-2026-0001 诉求：楼道灯和门禁都坏了 理由：群众补充', HP))[0]).toBe('已更正 HP-2026-0001：诉求。')
    // Category and department are the coordinator's handling fields: no reason needed.
    expect((await h.say('刘芳', '/更正 HP-2026-0001 类别：市容环境', HP))[0]).toBe('已更正 HP-2026-0001：类别。')
    expect((await h.say('刘芳', '/更正 HP-2026-0001 承办单位 区城管委', HP))[0]).toBe('已更正 HP-2026-0001：承办单位。')
    const q = (await h.say('刘芳', '/查询 HP-2026-0001', 'private'))[0]
    expect(q).toContain('群众：王大爷 13912345678')
    expect(q).toContain('地址：和平里5号楼')
    expect(q).toContain('诉求：楼道灯和门禁都坏了')
    expect(q).toContain('类别：市容环境\n')
    expect(q).toContain('承办单位：区城管委')
    expect(q).toContain('更正：电话、地址\n')
    expect(q).toContain('更正：诉求，理由：群众补充')
    expect((await h.say('刘芳', '/撤销 HP-2026-0001 群众已自行解决', HP))[0]).toBe('HP-2026-0001 已撤销。')
    const after = (await h.say('张明华', '/查询 HP-2026-0001', HP))[0]
    expect(after).toContain('已撤销')
    expect(after).toContain('撤销，理由：群众已自行解决')
  })

  test('the registrant may withdraw a fresh registration without a reason', async () => {
    h.clock.advance(60_000)
    expect((await h.say('刘芳', '/撤销 HP-2026-0002', HP))[0]).toBe('HP-2026-0002 已撤销。')
    const todo = (await h.say('刘芳', '/待办', HP))[0]
    expect(todo).not.toContain('HP-2026-0002')
  })
})

describe('refusals never repeat a constituent\'s digits', () => {
  test.each([
    ['/登记 王大爷 1381234567 楼道灯坏了', /\d{4}/],
    ['/登记\n姓名：王大爷\n电话：138123456789\n诉求：楼道灯坏了', /\d{4}/],
    ['/查询 13812345678', /\d{4}/],
    ['/转办 HP-2026-0002 138123456789', /\d{4}/],
    ['/138123456789', /\d{4}/],
  ])('%s', async (text, digits) => {
    const replies = await h.say('刘芳', text, HP)
    expect(replies).toHaveLength(1)
    // Any four digits in a row would be the typed number's: the catalogue's own examples aside.
    expect(replies[0].replace(/13800138000|HP-2026-\d{4}|022-12345678/g, '')).not.toMatch(digits)
  })
})

test('the working days written apart from their unit are one count (not a refusal)', async () => {
  const [reply] = await h.say('刘芳', '/转办 HP-2026-0002 区房管局 10 个工作日', HP)
  expect(reply).toContain('HP-2026-0002 已转办 区房管局，办理期限 10 个工作日')
})
