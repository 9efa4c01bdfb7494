/**
 * /统计, /导出台账 and /履职 through the same dispatcher and sender as production (config/demo.yaml):
 * who sees what, rates with their denominators, empty periods, the xlsx delivered in private and read
 * back cell by cell, and each representative's record.
 *
 * The story, on Monday 2026-11-02: 张明华 registers 王大爷's issue in the 和平里 group; 刘芳 transfers it
 * to 区房管局, it is answered the same day, rated 满意 and archived. 张明华 registers 李奶奶's issue,
 * answered on the spot. 孙伟 registers one in the 七一 group, left open.
 */
import ExcelJS from 'exceljs'
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { Harness, demoConfig } from '../support/harness.js'
import { leaksInGroups } from '../support/issues.js'
import { parseInstant } from '../../src/platform/clock.js'

const HP = 'hpl'
let h: Harness

afterEach(async () => {
  expect(leaksInGroups(h)).toEqual([])
  await h.close()
})

async function story(config = demoConfig()): Promise<void> {
  h = await Harness.start({ now: '2026-11-02T10:00:00+08:00', config })
  await h.say('张明华', '/登记 王大爷 13812345678 和平里3号楼 楼道灯坏了半个月', HP)
  await h.say('刘芳', '/转办 HP-2026-0001 区房管局', HP)
  await h.say('刘芳', '/答复 HP-2026-0001 已更换灯泡', HP)
  await h.say('刘芳', '/反馈 HP-2026-0001 满意', HP)
  await h.say('刘芳', '/归档 HP-2026-0001', HP)
  await h.say('张明华', '/登记 李奶奶 13912345678 垃圾清运不及时 当场答复：已联系环卫，明早清运', HP)
  await h.say('孙伟', '/登记 赵大姐 13698765432 七一路5号 小区门口积水', 'qyl')
}

const one = async (who: string, text: string, where = 'private'): Promise<string> => {
  const replies = await h.say(who, text, where)
  expect(replies).toHaveLength(1)
  return replies[0]
}

