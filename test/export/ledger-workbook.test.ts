/**
 * The xlsx ledger from the hand-computed fixture (test/domain/stats/fixture.ts), written with exceljs
 * and read back with exceljs, compared cell by cell. Empty cells are null.
 */
import ExcelJS from 'exceljs'
import { buildLedgerWorkbook, uniqueSheetName } from '../../src/export/ledger-workbook.js'
import { studiosFromConfig } from '../../src/app/directory.js'
import { withRange, type Period } from '../../src/domain/stats/period.js'
import type { Person } from '../../src/domain/model.js'
import { demoConfig } from '../support/harness.js'
import { NOW, days, fixtureIssues, fixtureSessions } from '../domain/stats/fixture.js'

const config = demoConfig()
const rep = (id: string, name: string, unit: string, position: string, studioId: string, extra: Partial<Person> = {}): Person => ({
  id, name, unit, position, studioId, roles: ['representative'], active: true, ...extra,
})
const PEOPLE: Person[] = [
  rep('p1', '张一', '区教育局', '副局长', 'hpl', { level: '区级' }),
  rep('p2', '李二', '卫生站', '站长', 'hpl'),
  rep('p3', '王三', '中学', '书记', 'hpl', { active: false }),
  { id: 'c1', name: '刘芳', unit: '社区党委', position: '副书记', studioId: 'hpl', roles: ['coordinator'], active: true },
  rep('q1', '赵四', '居委会', '主任', 'qyl'),
  rep('q2', '钱五', '人社局', '副局长', 'qyl'),
]

async function book(period: Period, studioIds = ['hpl', 'qyl']) {
  const inP = (d: string) => d >= period.from && d <= period.to
  const built = await buildLedgerWorkbook({
    data: {
      studioIds,
      from: period.from,
      to: period.to,
      issues: fixtureIssues().filter((i) => inP(i.date) && studioIds.includes(i.studioId)),
      sessions: fixtureSessions().filter((s) => inP(s.date) && studioIds.includes(s.studioId)),
      swaps: [],
    },
    title: studioIds.length > 1 ? '和平区（全区）' : '和平里工作室',
    period,
    now: NOW,
    people: PEOPLE,
    studios: studiosFromConfig(config),
    days: () => days,
    scheme: config.evaluation,
  })
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(built.buffer as unknown as ArrayBuffer)
  return { built, wb }
}

/** Every row of a sheet, every cell, from column A to the last filled one; missing cells are null. */
function rows(wb: ExcelJS.Workbook, name: string): unknown[][] {
  const ws = wb.getWorksheet(name)
  if (!ws) throw new Error(`no sheet ${name}`)
  const out: unknown[][] = []
  for (let r = 1; r <= ws.rowCount; r++) {
    const values = (ws.getRow(r).values as unknown[]).slice(1)
    out.push(Array.from({ length: values.length }, (_x, i) => values[i] ?? null))
  }
  return out
}

const H1 = withRange({ kind: 'months', from: { year: 2026, month: 1 }, to: { year: 2026, month: 6 } })

let h1: Awaited<ReturnType<typeof book>>
beforeAll(async () => {
  h1 = await book(H1)
})

test('the sheets, in order: the four ledgers, then one per representative (inactive ones too)', () => {
  expect(h1.wb.worksheets.map((w) => w.name)).toEqual(['问题台账', '接待场次与签到', '换班记录', '统计', '张一', '李二', '王三', '赵四', '钱五'])
  expect(h1.built).toMatchObject({ issues: 9, sessions: 8, reps: 5 })
})

