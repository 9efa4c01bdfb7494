/**
 * `npm run export` (src/cli/export.ts, in-process): the same ledger as before issue 16 (compared with the
 * former workbook, every sheet and cell), streamed into the file, readable only by the server's account;
 * a period longer than ten years refused with the hint; a damaged data file named, no file left behind.
 */
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { readFile } from 'node:fs/promises'
import { runExportCli } from '../../src/cli/export.js'
import { benchConfigText } from '../../bench/bench-config.js'
import { collectLedger, openFolderReadOnly, storeSource } from '../../src/export/ledger-source.js'
import { withRange } from '../../src/domain/stats/period.js'
import { buildReferenceWorkbook } from '../support/ledger-workbook-reference.js'
import { picture } from '../support/workbook-picture.js'
import { generatedDistrict, type GeneratedDistrict } from '../support/generated-district.js'

let g: GeneratedDistrict
let work: string
let env: NodeJS.ProcessEnv
beforeAll(() => {
  g = generatedDistrict({ studios: 3, issues: 600 })
  work = mkdtempSync(path.join(os.tmpdir(), 'lxq-export-'))
  writeFileSync(path.join(work, 'district.yaml'), benchConfigText({ studios: 3 }))
  env = { LXQ_CONFIG: path.join(work, 'district.yaml'), LXQ_DATA: g.dir, LXQ_FAKE_NOW: '2026-07-01T12:00:00+08:00' }
})
afterAll(() => {
  g.remove()
  rmSync(work, { recursive: true, force: true })
})

async function run(args: string[]) {
  let out = ''
  let err = ''
  const code = await runExportCli(args, env, { write: (s: string) => (out += s) }, { write: (s: string) => (err += s) })
  return { code, out, err }
}

test('the district year: written, 0600, every sheet and cell as the former ledger had them', async () => {
  const file = path.join(work, 'out', 'ledger.xlsx')
  const r = await run(['2026年', '--out', file])
  expect(r).toMatchObject({ code: 0, err: '' })
  expect(r.out).toMatch(/^已导出：.*ledger\.xlsx（问题 \d+ 件，接待日 \d+ 场，代表 18 人）。文件含群众个人信息，请妥善保管。\n$/)
  expect(statSync(file).mode & 0o777).toBe(0o600)
  const period = withRange({ kind: 'year', year: 2026 })
  const data = await collectLedger(storeSource(await openFolderReadOnly(g.dir)), g.studios.map((s) => s.id), period.from, period.to)
  const before = await buildReferenceWorkbook({ data, title: '基准市（全区）', period, now: g.now, people: g.people, studios: g.studios, days: g.days, scheme: g.config.evaluation })
  expect(await picture(await readFile(file))).toEqual(await picture(before.buffer))
})

test('more than ten years: refused with the longest period that may be asked, nothing written', async () => {
  const file = path.join(work, 'long.xlsx')
  const r = await run(['2000-01至2026-12', '--out', file])
  expect(r.code).toBe(2)
  expect(r.err).toContain('“2000-01至2026-12”超过了 10 年。统计和台账一次最多 10 年，如最近 10 年：2017-01至2026-12')
  expect(existsSync(file)).toBe(false)
})

test('a damaged data file: named, exit 1, no half-written file left', async () => {
  const damaged = path.join(g.dir, 'issues', g.studios[1].id, '2026.json')
  const good = await readFile(damaged)
  writeFileSync(damaged, good.subarray(0, 500))
  try {
    const file = path.join(work, 'broken.xlsx')
    const r = await run(['2026年', '--out', file])
    expect(r.code).toBe(1)
    expect(r.err).toContain('2026.json')
    expect(existsSync(file)).toBe(false)
  } finally {
    writeFileSync(damaged, good)
  }
})