describe('/统计', () => {
  test('a coordinator gets the studio figures of this month, every rate with its denominator', async () => {
    await story()
    const text = await one('刘芳', '/统计', HP)
    expect(text.split('\n')).toEqual([
      '【统计】和平里工作室 · 2026年11月（截至 2026年11月2日（周一））',
      '受理群众反映问题 2 件',
      '　当场答复 1 件，转办 1 件',
      '结案 2 件，结案率 100%（2/2）',
      '未结 0 件，其中超期 0 件',
      '满意率 100%（1/1）；其中“满意” 100%（1/1）',
      '　评价：满意 1，基本满意 0，不满意 0',
      '响应率 100%（1/1）（转办后 1 个工作日内签收）；解决率 —（0/0）（回访答“已解决”÷答了是否解决）',
      '平均答复用时 0 个工作日（1 件有答复）',
      '接待日 0 场，满员 —（0/0），签到齐全 —（0/0）',
      '接待群众 0 人次',
      '按类别：',
      '· 市容环境：1 件，结案率 100%（1/1），满意率 —（0/0）',
      '· 物业管理：1 件，结案率 100%（1/1），满意率 100%（1/1）',
      '按承办单位：',
      '· 区房管局：转办 1 件，响应率 100%（1/1），结案率 100%（1/1），超期 0 件，解决率 —（0/0），满意率 100%（1/1），平均答复 0 个工作日',
      '注：结案＝已归档或当场办结；满意率＝（满意＋基本满意）÷已评价；接待人次＝接待日由这一场的值班代表登记的问题（每件一人次）。',
    ])
  })

  test('an empty period: zeros, and every rate —（0/0）', async () => {
    await story()
    const text = await one('刘芳', '/统计 2026年8月')
    expect(text).toContain('【统计】和平里工作室 · 2026年8月')
    expect(text).toContain('受理群众反映问题 0 件')
    expect(text).toContain('结案 0 件，结案率 —（0/0）')
    expect(text).toContain('满意率 —（0/0）；其中“满意” —（0/0）')
    expect(text).toContain('平均答复用时 — 个工作日（0 件有答复）')
    expect(text).not.toContain('按类别')
  })

  test('sessions held and constituents received count once a session is over', async () => {
    await story()
    // 和平里 meets on 11-10 at 18:00; an issue registered that evening counts as received at the session.
    h.clock.set(parseInstant('2026-11-10T18:30:00+08:00')!)
    await h.say('李秀兰', '/登记 周大爷 13812345678 楼下噪音扰民', HP)
    h.clock.set(parseInstant('2026-11-11T09:00:00+08:00')!)
    const text = await one('刘芳', '/统计 本月')
    expect(text).toContain('接待日 1 场，满员 100%（1/1），签到齐全 0%（0/1）')
    // Only 李秀兰's (on duty that evening): the issues of 11-02, a day without a session, are no receptions.
    expect(text).toContain('接待群众 1 人次')
  })

  test('an admin sees the district and the studios that need attention; every studio is in the ledger', async () => {
    await story()
    const [district, attention, ...more] = await h.say('钱敏', '/统计 本年')
    expect(more).toEqual([])
    expect(district).toContain('【统计】和平区（全区） · 2026年')
    expect(district).toContain('受理群众反映问题 3 件')
    expect(district).toContain('结案 2 件，结案率 66.7%（2/3）')
    expect(district).not.toContain('按工作室')
    expect(attention).toBe(
      '【需要关注的工作室】2026年：没有。3 个工作室都没有超期未结的问题，满意率都不低于 80%。\n' +
        '每个工作室的受理、结案率、满意率、超期和接待日都在台账的“统计”表（按工作室）里：发送 /导出台账 2026年 全区，台账私聊发给您。',
    )
    // 七一's issue, never transferred, is overdue a week later (5 working days to transfer).
    h.clock.set(parseInstant('2026-11-16T09:00:00+08:00')!)
    const [, late] = await h.say('钱敏', '/统计 本年 全区')
    expect(late.split('\n').slice(0, 2)).toEqual([
      '【需要关注的工作室】2026年：1 个（共 3 个；有超期未结的问题，或满意率低于 80%；超期最多的在前）',
      '· 七一社区工作室：超期 1 件；受理 1 件，结案率 0%（0/1），满意率 —（0/0）',
    ])
    expect((await h.say('钱敏', '/统计 全区 本月', HP))[0]).toContain('【统计】和平区（全区）')
    expect(await one('钱敏', '/统计', HP)).toContain('【统计】和平里工作室')
    expect(await one('钱敏', '/统计 七一 本月')).toContain('【统计】七一社区工作室 · 2026年11月')
  })

  test('a period longer than ten years is refused with the longest one that may be asked, for the figures and the ledger', async () => {
    await story()
    const refusal = '“1900-01至9999-12”超过了 10 年。统计和台账一次最多 10 年，如最近 10 年：2017-01至2026-12；更早的请分段查询。'
    expect(await one('钱敏', '/统计 1900-01至9999-12 全区')).toBe(refusal)
    expect(await one('钱敏', '/导出台账 1900-01至9999-12 全区')).toBe(refusal)
    expect(await one('刘芳', '/履职 1900-01至9999-12')).toBe(refusal)
    expect(h.transport.sent.some((m) => m.file?.name.endsWith('.xlsx'))).toBe(false)
    // Ten years are answered.
    expect((await h.say('钱敏', '/统计 2017-01至2026-12 全区'))[0]).toContain('受理群众反映问题 3 件')
  })

  test('a period that has not begun is refused, not answered with zeros; one that runs on past today counts up to today', async () => {
    await story()
    const refusal = '“2099年”还没有到，没有可统计的记录。可以写本月、今年、上季度，或截至今天的期间。'
    expect(await one('钱敏', '/统计 2099年 全区')).toBe(refusal)
    expect(await one('钱敏', '/导出台账 2099年 全区')).toBe(refusal)
    expect(await one('刘芳', '/履职 2099年')).toBe(refusal)
    expect(h.transport.sent.some((m) => m.file?.name.endsWith('.xlsx'))).toBe(false)
    expect((await h.say('钱敏', '/统计 2026-01至2030-12 全区'))[0]).toContain('受理群众反映问题 3 件')
  })

  test('who may not: a coordinator asking for the district or another studio, a representative', async () => {
    await story()
    expect(await one('刘芳', '/统计 全区')).toBe('全区统计只有联络室管理员可以查看。联络员请直接发 /统计 查看本工作室。')
    expect(await one('刘芳', '/统计 七一社区工作室')).toBe('您只能查看本工作室的数据，不能查看七一社区工作室。')
    expect(await one('张明华', '/统计', HP)).toContain('只有联络员或联络室管理员可以使用')
  })

  test('a period it cannot read gets the forms that work', async () => {
    await story()
    expect(await one('刘芳', '/统计 下周')).toContain('看不懂期间“下周”。可以写：本月、上月、本季度')
    expect(await one('刘芳', '/统计 2026-06至2026-01')).toBe('“2026-06至2026-01”的起止顺序反了，请把较早的写在前面，如：2026-01至2026-06。')
    expect(await one('刘芳', '/统计 13月')).toContain('“13月”不是有效的期间')
    expect(await one('刘芳', '/统计 2026-01 至 2026-11')).toContain('2026年1月—11月')
  })
})