test('问题台账: one row per issue, in full, with answers and the whole history', () => {
  const r = rows(h1.wb, '问题台账')
  expect(r[0]).toEqual([
    '编号', '工作室', '登记日期', '登记人', '值班代表', '群众姓名', '联系电话', '住址', '反映内容', '类别', '类别为推测', '状态', '承办单位', '转办日期',
    '答复期限', '延期', '办理次数', '答复', '评价', '评价意见', '回访记录', '结案', '结案日期', '超期工作日', '归档或撤销说明', '办理过程',
  ])
  expect(r.slice(1).map((x) => x[0])).toEqual([
    'HP-2026-0001', 'HP-2026-0002', 'HP-2026-0003', 'HP-2026-0004', 'HP-2026-0005', 'HP-2026-0006', 'HP-2026-0007', 'QY-2026-0001', 'QY-2026-0002',
  ])
  // Reopened after 不满意: the new deadline is 30 working days after 02-24 (04-07); the first was 03-25.
  expect(r[3]).toEqual([
    'HP-2026-0003', '和平里工作室', '2026-02-10', '张一', '张一、王三', '王大爷', '13812345678', '和平里3号楼', '物业管理的问题 3', '物业管理', '否',
    '已归档', '区房管局', '2026-02-11', '2026-04-07', '否', 2,
    '第1次 2026-02-20 10:00 刘芳：已协调\n第2次 2026-03-03 10:00 刘芳：已更换',
    '基本满意', null, null, '是', '2026-03-06', null, null,
    [
      '2026-02-10 18:30 张一 登记',
      '2026-02-11 10:00 刘芳 转办 区房管局，30 个工作日，至 2026-03-25',
      '2026-02-20 10:00 刘芳 答复（第 1 次办理）',
      '2026-02-24 10:00 刘芳 评价：不满意（没解决）；重新办理（第 2 次），至 2026-04-07',
      '2026-03-03 10:00 刘芳 答复（第 2 次办理）',
      '2026-03-05 10:00 刘芳 评价：基本满意',
      '2026-03-06 10:00 刘芳 归档',
    ].join('\n'),
  ])
  // Overdue on 07-01: due 03-18, 75 working days later (no holidays in the fake calendar before September).
  expect(r[4]).toEqual([
    'HP-2026-0004', '和平里工作室', '2026-03-03', '刘芳', null, '王大爷', '13812345678', '和平里3号楼', '供暖供水的问题 4', '供暖供水', '否',
    '承办中', '区供热办', '2026-03-04', '2026-03-18', '否', 1, null, null, null, null, '否', null, 75, null,
    '2026-03-03 18:30 刘芳 登记\n2026-03-04 10:00 刘芳 转办 区供热办，10 个工作日，至 2026-03-18',
  ])
  expect(r[6]).toEqual([
    'HP-2026-0006', '和平里工作室', '2026-04-01', '王三', null, '王大爷', '13812345678', '和平里3号楼', '教育的问题 6', '教育', '否',
    '已撤销', null, null, null, '否', 1, null, null, null, null, '否', null, null, '重复登记',
    '2026-04-01 18:30 王三 登记\n2026-04-02 10:00 王三 撤销，理由：重复登记',
  ])
  expect(r[9]).toEqual([
    'QY-2026-0002', '七一社区工作室', '2026-03-02', '赵四', '赵四', '李奶奶', '13912345678', '和平里3号楼', '其他的问题 2', '其他', '否',
    '当场答复，已办结', null, null, null, '否', 1, '第1次 2026-03-02 18:30 赵四（当场）：当场解释', null, null, null, '是', '2026-03-02', null, null,
    '2026-03-02 18:30 赵四 登记\n2026-03-02 18:30 赵四 当场答复，办结',
  ])
})

test('接待场次与签到: duty, who checked in and who did not, cancelled sessions with their reason', () => {
  expect(rows(h1.wb, '接待场次与签到')).toEqual([
    ['日期', '星期', '时间', '工作室', '地点', '应到人数', '值班代表', '已签到', '未签到', '情况', '说明', '接待群众（人次）'],
    ['2026-01-12', '周一', '18:00–20:00', '和平里工作室', '和平里社区党群服务中心', 2, '张一、李二', '张一、李二', null, '已举行', null, 2],
    ['2026-02-10', '周二', '18:00–20:00', '和平里工作室', '和平里社区党群服务中心', 2, '张一、王三', '张一', '王三', '已举行', null, 1],
    ['2026-03-10', '周二', '18:00–20:00', '和平里工作室', '和平里社区党群服务中心', 2, '李二', null, null, '已举行', null, 1],
    ['2026-04-10', '周五', '18:00–20:00', '和平里工作室', '和平里社区党群服务中心', 2, '张一、王三', null, null, '已取消', '场地维修', 0],
    ['2026-05-11', '周一', '18:00–20:00', '和平里工作室', '和平里社区党群服务中心', 2, '李二、王三', null, null, '已举行', null, 0],
    ['2026-06-10', '周三', '18:00–20:00', '和平里工作室', '和平里社区党群服务中心', 2, '张一、王三', '张一、王三', null, '已举行', null, 1],
    ['2026-01-15', '周四', '18:00–20:00', '七一社区工作室', '七一社区党群服务中心', 2, '赵四、钱五', '赵四、钱五', null, '已举行', null, 1],
    ['2026-03-02', '周一', '18:00–20:00', '七一社区工作室', '七一社区党群服务中心', 2, '赵四', '赵四', null, '已举行', null, 1],
  ])
})

