/**
 * The 花名册 import: the pure plan (errors naming row and column, matching, ids, inactive-not-deleted),
 * then runImport over real xlsx files and a real data folder (dry run changes nothing; --apply writes
 * directory.json, which the bot then uses), and the command-line tool on the committed sample.
 */
import { mkdtempSync, readFileSync, rmSync, existsSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { spawnSync } from 'node:child_process'
import ExcelJS from 'exceljs'
import { planImport, type ImportInput } from '../../src/domain/directory/import-people.js'
import { runImport, vocabulary } from '../../src/app/directory-import.js'
import { peopleFromConfig } from '../../src/app/directory.js'
import type { Person } from '../../src/domain/model.js'
import { Harness, demoConfig } from '../support/harness.js'
import { snapshot } from '../support/issues.js'
import { zh } from '../../src/text/zh-CN.js'

const config = demoConfig()
const current = peopleFromConfig(config)
const STUDIOS: Record<string, string> = { 和平里工作室: 'hpl', 和平里: 'hpl', 七一社区工作室: 'qyl', 七一: 'qyl', 小白楼工作室: 'xbl', 小白楼: 'xbl' }
const HEADER = ['姓名', '单位', '职务', '层级', '手机', '工作室', '角色']

function plan(grid: string[][], o: Partial<ImportInput> = {}) {
  return planImport({
    grid,
    current,
    vocabulary,
    resolveStudio: (text) => (STUDIOS[text] ? { ids: [STUDIOS[text]], names: [text] } : text === '工作室' ? { ids: ['hpl', 'qyl'], names: ['和平里工作室', '七一社区工作室'] } : { ids: [], names: [] }),
    studioNames: ['和平里工作室', '七一社区工作室', '小白楼工作室'],
    hasHistory: () => false,
    ...o,
  })
}

/** The sample district as a sheet, row 1 the header. */
function sheetOf(people: Person[]): string[][] {
  const name = (id?: string) => config.studios.find((s) => s.id === id)?.name ?? ''
  const role = { representative: '党代表', coordinator: '联络员', admin: '管理员' }
  return [HEADER, ...people.map((p) => [p.name, p.unit, p.position, p.level ?? '', p.phone ?? '', name(p.studioId), p.roles.map((r) => role[r]).join('、')])]
}
const errorText = (p: ReturnType<typeof plan>) => p.errors.map((e) => zh.followup.cli.error[e.code](e.params))

describe('the plan', () => {
  test('the directory as it is: no changes', () => {
    const p = plan(sheetOf(current))
    expect(p.errors).toEqual([])
    expect([p.added, p.updated, p.deactivated, p.removed, p.reactivated]).toEqual([[], [], [], [], []])
    expect(p.unchanged).toBe(current.length)
    expect(p.people).toEqual(current)
  })

  test('bad rows: every error names its row and column, and the valid rows are still planned', () => {
    const grid = [
      ['和平区党代表花名册'],
      [],
      ['序号', ...HEADER, '备注'],
      ['1', '张明华', '和平区教育局', '副局长', '区级', '13800000001', '和平里工作室', '党代表', ''],
      ['2', '', '某单位', '', '', '', '和平里工作室', '党代表', ''],
      ['3', '宋江', '某单位', '', '省级', '', '和平里工作室', '党代表', ''],
      ['4', '吴用', '某单位', '', '', '1380000', '和平里工作室', '党代表', ''],
      ['5', '林冲', '某单位', '', '', '', '梁山工作室', '党代表', ''],
      ['6', '鲁达', '某单位', '', '', '', '工作室', '党代表', ''],
      ['7', '武松', '某单位', '', '', '', '和平里', '书记', ''],
      ['8', '花荣', '某单位', '', '', '', '', '党代表', ''],
      ['9', '张明华', '和平区教育局', '副局长', '区级', '13800000001', '和平里工作室', '党代表', '重复'],
      ['10', '李 逵', '某单位', '', '市', '+86 138-0000-0099', '小白楼', '党代表、联络员', ''],
    ]
    const p = plan(grid)
    expect(p.headerRow).toBe(3)
    expect(errorText(p)).toEqual([
      '第 5 行“姓名”列：不能为空。',
      '第 6 行“层级”列：“省级”不是层级，应为 市级、区级 或 镇级。',
      '第 7 行“手机”列：“1380000”不是 11 位手机号。',
      '第 8 行“工作室”列：没有“梁山工作室”这个工作室（现有：和平里工作室、七一社区工作室、小白楼工作室）。',
      '第 9 行“工作室”列：“工作室”可能是 和平里工作室、七一社区工作室，请写全称。',
      '第 10 行“角色”列：“书记”不是角色，应为 党代表、联络员 或 管理员（可写多个，用“、”隔开）。',
      '第 11 行“工作室”列：党代表和联络员必须写所在工作室。',
      '第 12 行“姓名”列：张明华 与第 4 行重复。',
    ])
    // 李逵 (blanks in the name removed, +86 and dashes too) would be added; everyone not listed would go.
    expect(p.added.map((a) => a.person)).toEqual([
      { id: 'p15', name: '李逵', unit: '某单位', position: '', level: '市级', phone: '13800000099', studioId: 'xbl', roles: ['representative', 'coordinator'], active: true },
    ])
  })

  test('a sheet without a 姓名 or 工作室 column, or an empty one', () => {
    expect(errorText(plan([['人名', '单位'], ['张三', 'x']]))).toEqual([
      '第 1 行：找不到“姓名”列（也可写作：代表姓名、名字）。表头须有“姓名”“工作室”两列，另可有单位、职务、层级、手机、角色（顺序不限，多余的列忽略；没有的列保留名册里原来的内容，没有“角色”列时不改任何人的角色）。',
      '第 1 行：找不到“工作室”列（也可写作：所属工作室、所在工作室、工作室名称、党代表工作室、所属党代表工作室、工作站、所属工作站、工作站名称）。表头须有“姓名”“工作室”两列，另可有单位、职务、层级、手机、角色（顺序不限，多余的列忽略；没有的列保留名册里原来的内容，没有“角色”列时不改任何人的角色）。',
    ])
    expect(plan([[], ['']]).errors.map((e) => e.code)).toEqual(['sheet.empty'])
  })

  test('changes: a new position, a move, a new person, someone gone with and without history, someone back', () => {
    const rows = current
      .filter((p) => p.id !== 'p05' && p.id !== 'p04')
      .map((p) => (p.id === 'p02' ? { ...p, position: '主任' } : p.id === 'p10' ? { ...p, studioId: 'qyl' } : p))
    const withNew = [...sheetOf(rows), ['杜文强', '和平区人社局', '科长', '区级', '13800000019', '小白楼工作室', '党代表']]
    const inactive = current.map((p) => (p.id === 'p03' ? { ...p, active: false } : p))
    const p = plan(withNew, { current: inactive, hasHistory: (id) => id === 'p04' })
    expect(p.errors).toEqual([])
    expect(p.added.map((a) => [a.person.id, a.person.name, a.row])).toEqual([['p15', '杜文强', withNew.length]])
    expect(p.updated.map((u) => [u.after.id, u.fields])).toEqual([
      ['p02', ['position']],
      ['p10', ['studioId']],
    ])
    expect(p.reactivated.map((r) => r.person.id)).toEqual(['p03'])
    // 赵丽娟 (p04) has history: kept, inactive. 陈志强 (p05) has none: deleted.
    expect(p.deactivated.map((x) => x.id)).toEqual(['p04'])
    expect(p.removed.map((x) => x.id)).toEqual(['p05'])
    expect(p.people.find((x) => x.id === 'p04')).toMatchObject({ name: '赵丽娟', active: false })
    expect(p.people.find((x) => x.id === 'p05')).toBeUndefined()
    // Directory order kept, the new person last.
    expect(p.people.map((x) => x.id)).toEqual([...current.filter((x) => x.id !== 'p05').map((x) => x.id), 'p15'])
  })

  test('two 张伟 in one studio are told apart by their mobiles', () => {
    const swapped = sheetOf(current).map((r) => (r[4] === '13800000015' ? [...r.slice(0, 1), '新单位', ...r.slice(2)] : r))
    const p = plan(swapped)
    expect(p.updated.map((u) => [u.after.id, u.after.unit])).toEqual([['p13', '新单位']])
  })
})

describe('runImport over xlsx files and a data folder', () => {
  let h: Harness
  let dir: string
  let file: string
  beforeEach(async () => {
    // A data folder with history: 赵丽娟 (p04) registered an issue (and, like every representative, sits
    // planned sessions); 钱敏 (a01), the admin, appears nowhere.
    h = await Harness.start({ now: '2026-11-02T10:00:00+08:00' })
    await h.say('赵丽娟', '/登记 王大爷 13812345678 楼道灯坏了', 'hpl')
    await h.app.idle()
    dir = h.dir
    file = path.join(mkdtempSync(path.join(os.tmpdir(), 'lxq-roster-')), '花名册.xlsx')
  })
  afterEach(async () => {
    await h.close()
    rmSync(path.dirname(file), { recursive: true, force: true })
  })

  async function write(grid: string[][]): Promise<void> {
    const wb = new ExcelJS.Workbook()
    const ws = wb.addWorksheet('名册')
    for (const r of grid) ws.addRow(r)
    await wb.xlsx.writeFile(file)
  }
  const withoutP04A01 = () => sheetOf(current.filter((p) => p.id !== 'p04' && p.id !== 'a01'))

  test('a dry run changes nothing in the data folder and says what would change', async () => {
    await write([...withoutP04A01(), ['杜文强', '和平区人社局', '科长', '区级', '13800000019', '小白楼工作室', '党代表']])
    const before = snapshot(dir)
    const out = await runImport({ file, dataDir: dir, config, apply: false, now: 0, fsync: false })
    expect(out.code).toBe(0)
    expect(snapshot(dir)).toEqual(before)
    expect(existsSync(path.join(dir, 'directory.json'))).toBe(false)
    expect(out.lines).toEqual([
      '花名册：花名册.xlsx（工作表“名册”，17 行数据）',
      '将有以下变动：',
      '新增 1 人：',
      '  + 新增 杜文强（小白楼工作室，党代表，编号 p15）',
      '不在册 1 人（有记录，保留档案）：',
      '  - 标记为不在册 赵丽娟（p04）：值班 2 场、问题记录 1 件，保留档案，不删除',
      '删除 1 人（没有任何记录）：',
      '  - 删除 钱敏（a01）：花名册里没有，也没有任何记录',
      '未变动 16 人。',
      '这是试运行，什么都没有写入。确认无误后加 --apply 再运行一次。',
    ])
  })

  test('--apply writes directory.json; the bot then uses it; the one with history keeps a record, inactive', async () => {
    await write(withoutP04A01())
    const out = await runImport({ file, dataDir: dir, config, apply: true, now: Date.UTC(2026, 10, 2), fsync: false })
    expect(out.code).toBe(0)
    expect(out.lines.at(-1)).toBe(`已写入 ${path.join(dir, 'directory.json')}。正在运行的机器人 1 分钟内载入新名册，不用重启。`)
    const saved = JSON.parse(readFileSync(path.join(dir, 'directory.json'), 'utf8'))
    expect(saved).toMatchObject({ version: 1, source: '花名册.xlsx' })
    expect(saved.people.find((p: Person) => p.id === 'p04')).toMatchObject({ name: '赵丽娟', active: false })
    expect(saved.people.some((p: Person) => p.id === 'a01')).toBe(false)
    // A second run of the same sheet changes nothing.
    const again = await runImport({ file, dataDir: dir, config, apply: false, now: 0, fsync: false })
    expect(again.lines).toContain('没有变动。')
    // The bot after a restart: 赵丽娟 is no longer on the roster, but her record is still hers.
    await h.restart()
    expect(h.app.deps.directory.repsOf('hpl').map((p) => p.id)).toEqual(['p01', 'p02', 'p03', 'p05'])
    expect(h.app.deps.directory.admins()).toEqual([])
    const replies = await h.say('刘芳', '/履职 赵丽娟')
    expect(replies[0]).toContain('【履职档案】赵丽娟（和平区房管局，和平里工作室）【已不在册】')
    expect(replies[0]).toContain('登记群众反映问题 1 件')
  })

  test('a sheet with a bad row: the row and column are named, nothing is written, exit code 2', async () => {
    await write([...sheetOf(current), ['冯建华', '和平区司法局', '副局长', '区级', '1380000002', '和平里工作室', '党代表']])
    const before = snapshot(dir)
    const out = await runImport({ file, dataDir: dir, config, apply: true, now: 0, fsync: false })
    expect(out.code).toBe(2)
    expect(out.lines).toContain('  第 20 行“手机”列：“1380000002”不是 11 位手机号。')
    expect(out.lines.at(-1)).toBe('有错误，没有写入。')
    expect(snapshot(dir)).toEqual(before)
  })

  test('a file that is missing or not a spreadsheet', async () => {
    expect((await runImport({ file: path.join(dir, 'nope.xlsx'), dataDir: dir, config, apply: false, now: 0 })).lines).toEqual([`找不到文件：${path.join(dir, 'nope.xlsx')}`])
    writeFileSync(path.join(dir, 'notes.json'), '{"version": 1}')
    const out = await runImport({ file: path.join(dir, 'notes.json'), dataDir: dir, config, apply: false, now: 0 })
    expect(out.code).toBe(2)
    expect(out.lines[0]).toContain('请用 Excel 另存为 .xlsx 后再试。')
  })
})

describe('the command-line tools', () => {
  const tsx = path.join(process.cwd(), 'node_modules', '.bin', 'tsx')
  let data: string
  beforeEach(() => {
    data = mkdtempSync(path.join(os.tmpdir(), 'lxq-cli-'))
  })
  afterEach(() => rmSync(data, { recursive: true, force: true }))
  const env = () => ({ ...process.env, LXQ_CONFIG: 'config/demo.yaml', LXQ_DATA: data, LXQ_FAKE_NOW: '2026-11-20T10:00:00+08:00' })

  test('npm run import on the sample 花名册 names its one bad row and writes nothing', () => {
    const r = spawnSync(tsx, ['src/cli/import.ts', 'data/examples/花名册.xlsx', '--apply'], { env: env(), encoding: 'utf8' })
    expect(r.status).toBe(2)
    expect(r.stdout).toContain('发现 1 处错误')
    expect(r.stdout).toContain('第 21 行“手机”列：“1380000002”不是 11 位手机号。')
    expect(r.stdout).toContain('+ 新增 杜文强（小白楼工作室，党代表，编号 p15）')
    expect(r.stdout).toContain('~ 修改 李秀兰（p02）：职务 站长 → 主任')
    expect(existsSync(path.join(data, 'directory.json'))).toBe(false)
  }, 30_000)

  test('npm run bind-code knows the people an applied import added', async () => {
    const sheet = path.join(data, '花名册.xlsx')
    const wb = new ExcelJS.Workbook()
    const ws = wb.addWorksheet('名册')
    for (const r of [...sheetOf(current), ['杜文强', '和平区人社局', '科长', '区级', '13800000019', '小白楼工作室', '联络员']]) ws.addRow(r)
    await wb.xlsx.writeFile(sheet)
    expect(spawnSync(tsx, ['src/cli/import.ts', sheet, '--apply'], { env: env(), encoding: 'utf8' }).status).toBe(0)
    const r = spawnSync(tsx, ['src/cli/bind-code.ts', '杜文强'], { env: env(), encoding: 'utf8' })
    expect(r.status).toBe(0)
    expect(r.stdout).toMatch(/^杜文强 的绑定码：\d{6}/u)
  }, 30_000)

  test('npm run export writes the district ledger for a period', async () => {
    const out = path.join(data, 'ledger.xlsx')
    const r = spawnSync(tsx, ['src/cli/export.ts', '2026年11月', '--out', out], { env: env(), encoding: 'utf8' })
    expect(r.stderr).toBe('')
    expect(r.status).toBe(0)
    expect(r.stdout).toContain(`已导出：${out}（问题 0 件，接待日 0 场，代表 15 人）`)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.readFile(out)
    expect(wb.worksheets.slice(0, 4).map((w) => w.name)).toEqual(['问题台账', '接待场次与签到', '换班记录', '统计'])
    const bad = spawnSync(tsx, ['src/cli/export.ts', '--studio', '梁山'], { env: env(), encoding: 'utf8' })
    expect(bad.status).toBe(2)
    expect(bad.stderr).toContain('没有找到工作室“梁山”')
  }, 30_000)
})