describe('/导出台账', () => {
  /** The xlsx the asker got in private: name and rows of a sheet (null for an empty cell). */
  async function workbookSentTo(contactId: string) {
    const msg = h.transport.sent.filter((m) => m.file && 'contactId' in m.to && m.to.contactId === contactId).at(-1)!
    expect(msg).toBeDefined()
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(msg.file!.data as unknown as ArrayBuffer)
    const rows = (name: string): unknown[][] => {
      const ws = wb.getWorksheet(name)!
      const out: unknown[][] = []
      for (let r = 1; r <= ws.rowCount; r++) {
        const v = (ws.getRow(r).values as unknown[]).slice(1)
        out.push(Array.from({ length: v.length }, (_x, i) => v[i] ?? null))
      }
      return out
    }
    return { name: msg.file!.name, sheets: wb.worksheets.map((w) => w.name), rows }
  }

  test('asked in the group: one line there, the file in private, in full, read back cell by cell', async () => {
    await story()
    const replies = await h.say('刘芳', '/导出台账', HP)
    expect(replies[0]).toBe('刘芳，台账含群众个人信息，已私聊发给您。')
    expect(h.sentTo(HP).every((m) => !m.file)).toBe(true)
    const note = h.transport.sent.find((m) => 'contactId' in m.to && m.to.contactId === 'demo-c01' && m.text.includes('台账已生成'))!
    expect(note.text).toBe('和平里工作室 2026年 台账已生成：问题 2 件，接待日 4 场，代表 5 人（一人一档各一张表）。\n文件含群众个人信息，请妥善保管，不要转发到群里。')
    const book = await workbookSentTo('demo-c01')
    expect(book.name).toBe('台账-和平里工作室-2026年.xlsx')
    expect(book.sheets).toEqual(['问题台账', '接待场次与签到', '换班记录', '统计', '张明华', '李秀兰', '王建国', '赵丽娟', '陈志强'])
    const issues = book.rows('问题台账')
    expect(issues).toHaveLength(3)
    expect(issues[1]).toEqual([
      // 11-02 has no session: the registrar is not the duty representative.
      'HP-2026-0001', '和平里工作室', '2026-11-02', '张明华', null, '王大爷', '13812345678', '和平里3号楼', '楼道灯坏了半个月', '物业管理', '是',
      '已归档', '区房管局', '2026-11-02', '2026-12-14', '否', 1, '第1次 2026-11-02 10:00 刘芳：已更换灯泡', '满意', null, null, '是', '2026-11-02', null, null,
      [
        '2026-11-02 10:00 张明华 登记',
        '2026-11-02 10:00 刘芳 转办 区房管局，30 个工作日，至 2026-12-14',
        '2026-11-02 10:00 刘芳 答复（第 1 次办理）',
        '2026-11-02 10:00 刘芳 评价：满意',
        '2026-11-02 10:00 刘芳 归档',
      ].join('\n'),
    ])
    expect(issues[2].slice(0, 12)).toEqual(['HP-2026-0002', '和平里工作室', '2026-11-02', '张明华', null, '李奶奶', '13912345678', null, '垃圾清运不及时', '市容环境', '是', '当场答复，已办结'])
    const stats = book.rows('统计')
    expect(stats[0]).toEqual(['和平里工作室 · 2026年（截至 2026-11-02）'])
    expect(stats.find((r) => r[0] === '结案率')).toEqual(['结案率', '100%（2/2）', 2, 2, '结案 ÷ 受理'])
    // The sessions the bot has kept since it started (11-02): 11-10, 11-25, 12-10, 12-25, none held yet.
    expect(book.rows('接待场次与签到').map((r) => [r[0], r[9]])).toEqual([
      ['日期', '情况'],
      ['2026-11-10', '未举行'],
      ['2026-11-25', '未举行'],
      ['2026-12-10', '未举行'],
      ['2026-12-25', '未举行'],
    ])
  })

  test('an admin exports the district; two representatives of one name get their ids; a coordinator may not', async () => {
    await story()
    expect(await one('刘芳', '/导出台账 全区')).toBe('全区统计只有联络室管理员可以查看。联络员请直接发 /统计 查看本工作室。')
    const replies = await h.say('钱敏', '/导出台账 全区 2026年11月')
    // In a private chat the file and its note go to the asker (the file first).
    expect(replies).toHaveLength(2)
    expect(replies[1]).toContain('和平区（全区） 2026年11月 台账已生成：问题 3 件，接待日 4 场，代表 15 人')
    const book = await workbookSentTo('demo-a01')
    expect(book.name).toBe('台账-和平区（全区）-2026年11月.xlsx')
    expect(book.sheets.slice(4)).toEqual(['张明华', '李秀兰', '王建国', '赵丽娟', '陈志强', '孙伟', '周晓梅', '吴国庆', '郑海燕', '马俊', '何静', '林涛', '黄丽', '张伟(p13)', '张伟(p14)'])
    expect(book.rows('问题台账').map((r) => r[0])).toEqual(['编号', 'HP-2026-0001', 'HP-2026-0002', 'QY-2026-0001'])
    expect(book.rows('统计').find((r) => r[0] === '按工作室')).toBeDefined()
  })

  test('the export does not hold the bot: a /登记 sent right after /导出台账 is answered before the ledger arrives', async () => {
    await story()
    const asked = h.app.onMessage({ id: 'export-1', text: '/导出台账 全区', talkerId: h.contact('钱敏'), talkerName: '钱敏', mentions: [] })
    const registered = h.app.onMessage({ id: 'register-1', text: '/登记 周大爷 13812345678 楼下噪音扰民', talkerId: h.contact('李秀兰'), talkerName: '李秀兰', roomId: h.room(HP), mentions: [] })
    await Promise.all([asked, registered])
    await h.app.idle()
    const sent = h.transport.sent
    const receipt = sent.findIndex((m) => m.text.startsWith('已登记：HP-2026-0003'))
    const file = sent.findIndex((m) => m.file?.name.endsWith('.xlsx'))
    expect(receipt).toBeGreaterThanOrEqual(0)
    expect(file).toBeGreaterThan(receipt)
  })

  test('a damaged data file: the ledger is not made, the asker is told why in Chinese, nothing crashes', async () => {
    await story()
    const file = path.join(h.dir, 'issues', 'qyl', '2026.json')
    mkdirSync(path.dirname(file), { recursive: true })
    writeFileSync(file, '{"version":1,"issues":[{"id":')
    const [reply, ...rest] = await h.say('钱敏', '/导出台账 全区')
    expect(rest).toEqual([])
    expect(reply.split('\n')[0]).toBe('台账没有生成成功：数据文件有问题。')
    expect(reply).toContain('2026.json')
    expect(reply.split('\n').at(-1)).toBe('请告知管理员检查数据目录（npm run check-data）。')
    expect(h.transport.sent.some((m) => m.file?.name.endsWith('.xlsx'))).toBe(false)
    expect(h.log.lines.some((l) => l.includes('ERROR') && l.includes('ledger export failed'))).toBe(true)
    // The bot goes on: the next command is answered.
    expect(await one('钱敏', '/统计 七一 本月')).toContain('【统计】七一社区工作室')
  })

  test('a representative may not export', async () => {
    await story()
    expect(await one('张明华', '/导出台账', HP)).toContain('只有联络员或联络室管理员可以使用')
    expect(h.transport.sent.some((m) => m.file?.name.endsWith('.xlsx'))).toBe(false)
  })
})