test('换班记录: changes made by people, with before, after, who and why; planning is not a swap', () => {
  expect(rows(h1.wb, '换班记录')).toEqual([
    ['调整时间', '工作室', '场次日期', '类型', '调整前', '调整后', '操作人', '说明'],
    ['2026-02-08 10:00', '和平里工作室', '2026-02-10', '代班', '李二、王三', '张一、王三', '李二', '出差'],
    ['2026-05-06 10:00', '和平里工作室', '2026-05-11', '换班', '张一、王三', '李二、王三', '张一'],
    ['2026-05-06 10:00', '和平里工作室', '2026-06-10', '换班', '李二、王三', '张一、王三', '张一'],
  ])
})

test('统计: the hand-computed figures with numerators and denominators, by studio, category and department', () => {
  expect(rows(h1.wb, '统计')).toEqual([
    ['和平区（全区） · 2026年1月—6月（截至 2026-07-01）'],
    ['指标', '数值', '分子', '分母', '说明'],
    ['受理问题（件）', 8, null, null, '登记日期在期间内，不含撤销'],
    ['撤销的登记（件）', 1, null, null, '不计入受理'],
    ['当场答复（件）', 2],
    ['转办（件）', 5],
    ['已答复（件）', 6],
    ['结案（件）', 5, null, null, '已归档或当场办结'],
    ['未结（件）', 3],
    ['超期未结（件）', 2, null, null, '超过工作日期限仍未办结'],
    ['结案率', '62.5%（5/8）', 5, 8, '结案 ÷ 受理'],
    ['满意率', '75%（3/4）', 3, 4, '（满意＋基本满意）÷ 已评价'],
    ['其中“满意”占比', '50%（2/4）', 2, 4, '满意 ÷ 已评价'],
    ['平均答复用时（工作日）', '5.8', 23, 4, '登记到首次答复（不含当场答复）'],
    ['接待日（场）', 7, null, null, '已举行，不含取消'],
    ['满员场次', '71.4%（5/7）', 5, 7, '值班人数达到应到人数'],
    ['签到齐全场次', '42.9%（3/7）', 3, 7, '签到人数达到应到人数'],
    ['接待群众（人次）', 7, null, null, '接待日由这一场的值班代表登记的问题'],
    [],
    ['按工作室'],
    ['工作室', '受理', '结案', '结案率', '满意率', '超期', '接待日', '接待人次'],
    ['和平里工作室', 6, 3, '50%（3/6）', '66.7%（2/3）', 2, 5, 5],
    ['七一社区工作室', 2, 2, '100%（2/2）', '100%（1/1）', 0, 2, 2],
    [],
    ['按类别'],
    ['类别', '受理', '结案', '结案率', '已评价', '满意'],
    ['物业管理', 3, 2, '66.7%（2/3）', 2, 2],
    ['市容环境', 2, 1, '50%（1/2）', 1, 0],
    ['供暖供水', 1, 0, '0%（0/1）', 0, 0],
    ['其他', 1, 1, '100%（1/1）', 0, 0],
    ['教育', 1, 1, '100%（1/1）', 1, 1],
    [],
    ['按承办单位'],
    ['承办单位', '转办', '已答复', '结案', '超期', '结案率', '满意率', '平均答复用时（工作日）'],
    ['区房管局', 2, 2, 2, 0, '100%（2/2）', '100%（2/2）', '7'],
    ['区供热办', 1, 0, 0, 1, '0%（0/1）', '—（0/0）', '—'],
    ['区城管委', 1, 1, 0, 0, '0%（0/1）', '0%（0/1）', '3'],
    ['区教育局', 1, 1, 1, 0, '100%（1/1）', '100%（1/1）', '6'],
  ])
})

