/**
 * `npm run calendar -- parse FILE --json | import FILE | show YEAR`, in-process (runCalendarCli with
 * captured streams) and once through npm itself for the exact stdout of `parse --json`.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { runCalendarCli } from '../../src/cli/calendar.js'

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/holiday-notices/${name}.txt`, import.meta.url))

function sink() {
  let text = ''
  return {
    write: (s: string) => (text += s),
    get text() {
      return text
    },
  }
}

async function run(args: string[], env: NodeJS.ProcessEnv = {}) {
  const out = sink()
  const err = sink()
  const code = await runCalendarCli(args, { ...env, LXQ_FAKE_NOW: '2026-12-01T10:00:00+08:00' }, out, err)
  return { code, out: out.text, err: err.text }
}

let dir: string
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'lxq-cal-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

describe('parse', () => {
  test('--json: exactly one JSON object with year, holidays in order, workdays; no data touched', async () => {
    const r = await run(['parse', fixture('2026'), '--json'], { LXQ_DATA: dir })
    expect(r.code).toBe(0)
    const lines = r.out.trim().split('\n')
    expect(lines).toHaveLength(1)
    const o = JSON.parse(lines[0])
    expect(Object.keys(o)).toEqual(['year', 'holidays', 'workdays'])
    expect(o.year).toBe(2026)
    expect(o.holidays.slice(0, 3)).toEqual(['2026-01-01', '2026-01-02', '2026-01-03'])
    expect([...o.holidays].sort()).toEqual(o.holidays)
    expect(o.workdays).toEqual(['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'])
    expect(existsSync(path.join(dir, 'calendar'))).toBe(false)
  })

  test('without --json: day by day with weekdays, the previous year’s day with its year', async () => {
    const r = await run(['parse', fixture('2023')])
    expect(r.out).toContain('元旦\n  放假：2022年12月31日（周六）、1月1日（周日）、1月2日（周一）')
  })

  test('a text that does not read: exit 2, the line named on stderr, nothing on stdout', async () => {
    const bad = path.join(dir, 'bad.txt')
    await import('node:fs/promises').then((f) => f.writeFile(bad, '国务院办公厅关于2027年部分节假日安排的通知\n一、元旦：1月1日（周四）放假。'))
    const r = await run(['parse', bad, '--json'])
    expect(r.code).toBe(2)
    expect(r.out).toBe('')
    expect(r.err).toContain('第 2 行：1月1日不是周四')
  })

  test('a missing file or verb: exit 2 with the usage', async () => {
    expect((await run(['parse', path.join(dir, 'nope.txt')])).err).toContain('读不到文件')
    expect((await run(['frobnicate'])).err).toContain('npm run calendar -- parse')
  })

  test('through npm -s: stdout is the JSON object alone', () => {
    const out = execFileSync('npm', ['run', '-s', 'calendar', '--', 'parse', fixture('2027-hypothetical'), '--json'], { encoding: 'utf8' })
    expect(JSON.parse(out)).toMatchObject({ year: 2027, workdays: ['2027-02-20', '2027-04-25', '2027-05-08', '2027-09-26', '2027-10-09'] })
  })
})

describe('import and show', () => {
  test('show 2027 before: provisional; import; show after: the notice with its file', async () => {
    const before = await run(['show', '2027'], { LXQ_DATA: dir })
    expect(before.out).toContain('2027年：临时日历')
    expect(before.out).toContain('放假（周末以外 7 天）：1月1日（周五）、2月5日（周五）、2月8日（周一）、4月5日（周一）、6月9日（周三）、9月15日（周三）、10月1日（周五）')
    const imp = await run(['import', fixture('2027-hypothetical')], { LXQ_DATA: dir })
    expect(imp.code).toBe(0)
    const file = path.join(dir, 'calendar', '2027.json')
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ version: 1, year: 2027, confirmedBy: 'console' })
    const after = await run(['show', '2027'], { LXQ_DATA: dir, LXQ_CONFIG: 'config/demo.yaml' })
    expect(after.out).toContain(`2027年：国务院通知（2026-12-01 10:00 由 console 确认，${file}）`)
    expect(after.out).toContain('调休上班（5 天）：2月20日（周六）')
    expect(after.out).toContain('另加配置：extraHolidays')
  })

  test('show 2026: the package', async () => {
    const r = await run(['show', '2026'], { LXQ_DATA: dir })
    expect(r.out).toMatch(/^2026年：chinese-days \d+\.\d+\.\d+ 的数据/)
    expect(r.out).toContain('调休上班（6 天）：1月4日（周日）')
  })

  test('show with a bad year: exit 2', async () => {
    expect((await run(['show', '27'])).code).toBe(2)
  })
})
