import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { ConfigError, formatPath, loadConfig, parseConfigText } from '../../src/config/load-config.js'
import { cliConfig } from '../../src/cli/cli-common.js'

const DEMO = path.resolve('config/demo.yaml')
const demoText = readFileSync(DEMO, 'utf8')

/** demo.yaml with exact text replacements; each `from` must be there, so a changed demo fails loudly. */
function edit(...pairs: [from: string, to: string][]): string {
  let text = demoText
  for (const [from, to] of pairs) {
    expect(text).toContain(from)
    text = text.replace(from, to)
  }
  return text
}

/** The 1-based lines containing `needle`. */
const linesOf = (text: string, needle: string): number[] => text.split('\n').flatMap((l, i) => (l.includes(needle) ? [i + 1] : []))

/** The 1-based line of the only line containing `needle`. */
function lineOf(text: string, needle: string): number {
  const hits = linesOf(text, needle)
  expect(hits).toHaveLength(1)
  return hits[0]
}

/** The problems a ConfigError lists (fails the test when the text is accepted). */
function problems(text: string): string[] {
  try {
    parseConfigText(text, 'bad.yaml')
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError)
    return (e as ConfigError).problems
  }
  throw new Error('the config was accepted')
}

describe('config/demo.yaml', () => {
  test('loads, with defaults filled in', () => {
    const c = loadConfig(DEMO)
    expect(c.district.name).toBe('和平区')
    expect(c.studios.map((s) => s.id)).toEqual(['hpl', 'qyl', 'xbl'])
    expect(c.studios[0].reception).toMatchObject({ rule: '每月10日、25日', time: '18:00', perSession: 2 })
    expect(c.studios[1].reception.announceDaysBefore).toBe(3) // default
    expect(c.bot.sendGapMs).toEqual([300, 600])
    expect(c.people.find((p) => p.id === 'a01')?.roles).toEqual(['admin'])
    expect(c.people.every((p) => p.active)).toBe(true) // default
  })

  test('a missing file is a ConfigError naming it', () => {
    expect(() => loadConfig('/nonexistent/lxq.yaml')).toThrow(ConfigError)
    expect(() => loadConfig('/nonexistent/lxq.yaml')).toThrow(/\/nonexistent\/lxq\.yaml/)
  })

  test('loadConfig reads the file it is given', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'lxq-config-'))
    try {
      const file = path.join(dir, 'district.yaml')
      writeFileSync(file, edit(['  name: 和平区', '  name: 南开区']))
      expect(loadConfig(file).district.name).toBe('南开区')
      writeFileSync(file, edit(['rule: 每月1日、15日', 'days: [32, 15]']))
      expect(() => loadConfig(file)).toThrow(new RegExp(`配置文件 ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} 有 1 处错误`))
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('an invalid config reports every error with its path and line', () => {
  test('day 32 in studios[1].reception.days[0]', () => {
    const text = edit(['rule: 每月1日、15日', 'days: [32, 15]'])
    const n = lineOf(text, 'days: [32, 15]')
    expect(problems(text)).toEqual([`  studios[1].reception.days[0]（第 ${n} 行）: 32 不是有效日期`])
  })

  test('the error header counts the problems', () => {
    expect(() => parseConfigText(edit(['rule: 每月1日、15日', 'days: [32, 15]']), 'bad.yaml')).toThrow('配置文件 bad.yaml 有 1 处错误，已停止启动：')
  })

  test('duplicate studio id, duplicate person id, duplicate prefix', () => {
    const text = edit(['  - id: xbl', '  - id: qyl'], ['    prefix: XB', '    prefix: HP'], ['{ id: p12,', '{ id: p11,'])
    const ps = problems(text)
    expect(ps).toEqual(expect.arrayContaining([
      `  studios[2].id（第 ${linesOf(text, '  - id: qyl')[1]} 行）: id qyl 重复`,
      `  studios[2].prefix（第 ${linesOf(text, '    prefix: HP')[1]} 行）: 编号前缀 HP 重复`,
      `  people[13].id（第 ${lineOf(text, '黄丽')} 行）: id p11 重复`,
    ]))
    // Renaming xbl also leaves its six people pointing at a studio that no longer exists.
    expect(ps.filter((p) => p.includes('没有 id 为 xbl 的工作室'))).toHaveLength(6)
    expect(ps).toHaveLength(9)
  })

  test('unknown studio', () => {
    const text = edit(['name: 周晓梅, unit: 和平区人社局, position: 副局长, level: 区级, phone: \'13800000007\', studio: qyl', 'name: 周晓梅, unit: 和平区人社局, position: 副局长, level: 区级, phone: \'13800000007\', studio: nkq'])
    expect(problems(text)).toContain(`  people[7].studio（第 ${lineOf(text, '周晓梅')} 行）: 没有 id 为 nkq 的工作室`)
  })

  test('bad time', () => {
    const text = edit(["      time: '14:30'", "      time: '24:30'"])
    expect(problems(text)).toEqual([`  studios[2].reception.time（第 ${lineOf(text, "time: '24:30'")} 行）: 24:30 不是有效时间（应写作 18:00）`])
  })

  test('bad reception rule text', () => {
    const text = edit(['rule: 每月第二个周三', 'rule: 每月第二个周八'])
    expect(problems(text)).toEqual([
      `  studios[2].reception.rule（第 ${lineOf(text, '每月第二个周八')} 行）: 接待日规则“每月第二个周八”看不懂。可写：每月10日、25日；每月第二个周三；每月最后一个周五`,
    ])
  })

  test('bad date in a list', () => {
    const text = edit(['  extraHolidays: []\n', '  extraHolidays: [2026-02-30]\n'])
    expect(problems(text)).toEqual([`  calendar.extraHolidays[0]（第 ${lineOf(text, '2026-02-30')} 行）: 2026-02-30 不是有效日期（应写作 2026-10-01）`])
  })

  test('a missing required key points at its parent and says 必填', () => {
    const text = edit(['      place: 七一社区党群服务中心一楼接待室\n', ''])
    expect(problems(text)).toEqual([`  studios[1].reception.place（第 ${lineOf(text, 'rule: 每月1日、15日')} 行）: 必填`])
  })

  test('messages zod writes itself are in Chinese too', () => {
    const text = edit(['durationMinutes: 180', 'durationMinutes: 三小时'])
    const [p] = problems(text)
    expect(p).toMatch(new RegExp(`^  studios\\[1\\]\\.reception\\.durationMinutes（第 ${lineOf(text, '三小时')} 行）: `))
    expect(p).toMatch(/\p{Script=Han}/u)
    expect(p).not.toMatch(/Invalid input|expected/)
  })

  test('five different mistakes: five problems, in one report', () => {
    const text = edit(
      ['rule: 每月1日、15日', 'days: [32, 15]'],
      ["      time: '14:30'", "      time: '25:00'"],
      ['rule: 每月第二个周三', 'rule: 每月第九个周八'],
      ["phone: '13800000007', studio: qyl", "phone: '13800000007', studio: nowhere"],
      ['{ id: p12,', '{ id: p11,'],
    )
    expect(problems(text)).toEqual([
      `  studios[1].reception.days[0]（第 ${lineOf(text, 'days: [32, 15]')} 行）: 32 不是有效日期`,
      `  studios[2].reception.time（第 ${lineOf(text, "'25:00'")} 行）: 25:00 不是有效时间（应写作 18:00）`,
      `  studios[2].reception.rule（第 ${lineOf(text, '每月第九个周八')} 行）: 接待日规则“每月第九个周八”看不懂。可写：每月10日、25日；每月第二个周三；每月最后一个周五`,
      `  people[7].studio（第 ${lineOf(text, 'studio: nowhere')} 行）: 没有 id 为 nowhere 的工作室`,
      `  people[13].id（第 ${lineOf(text, '黄丽')} 行）: id p11 重复`,
    ])
  })

  test('a wrong type elsewhere does not hide a duplicate id or an unknown studio', () => {
    const text = edit(
      ['durationMinutes: 180', 'durationMinutes: 三小时'],
      ['{ id: p12,', '{ id: p11,'],
      ["phone: '13800000007', studio: qyl", "phone: '13800000007', studio: nowhere"],
    )
    const ps = problems(text)
    expect(ps).toHaveLength(3)
    expect(ps).toContain(`  people[13].id（第 ${lineOf(text, '黄丽')} 行）: id p11 重复`)
    expect(ps).toContain(`  people[7].studio（第 ${lineOf(text, 'studio: nowhere')} 行）: 没有 id 为 nowhere 的工作室`)
  })

  test('too few representatives and no coordinator', () => {
    const text = edit(['roles: [coordinator], wechatId: demo-c03', 'roles: [representative], wechatId: demo-c03'], ['perSession: 2           #', 'perSession: 7           #'])
    const ps = problems(text)
    expect(ps).toContain(`  studios[2]（第 ${lineOf(text, '  - id: xbl')} 行）: 工作室 小白楼工作室 没有联络员（roles 含 coordinator 的人员）`)
    expect(ps).toContain(`  studios[0]（第 ${lineOf(text, '  - id: hpl')} 行）: 工作室 和平里工作室 只有 5 名在任代表，少于每场所需的 7 人`)
  })
})

describe('YAML syntax errors carry their line', () => {
  test.each<[string, [string, string], string, string]>([
    ['nested mapping', ['  name: 和平区', '  name: 和平区: 南开区'], '和平区: 南开区', 'Nested mappings are not allowed'],
    ['tab indentation', ['  horizonMonths: 2', '\thorizonMonths: 2'], '\thorizonMonths', 'Tabs are not allowed'],
    ['duplicate key', ['  horizonMonths: 2', '  horizonMonths: 2\n  horizonMonths: 3'], 'horizonMonths: 3', 'Map keys must be unique'],
  ])('%s', (_label, pair, needle, message) => {
    const text = edit(pair)
    const ps = problems(text)
    expect(ps).toHaveLength(1)
    expect(ps[0]).toContain(`（第 ${lineOf(text, needle)} 行）: YAML 语法错误：`)
    expect(ps[0]).toContain(message)
  })
})

describe('formatPath', () => {
  test.each<[PropertyKey[], string]>([
    [['studios', 1, 'reception', 'days', 0], 'studios[1].reception.days[0]'],
    [['district', 'name'], 'district.name'],
    [[], ''],
    [['people', 0], 'people[0]'],
  ])('%j', (p, expected) => {
    expect(formatPath(p)).toBe(expected)
  })
})

describe('the parsed-config cache (loadConfig with cacheDir)', () => {
  const withDir = (fn: (dir: string, file: string, cacheFile: string) => void) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'lxq-config-cache-'))
    try {
      fn(dir, path.join(dir, 'district.yaml'), path.join(dir, 'cache', 'config.json'))
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }
  const readCache = (f: string) => JSON.parse(readFileSync(f, 'utf8'))

  test('a valid file is cached by its SHA-256, and an unchanged file is then taken from the cache', () =>
    withDir((dir, file, cacheFile) => {
      writeFileSync(file, demoText)
      const first = loadConfig(file, { cacheDir: path.join(dir, 'cache') })
      const cache = readCache(cacheFile)
      expect(cache).toMatchObject({ version: 1, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) })
      expect(loadConfig(file, { cacheDir: path.join(dir, 'cache') })).toEqual(first)
      // Proof that the cache is what is read: an entry edited behind the file's back shows (the file is not parsed).
      cache.raw.district.name = '缓存区'
      writeFileSync(cacheFile, JSON.stringify(cache))
      expect(loadConfig(file, { cacheDir: path.join(dir, 'cache') }).district.name).toBe('缓存区')
      expect(loadConfig(file).district.name).toBe('和平区')
    }))

  test('the command-line tools read the bot’s cache in the data folder and never write one', () =>
    withDir((dir, file, cacheFile) => {
      writeFileSync(file, demoText)
      const env = { LXQ_CONFIG: file, LXQ_DATA: dir }
      expect(cliConfig(env)!.district.name).toBe('和平区')
      expect(() => readFileSync(cacheFile)).toThrow()
      loadConfig(file, { cacheDir: path.join(dir, 'cache') })
      const cache = readCache(cacheFile)
      cache.raw.district.name = '缓存区'
      writeFileSync(cacheFile, JSON.stringify(cache))
      expect(cliConfig(env)!.district.name).toBe('缓存区')
    }))

  test('a changed file is parsed again and cached anew; a damaged or foreign cache is ignored', () =>
    withDir((dir, file, cacheFile) => {
      const cacheDir = path.join(dir, 'cache')
      writeFileSync(file, demoText)
      loadConfig(file, { cacheDir })
      const before = readCache(cacheFile).sha256
      writeFileSync(file, edit(['  name: 和平区', '  name: 南开区']))
      expect(loadConfig(file, { cacheDir }).district.name).toBe('南开区')
      expect(readCache(cacheFile).sha256).not.toBe(before)
      writeFileSync(cacheFile, '{"version":1,"sha')
      expect(loadConfig(file, { cacheDir }).district.name).toBe('南开区')
      writeFileSync(cacheFile, JSON.stringify({ version: 2, sha256: readCache(cacheFile).sha256, raw: {} }))
      expect(loadConfig(file, { cacheDir }).district.name).toBe('南开区')
    }))

  test('a cached entry the schema refuses is parsed from the file; an invalid file is never cached and names its lines', () =>
    withDir((dir, file, cacheFile) => {
      const cacheDir = path.join(dir, 'cache')
      writeFileSync(file, demoText)
      loadConfig(file, { cacheDir })
      const cache = readCache(cacheFile)
      cache.raw.studios = 'not a list'
      writeFileSync(cacheFile, JSON.stringify(cache))
      expect(loadConfig(file, { cacheDir }).studios).toHaveLength(3)
      rmSync(cacheFile)
      const bad = edit(['rule: 每月1日、15日', 'days: [32, 15]'])
      writeFileSync(file, bad)
      expect(() => loadConfig(file, { cacheDir })).toThrow(/第 \d+ 行/)
      expect(() => readFileSync(cacheFile)).toThrow()
    }))
})