test('一人一档: the record, the duties and the issues registered; no grade for half a year', () => {
  expect(rows(h1.wb, '张一')).toEqual([
    ['姓名', '张一'], ['单位', '区教育局'], ['职务', '副局长'], ['层级', '区级'], ['工作室', '和平里工作室'], ['在册', '在册'], ['期间', '2026年1月—6月'],
    [],
    ['履职情况'],
    ['值班（场）', 3], ['签到（场）', 3], ['其中补签（场）', 0], ['缺席（场）', 0], ['未记录签到（场）', 0], ['代班/顶班（次）', 1], ['请人代班（次）', 0], ['互换（次）', 2],
    ['登记问题（件）', 2], ['其中已结案（件）', 2], ['登记问题满意率', '100%（2/2）'], ['值班日接待群众（人次）', 4], ['积分', 41],
    ['年度考评建议（仅供参考）', '按整年计算'],
    [],
    ['值班明细'],
    ['日期', '工作室', '签到情况'],
    ['2026-01-12', '和平里工作室', '已签到'],
    ['2026-02-10', '和平里工作室', '已签到'],
    ['2026-06-10', '和平里工作室', '已签到'],
    [],
    ['登记的问题'],
    ['编号', '登记日期', '类别', '状态', '评价'],
    ['HP-2026-0001', '2026-01-12', '物业管理', '已归档', '满意'],
    ['HP-2026-0003', '2026-02-10', '物业管理', '已归档', '基本满意'],
  ])
  const wang = rows(h1.wb, '王三')
  expect(wang[5]).toEqual(['在册', '不在册'])
  expect(wang.slice(9, 13)).toEqual([['值班（场）', 3], ['签到（场）', 1], ['其中补签（场）', 0], ['缺席（场）', 1]])
})

test('a whole year gets the evaluation suggestion; one studio has no per-studio table', async () => {
  const { wb } = await book(withRange({ kind: 'year', year: 2026 }), ['hpl'])
  expect(wb.worksheets.map((w) => w.name)).toEqual(['问题台账', '接待场次与签到', '换班记录', '统计', '张一', '李二', '王三'])
  expect(rows(wb, '张一').find((r) => r[0] === '年度考评建议（仅供参考）')).toEqual(['年度考评建议（仅供参考）', '称职'])
  expect(rows(wb, '统计').some((r) => r[0] === '按工作室')).toBe(false)
  // 07-10 is in the year but not held yet on 07-01.
  expect(rows(wb, '接待场次与签到').at(-1)).toEqual(['2026-07-10', '周五', '18:00–20:00', '和平里工作室', '和平里社区党群服务中心', 2, '张一、李二', null, null, '未举行', null, 0])
})

test('an empty period: the headers and zeros, rates as —（0/0）', async () => {
  const { wb, built } = await book(withRange({ kind: 'month', year: 2026, month: 8 }))
  expect(built).toMatchObject({ issues: 0, sessions: 0 })
  expect(rows(wb, '问题台账')).toHaveLength(1)
  const stats = rows(wb, '统计')
  expect(stats.find((r) => r[0] === '结案率')).toEqual(['结案率', '—（0/0）', 0, 0, '结案 ÷ 受理'])
  expect(stats.find((r) => r[0] === '平均答复用时（工作日）')).toEqual(['平均答复用时（工作日）', '—', 0, 0, '登记到首次答复（不含当场答复）'])
})

test('sheet names: Excel rules, and a name already taken gets the id', () => {
  expect(uniqueSheetName('张伟', 'p13', new Set())).toBe('张伟')
  expect(uniqueSheetName('张伟', 'p14', new Set(['张伟']))).toBe('张伟(p14)')
  expect(uniqueSheetName('统计', 'p9', new Set(['统计']))).toBe('统计(p9)')
  expect(uniqueSheetName('a/b[c]:d', 'x', new Set())).toBe('a_b_c__d')
  expect([...uniqueSheetName('很'.repeat(40), 'p1', new Set())]).toHaveLength(31)
})
