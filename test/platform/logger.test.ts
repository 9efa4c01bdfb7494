import { createLogger, memoryLogger, type Level } from '../../src/platform/logger.js'
import { beijingStamp } from '../../src/domain/time/local-date.js'
import { redactForLog } from '../../src/domain/privacy/redact-log.js'
import { showsDigitsOf } from '../../src/domain/privacy/mask-group-text.js'
import { Harness } from '../support/harness.js'

const PHONE = '13812345678'
const ID = '120101195001011234'

describe('every log line, at every level, withholds and masks constituents’ details', () => {
  test.each(['debug', 'info', 'warn', 'error'] as Exclude<Level, 'silent'>[])('%s', (level) => {
    const lines: string[] = []
    const log = createLogger('debug', (l) => lines.push(l))
    log[level]('failed for 13812345678', {
      id: 'HP-2026-0001',
      msgId: '6018203402739712',
      to: { roomId: '20394857@chatroom' },
      text: '/登记 周大姐 １３８１２３４５６７８ 和平里3号楼2单元501',
      constituent: { name: '周大姐', phone: PHONE, address: '和平里3号楼2单元501' },
      detail: `身份证号${ID.slice(0, 17)}Ｘ，邮箱 zhou@qq.com，电话 １３８－１２３４－５６７８`,
      error: new Error(`bad record 138.1234.5678`),
    })
    expect(lines).toHaveLength(1)
    const line = lines[0]
    expect(showsDigitsOf(line, PHONE)).toBe(false)
    expect(showsDigitsOf(line, ID)).toBe(false)
    expect(line).not.toMatch(/周大姐|和平里|zhou@/)
    // What an operator needs to trace it stays.
    expect(line).toContain('HP-2026-0001')
    expect(line).toContain('6018203402739712')
    expect(line).toContain('20394857@chatroom')
  })

  test('redactForLog: person-detail keys withheld with their length, other strings masked, ids kept', () => {
    expect(redactForLog({ name: '周大姐', n: 3, note: undefined, list: ['13812345678'], studioId: 'hpl', sessionIds: ['hpl/2026-12-10'] })).toEqual({
      name: '[3 chars withheld]',
      n: 3,
      note: '[0 chars withheld]',
      list: ['138****5678'],
      studioId: 'hpl',
      sessionIds: ['hpl/2026-12-10'],
    })
  })

  test('below the level, nothing is written', () => {
    const lines: string[] = []
    createLogger('warn', (l) => lines.push(l)).info('x')
    expect(lines).toEqual([])
  })
})

describe('a failing command logs its name and the issue id, never the text', () => {
  let h: Harness
  beforeEach(async () => {
    h = await Harness.start({ now: '2026-12-10T18:30:00+08:00' })
  })
  afterEach(() => h.close())

  test('a disk-full /登记 and /答复', async () => {
    await h.say('刘芳', '/登记 李阿姨 13698765432 幸福小区 门口垃圾没人清', 'hpl')
    const full = async () => {
      throw new Error('ENOSPC: no space left on device, write')
    }
    h.app.deps.issues.register = full as never
    h.app.deps.issues.apply = full as never
    const r1 = await h.say('刘芳', '/登记 周大姐 １３８１２３４５６７８ 和平里3号楼2单元501 楼上漏水，身份证号120101195001011234', 'hpl')
    const r2 = await h.say('刘芳', '/答复 HP-2026-0001 已联系周大姐，电话１３８ １２３４ ５６７８', 'hpl')
    expect(r1[0]).toContain('抱歉')
    expect(r2[0]).toContain('抱歉')
    const errors = h.log.lines.filter((l) => l.includes('ERROR command failed'))
    expect(errors).toHaveLength(2)
    expect(errors[0]).toContain('"command":"登记"')
    expect(errors[1]).toContain('"command":"答复"')
    expect(errors[1]).toContain('"issue":"HP-2026-0001"')
    for (const l of h.log.lines) {
      expect(showsDigitsOf(l, '13812345678')).toBe(false)
      expect(showsDigitsOf(l, '13698765432')).toBe(false)
      expect(showsDigitsOf(l, '120101195001011234')).toBe(false)
      expect(l).not.toMatch(/周大姐|李阿姨|和平里3号楼|幸福小区|漏水/)
    }
  })
})

test('memoryLogger records at debug', () => {
  const log = memoryLogger()
  log.debug('x', { text: 'secret' })
  expect(log.lines[0]).toMatch(/DEBUG x \{"text":"\[6 chars withheld\]"\}/)
})

test('log lines carry Beijing time with its offset, whatever TZ says', () => {
  const lines: string[] = []
  const log = createLogger('info', (l) => lines.push(l))
  log.info('hello')
  expect(lines[0]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+08:00 INFO hello$/)
  expect(beijingStamp(Date.parse('2026-12-01T20:48:00.000Z'))).toBe('2026-12-02T04:48:00.000+08:00')
  expect(Date.parse(beijingStamp(1_700_000_000_123))).toBe(1_700_000_000_123)
})
