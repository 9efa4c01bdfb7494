/**
 * Writes data/examples/花名册.xlsx: the sample district's people (config/demo.yaml) as an office keeps its
 * roster spreadsheet (a title line above the header, a 序号 and a 备注 column the import ignores), with a
 * few changes to show what `npm run import` reports, and one bad row:
 *   - 李秀兰's position changed (站长 → 主任);
 *   - 陈志强 left (not in the sheet): deleted if he has no history, marked inactive if he has;
 *   - 杜文强 joins 小白楼工作室;
 *   - 冯建华's mobile has 10 digits: the import names that row and the 手机 column, and writes nothing.
 *
 *   npx tsx scripts/make-sample-roster.ts [out.xlsx]
 */
import ExcelJS from 'exceljs'
import { loadConfig } from '../src/config/load-config.js'

const ROLE = { representative: '党代表', coordinator: '联络员', admin: '管理员' } as const

async function main(out = 'data/examples/花名册.xlsx'): Promise<void> {
  const config = loadConfig('config/demo.yaml')
  const studio = (id?: string) => config.studios.find((s) => s.id === id)?.name ?? ''
  const rows: (string | number)[][] = []
  for (const p of config.people) {
    if (p.id === 'p05') continue
    const position = p.id === 'p02' ? '主任' : p.position
    rows.push([p.name, p.unit, position, p.level ?? '', p.phone ?? '', studio(p.studio), p.roles.map((r) => ROLE[r]).join('、'), ''])
  }
  rows.push(['杜文强', '和平区人社局', '科长', '区级', '13800000019', '小白楼工作室', '党代表', '新任'])
  rows.push(['冯建华', '和平区司法局', '副局长', '区级', '1380000002', '和平里工作室', '党代表', '手机少一位'])

  const wb = new ExcelJS.Workbook()
  wb.creator = 'lianxinqiao sample'
  wb.created = new Date(Date.UTC(2026, 10, 1))
  wb.modified = wb.created
  const ws = wb.addWorksheet('花名册')
  ws.addRow([`${config.district.name}党代表花名册（2026年11月）`]).font = { bold: true, size: 14 }
  ws.mergeCells(1, 1, 1, 9)
  ws.addRow(['序号', '姓名', '单位', '职务', '层级', '手机', '工作室', '角色', '备注']).font = { bold: true }
  rows.forEach((r, i) => ws.addRow([i + 1, ...r]))
  ws.columns.forEach((c, i) => (c.width = [6, 10, 28, 12, 8, 14, 16, 14, 12][i]))
  await wb.xlsx.writeFile(out)
  process.stdout.write(`${out}: ${rows.length} rows\n`)
}

main(process.argv[2]).catch((e) => {
  process.stderr.write(String(e) + '\n')
  process.exit(1)
})
