/**
 * A 花名册 import that forgives real sheets (issue 17, item 10): sheets as offices make them (built with
 * exceljs: a title row, 序号, synonyms such as 所属工作室 / 手机号码 / 职位 / 代表层级 / 工作单位, no 角色,
 * a 合计 row and a 制表人 line, blank rows), read back through readSheetGrid; people matched by name with
 * phone or unit, never by name alone where it repeats; people with a record kept as 不在册 with the reason;
 * applying takes effect in the running bot (chat: an admin sends the xlsx privately and confirms; console:
 * the file written beside the bot is loaded by the next due-check).
 */
import path from 'node:path'
import ExcelJS from 'exceljs'
import { readSheetGrid } from '../../src/export/read-sheet.js'
import { previewImport, runImport } from '../../src/app/directory-import.js'
import { peopleFromConfig } from '../../src/app/directory.js'
import { Harness, demoConfig } from '../support/harness.js'

const config = demoConfig()
const current = peopleFromConfig(config)

async function xlsx(rows: (string | number)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('2026年党代表名册')
  for (const r of rows) ws.addRow(r)
  return Buffer.from(await wb.xlsx.writeBuffer())
}

/** The sample district's representatives as an office sheet: title, 序号, synonyms, no 角色, footer rows. */
function officeSheet(edit: (rows: (string | number)[][]) => void = () => undefined): (string | number)[][] {
  const studio = (id?: string) => config.studios.find((s) => s.id === id)?.name ?? ''
  const reps = current.filter((p) => p.roles.includes('representative'))
  const rows: (string | number)[][] = [
    ['和平区党代表工作室驻室代表花名册'],
    [],
    ['序号', '姓 名*', '工作单位', '职位', '代表层级', '手机号码', '所属工作室', '备注'],
    ...reps.map((p, i) => [i + 1, p.name, p.unit, p.position, p.level ?? '', Number(p.phone), studio(p.studioId), '']),
    [],
    ['合计', `${reps.length}人`],
    ['制表人：刘芳', '', '', '审核人：钱敏'],
    ['备注：层级以组织部文件为准'],
  ]
  edit(rows)
  return rows
}

async function preview(rows: (string | number)[][], history = new Map()) {
  const sheet = await readSheetGrid(await xlsx(rows))
  return previewImport({ grid: sheet.grid, sheetName: sheet.sheet, fileName: '花名册.xlsx', current, config, history })
}

test('所属工作室, no 角色 and a 合计 row: nothing changes, nobody is demoted, the footer rows are skipped', async () => {
  const { plan, lines } = await preview(officeSheet())
  expect(plan.errors).toEqual([])
  expect([plan.added, plan.updated, plan.deactivated, plan.removed]).toEqual([[], [], [], []])
  // 刘芳, 高翔 (coordinators) and 钱敏 (admin) are not in a representatives' sheet: kept as they are.
  expect(plan.people).toEqual(current)
  expect(plan.skipped).toEqual([20, 21, 22])
  expect(lines).toContain('已跳过第 20、21、22 行（合计、制表人、备注或重复的表头，不是人员）。')
  // 马俊 is coordinator and representative: a sheet without 角色 keeps both.
  expect(plan.people.find((p) => p.id === 'c02')!.roles).toEqual(['coordinator', 'representative'])
})

test.each([
  ['a new position (职位)', (r: (string | number)[][]) => (r[4][3] = '主任'), (p: Awaited<ReturnType<typeof preview>>['plan']) => expect(p.updated.map((u) => [u.after.id, u.fields])).toEqual([['p02', ['position']]])],
  ['a blank 手机 cell keeps nothing else from changing but clears the phone', (r: (string | number)[][]) => (r[3][5] = ''), (p: Awaited<ReturnType<typeof preview>>['plan']) => expect(p.updated.map((u) => [u.after.id, u.fields])).toEqual([['p01', ['phone']]])],
  ['a new representative is added as a representative', (r: (string | number)[][]) => r.splice(19, 0, [99, '杜文强', '和平区人社局', '科长', '区级', 13800000019, '小白楼工作室', '']), (p: Awaited<ReturnType<typeof preview>>['plan']) => expect(p.added.map((a) => [a.person.name, a.person.roles, a.person.studioId])).toEqual([['杜文强', ['representative'], 'xbl']])],
  ['a representative left the sheet (no record): proposed for deletion', (r: (string | number)[][]) => r.splice(4, 1), (p: Awaited<ReturnType<typeof preview>>['plan']) => expect(p.removed.map((x) => x.id)).toEqual(['p02'])],
])('%s', async (_, edit, check) => {
  const { plan } = await preview(officeSheet(edit))
  expect(plan.errors).toEqual([])
  check(plan)
})

test('two 张伟: one row with only the name is an error naming both, never a guess; the unit or the phone tells them apart', async () => {
  const zhang = (unit: string, phone: string | number) => (r: (string | number)[][]) => {
    const i = r.findIndex((x) => x[1] === '张伟' && x[2] === '小白楼社区居委会')
    r.splice(i, 1)
    const j = r.findIndex((x) => x[1] === '张伟')
    r[j][2] = unit
    r[j][5] = phone
  }
  const bare = await preview(officeSheet(zhang('', '')))
  expect(bare.plan.errors.map((e) => e.code)).toEqual(['row.ambiguous-person'])
  expect(bare.lines.join('\n')).toContain('名册里有 2 位 张伟（和平区卫健委、小白楼社区居委会），这一行的手机和单位都对不上，分不清是哪一位。请写上手机或单位。')
  expect(bare.plan.added).toEqual([])
  const byUnit = await preview(officeSheet(zhang('和平区卫健委', '')))
  expect(byUnit.plan.errors).toEqual([])
  expect(byUnit.plan.updated.map((u) => [u.after.id, u.fields])).toEqual([['p13', ['phone']]])
  // The other 张伟 (not in the sheet, no record) is the one proposed for deletion.
  expect(byUnit.plan.removed.map((p) => p.id)).toEqual(['p14'])
  const byPhone = await preview(officeSheet(zhang('', 13800000016)))
  expect(byPhone.plan.updated.map((u) => u.after.id)).toEqual(['p14'])
})