describe('one definition of 接待', () => {
  test('/履职, /统计 and the ledger count the same issues: registered at a session by one of its duty representatives', async () => {
    // story(): 张明华 registers twice on 11-02, a day without a session (no receptions).
    await story()
    // 和平里's 11-10 session (18:00): 张明华 and 李秀兰 on duty. 李秀兰 registers one (a reception); 刘芳, the
    // coordinator, registers another (not on duty: no reception).
    h.clock.set(parseInstant('2026-11-10T18:30:00+08:00')!)
    await h.say('李秀兰', '/登记 周大爷 13812345678 楼下噪音扰民', HP)
    await h.say('刘芳', '/登记 吴阿姨 13812345679 路灯不亮', HP)
    h.clock.set(parseInstant('2026-11-11T09:00:00+08:00')!)
    expect(await one('刘芳', '/统计 本月')).toContain('接待群众 1 人次')
    expect(await one('刘芳', '/履职 李秀兰')).toContain('值班日接待群众 1 人次')
    expect(await one('刘芳', '/履职 张明华')).toContain('值班日接待群众 1 人次')
    expect(await one('刘芳', '/履职 王建国')).toContain('值班日接待群众 0 人次')
    await h.say('刘芳', '/导出台账 本月')
    const msg = h.transport.sent.filter((m) => m.file).at(-1)!
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(msg.file!.data as unknown as ArrayBuffer)
    const sessions = wb.getWorksheet('接待场次与签到')!
    expect(sessions.getRow(1).getCell(12).value).toBe('接待群众（人次）')
    expect([sessions.getRow(2).getCell(1).value, sessions.getRow(2).getCell(12).value]).toEqual(['2026-11-10', 1])
    const statRow = (name: string) => {
      const ws = wb.getWorksheet(name)!
      for (let r = 1; r <= ws.rowCount; r++) if (String(ws.getRow(r).getCell(1).value).startsWith('接待群众') || String(ws.getRow(r).getCell(1).value).startsWith('值班日接待群众')) return ws.getRow(r).getCell(2).value
      return undefined
    }
    expect(statRow('统计')).toBe(1)
    expect(statRow('李秀兰')).toBe(1)
    expect(statRow('张明华')).toBe(1)
  })
})