test('the error for a missing column agrees with the README (姓名 and 工作室 required) and names the synonyms', async () => {
  const { lines } = await preview([['序号', '名单', '单位'], [1, '张明华', '和平区教育局']])
  expect(lines.join('\n')).toContain('找不到“姓名”列（也可写作：代表姓名、名字）。表头须有“姓名”“工作室”两列，另可有单位、职务、层级、手机、角色')
})

describe('in the running bot', () => {
  let h: Harness
  afterEach(async () => {
    await h.close()
  })
  const sendFile = async (who: string, name: string, data: Buffer) => {
    const before = h.transport.sent.length
    await h.app.onMessage({ id: `f${Math.random()}`, text: '', talkerId: h.contact(who), talkerName: who, mentions: [], file: { name, read: async () => data } })
    await h.app.idle()
    return h.transport.sent.slice(before).map((m) => m.text)
  }

  test('刘芳 did /调班 and /取消接待: a sheet with 角色 that leaves her out keeps her 不在册 with what her record holds, never deleted', async () => {
    h = await Harness.start({ now: '2026-12-06T08:00:00+08:00' })
    const duty = (await h.app.deps.roster.sessionOn('hpl', '2026-12-10'))!.duty
    const other = current.find((p) => p.studioId === 'hpl' && p.roles.includes('representative') && !duty.includes(p.id))!
    await h.say('刘芳', `/调班 12月10日 ${current.find((p) => p.id === duty[0])!.name}→${other.name}`, 'hpl')
    await h.say('刘芳', '/取消接待 12月25日 场地维修', 'hpl')
    await h.app.idle()
    await h.store.settle()
    const sheet = await xlsx([['姓名', '单位', '所属工作室', '角色'], ...current.filter((p) => p.id !== 'c01').map((p) => [p.name, p.unit, config.studios.find((s) => s.id === p.studioId)?.name ?? '', p.roles.map((r) => ({ representative: '党代表', coordinator: '联络员', admin: '管理员' })[r]).join('、')])])
    const file = path.join(h.dir, 'sheet.xlsx')
    const { writeFileSync } = await import('node:fs')
    writeFileSync(file, sheet)
    const out = await runImport({ file, dataDir: h.dir, config, apply: false, now: 0 })
    expect(out.lines).toContain('  - 标记为不在册 刘芳（c01）：调整值班 2 次，保留档案，不删除')
  })

  test('an admin sends the xlsx privately, sees the preview, confirms with /确认: used at once, nobody demoted; others may not', async () => {
    h = await Harness.start({ now: '2026-12-06T08:00:00+08:00' })
    const data = await xlsx(officeSheet((r) => r.splice(19, 0, [99, '杜文强', '和平区人社局', '科长', '区级', 13800000019, '和平里工作室', ''])))
    expect((await sendFile('张明华', '花名册.xlsx', data))[0]).toContain('只有联络室管理员可以使用')
    const [shown] = await sendFile('钱敏', '花名册.xlsx', data)
    expect(shown).toContain('新增 1 人：\n  + 新增 杜文强（和平里工作室，党代表，编号 p15）')
    expect(shown).toContain('核对无误请在 30 分钟内回复 /确认导入')
    expect(h.app.deps.directory.findByName('杜文强')).toEqual([])
    // A file in a group, or not a spreadsheet, is no command.
    expect(await sendFile('钱敏', '照片.jpg', Buffer.from('x'))).toEqual([])
    const [done] = await h.say('钱敏', '/确认')
    expect(done).toContain('已导入花名册，立即生效')
    expect(h.app.deps.directory.findByName('杜文强').map((p) => p.id)).toEqual(['p15'])
    expect(h.app.deps.directory.repsOf('hpl').map((p) => p.id)).toContain('p15')
    // 刘芳 is still the coordinator: /调班 works for her.
    expect((await h.say('刘芳', '/调班 12月10日 →杜文强', 'hpl'))[0]).not.toContain('只有')
    // After a restart the import holds.
    await h.restart()
    expect(h.app.deps.directory.findByName('杜文强').map((p) => p.id)).toEqual(['p15'])
    expect(await h.say('钱敏', '/确认导入')).toEqual(['没有待确认的花名册。请先把 xlsx 文件私聊发给我。'])
  })

  test('npm run import -- --apply beside the running bot: the next due-check uses it, no restart', async () => {
    h = await Harness.start({ now: '2026-12-06T08:00:00+08:00' })
    const file = path.join(h.dir, 'sheet.xlsx')
    const { writeFileSync } = await import('node:fs')
    writeFileSync(file, await xlsx(officeSheet((r) => (r[4][3] = '主任'))))
    expect((await runImport({ file, dataDir: h.dir, config, apply: true, now: 0, fsync: false })).code).toBe(0)
    expect(h.app.deps.directory.person('p02')!.position).toBe('站长')
    await h.advanceTo('2026-12-06T08:01:00+08:00')
    expect(h.app.deps.directory.person('p02')!.position).toBe('主任')
  })
})