describe('/履职', () => {
  test('a representative gets their own record in private, with the yearly suggestion labelled as such', async () => {
    await story()
    // 和平里's 11-10 session is over; its first duty representative checked in.
    h.clock.set(parseInstant('2026-11-11T09:00:00+08:00')!)
    const s = (await h.app.deps.roster.sessionOn(HP, '2026-11-10'))!
    s.attendance.push({ personId: s.duty[0], at: parseInstant('2026-11-10T18:02:00+08:00')!, by: s.duty[0] })
    await (await h.app.deps.roster.partition(HP, 2026)).commit()
    const who = h.config.people.find((p) => p.id === s.duty[0])!.name
    const text = await one(who, '/履职')
    expect(text.startsWith(`【履职档案】${who}（`)).toBe(true)
    expect(text).toContain(' · 2026年')
    expect(text).toContain('值班 1 场：签到 1，缺席 0，未记录签到 0')
    expect(text).toContain('值班明细：\n· 11月10日（周二） 和平里工作室 已签到')
    expect(text).toMatch(/年度考评建议：(优秀|称职|基本称职|不称职)（积分 \d+：签到 1×10，缺席 0×-10，代班 0×3，登记 \d+×2，结案 \d+×2）（本年尚未结束，按截至今天的记录计算）/u)
    expect(text).toContain('以上等次是按积分规则算出的建议，仅供参考，以组织考评为准。')
  })

  test('张明华: two issues registered, both closed; asked in the group, the record goes in private', async () => {
    await story()
    const replies = await h.say('张明华', '/履职', HP)
    expect(replies[0]).toBe('张明华，履职档案已私聊发给您。')
    expect(h.sentTo(HP).some((m) => m.text.includes('【履职档案】'))).toBe(false)
    const record = h.transport.sent.filter((m) => 'contactId' in m.to && m.to.contactId === 'demo-p01').at(-1)!.text
    expect(record).toContain('【履职档案】张明华（和平区教育局，和平里工作室） · 2026年')
    expect(record).toContain('登记群众反映问题 2 件：已结案 2，未结 0，满意率 100%（1/1）')
    // 8 points: under the 10 of 基本称职.
    expect(record).toContain('年度考评建议：不称职（积分 8：签到 0×10，缺席 0×-10，代班 0×3，登记 2×2，结案 2×2）')
  })

  test('a representative may not read another one; a coordinator reads their studio only; an admin anyone', async () => {
    await story()
    expect(await one('张明华', '/履职 李秀兰')).toBe('代表只能查看本人的履职档案。发送 /履职 即可。')
    expect(await one('张明华', '/履职 和平里工作室')).toBe('代表只能查看本人的履职档案。发送 /履职 即可。')
    expect(await one('刘芳', '/履职 李秀兰')).toContain('【履职档案】李秀兰（和平里社区卫生服务站，和平里工作室）')
    expect(await one('刘芳', '/履职 孙伟')).toBe('您只能查看本工作室的数据，不能查看七一社区工作室。')
    expect(await one('钱敏', '/履职 孙伟')).toContain('【履职档案】孙伟（七一社区居委会，七一社区工作室）')
    expect(await one('钱敏', '/履职 张伟')).toContain('名册里有多位“张伟”')
    expect(await one('钱敏', '/履职 p14')).toContain('【履职档案】张伟（小白楼社区居委会，小白楼工作室）')
    expect(await one('钱敏', '/履职')).toBe('请写代表姓名或工作室名称，如：/履职 张明华，或 /履职 和平里工作室。')
    expect(await one('刘芳', '/履职 刘芳')).toBe('刘芳 不是党代表，没有履职档案。')
  })

  test('a coordinator without a name gets a line per representative of the studio', async () => {
    await story()
    const text = await one('刘芳', '/履职')
    const lines = text.split('\n')
    expect(lines[0]).toBe('【履职一览】和平里工作室 · 2026年')
    expect(lines.slice(1, 6).map((l) => l.slice(2, l.indexOf('：')))).toEqual(['张明华', '李秀兰', '王建国', '赵丽娟', '陈志强'])
    expect(lines[1]).toBe('· 张明华：值班 0，签到 0，代班 0，登记 2；建议 不称职（8 分）')
    expect(lines.at(-1)).toBe('发送“/履职 姓名”查看某位代表的详细档案。考评等次为建议，仅供参考。')
  })

  test('a part of a year: the record, and no grade', async () => {
    await story()
    const text = await one('张明华', '/履职 2026年11月')
    expect(text).toContain('【履职档案】张明华（和平区教育局，和平里工作室） · 2026年11月')
    expect(text).not.toContain('年度考评建议')
    expect(text).toContain('考评建议按整年计算，请发：/履职 姓名 2026年')
  })

  test('leave, volunteering and check-ins made with the swap commands show in the records and in the ledger', async () => {
    await story()
    // 和平里's 11-10 session: 张明华 and 李秀兰 on duty. 李秀兰 asks for leave, 王建国 volunteers.
    expect((await h.app.deps.roster.sessionOn(HP, '2026-11-10'))!.duty).toEqual(['p01', 'p02'])
    h.clock.set(parseInstant('2026-11-05T10:00:00+08:00')!)
    await h.say('李秀兰', '/请假 11月10日 出差', HP)
    await h.say('王建国', '/顶班 11月10日', HP)
    expect((await h.app.deps.roster.sessionOn(HP, '2026-11-10'))!.duty.sort()).toEqual(['p01', 'p03'])
    // On the day 张明华 checks in; 王建国 does not.
    h.clock.set(parseInstant('2026-11-10T18:05:00+08:00')!)
    await h.say('张明华', '/签到', HP)
    h.clock.set(parseInstant('2026-11-11T09:00:00+08:00')!)
    const wang = await one('刘芳', '/履职 王建国')
    expect(wang).toContain('值班 1 场：签到 0，缺席 1，未记录签到 0')
    expect(wang).toContain('代班/顶班 1 次，请人代班 0 次，互换 0 次')
    expect(wang).toContain('· 11月10日（周二） 和平里工作室 缺席')
    expect(wang).toContain('积分 -7：签到 0×10，缺席 1×-10，代班 1×3')
    const li = await one('刘芳', '/履职 李秀兰')
    expect(li).toContain('值班 0 场：签到 0，缺席 0，未记录签到 0')
    expect(li).toContain('代班/顶班 0 次，请人代班 1 次，互换 0 次')
    expect(await one('刘芳', '/履职 张明华')).toContain('值班 1 场：签到 1，缺席 0，未记录签到 0')
    expect(await one('刘芳', '/统计')).toContain('接待日 1 场，满员 100%（1/1），签到齐全 0%（0/1）')
    await h.say('刘芳', '/导出台账')
    const msg = h.transport.sent.filter((m) => m.file).at(-1)!
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(msg.file!.data as unknown as ArrayBuffer)
    const swaps = wb.getWorksheet('换班记录')!
    const kinds: unknown[] = []
    for (let r = 2; r <= swaps.rowCount; r++) kinds.push([swaps.getRow(r).getCell(3).value, swaps.getRow(r).getCell(4).value, swaps.getRow(r).getCell(5).value, swaps.getRow(r).getCell(6).value, swaps.getRow(r).getCell(7).value])
    expect(kinds).toEqual([
      ['2026-11-10', '请假', '张明华、李秀兰', '张明华', '李秀兰'],
      ['2026-11-10', '顶班', '张明华', '张明华、王建国', '王建国'],
    ])
    const sessions = wb.getWorksheet('接待场次与签到')!
    expect((sessions.getRow(2).values as unknown[]).slice(1)).toEqual(['2026-11-10', '周二', '18:00–20:00', '和平里工作室', '和平里社区党群服务中心二楼党代表工作室', 2, '张明华、王建国', '张明华', '王建国', '已举行', undefined, 0])
  })

  test('a coordinator’s 补签 is shown as 补签 in /履职 and in the ledger, with the time it was recorded, and counts as attended', async () => {
    await story()
    // 和平里's 11-10 session (18:00–20:00): 张明华 checks in himself; 李秀兰 forgot, 刘芳 records a 补签 on 11-12.
    h.clock.set(parseInstant('2026-11-10T18:05:00+08:00')!)
    await h.say('张明华', '/签到', HP)
    h.clock.set(parseInstant('2026-11-10T21:00:00+08:00')!)
    expect((await h.say('李秀兰', '/签到', HP))[0]).toContain('接待已经结束，不能再签到了')
    h.clock.set(parseInstant('2026-11-12T10:00:00+08:00')!)
    expect((await h.say('刘芳', '/签到 李秀兰 11月10日', HP))[0]).toContain('已为 李秀兰 补签：11月10日（周二） 18:00 的接待日（刘芳 于 11月12日（周四） 10:00 登记为补签）。')
    const li = await one('刘芳', '/履职 李秀兰')
    expect(li).toContain('值班 1 场：签到 1（其中补签 1），缺席 0，未记录签到 0')
    expect(li).toContain('· 11月10日（周二） 和平里工作室 补签（11月12日（周四） 10:00 登记）')
    expect(li).toContain('积分')
    expect(li).toMatch(/签到 1×10/u)
    const zhang = await one('刘芳', '/履职 张明华')
    expect(zhang).toContain('值班 1 场：签到 1，缺席 0，未记录签到 0')
    expect(zhang).toContain('· 11月10日（周二） 和平里工作室 已签到')
    await h.say('刘芳', '/导出台账')
    const msg = h.transport.sent.filter((m) => m.file).at(-1)!
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(msg.file!.data as unknown as ArrayBuffer)
    const sessions = wb.getWorksheet('接待场次与签到')!
    expect(sessions.getRow(2).getCell(8).value).toBe('张明华、李秀兰（补签，2026-11-12 10:00 登记）')
    const sheet = wb.getWorksheet('李秀兰')!
    const cells: unknown[][] = []
    sheet.eachRow((r) => cells.push((r.values as unknown[]).slice(1)))
    expect(cells).toContainEqual(['其中补签（场）', 1])
    expect(cells).toContainEqual(['2026-11-10', '和平里工作室', '补签（2026-11-12 10:00 登记）'])
  })

  test('someone no longer in the directory keeps a record that names them', async () => {
    await story(demoConfig((t) => t.replace('{ id: p05, name: 陈志强,', '{ id: p05, active: false, name: 陈志强,')))
    expect(await one('刘芳', '/履职 陈志强')).toContain('【履职档案】陈志强（劝业场街道办事处，和平里工作室）【已不在册】')
  })
})
