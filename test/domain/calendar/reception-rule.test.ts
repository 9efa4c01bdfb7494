import type { ReceptionRule } from '../../../src/domain/model.js'
import {
  parseReceptionRule,
  receptionDatesBetween,
  receptionDatesInMonth,
} from '../../../src/domain/calendar/reception-rule.js'
import { createWorkingCalendar } from '../../../src/domain/calendar/working-calendar.js'

const cal = createWorkingCalendar({})

function rules(text: string): ReceptionRule[] {
  const r = parseReceptionRule(text)
  if (!r.ok) throw new Error(`rule ${text} did not parse: ${r.code}`)
  return r.value
}

describe('parseReceptionRule: forms coordinators write', () => {
  test.each<[string, ReceptionRule[]]>([
    ['1日、15日', [{ kind: 'days', days: [1, 15] }]],
    ['每月10日、25日', [{ kind: 'days', days: [10, 25] }]],
    ['10,25', [{ kind: 'days', days: [10, 25] }]],
    ['10，25', [{ kind: 'days', days: [10, 25] }]],
    ['每月1、15日', [{ kind: 'days', days: [1, 15] }]],
    ['每月25号和10号', [{ kind: 'days', days: [10, 25] }]],
    ['每月十五日', [{ kind: 'days', days: [15] }]],
    ['１０日、２５日', [{ kind: 'days', days: [10, 25] }]], // full width
    ['每月第二个周三', [{ kind: 'nth-weekday', nth: 2, weekday: 3 }]],
    ['每月最后一个周五', [{ kind: 'nth-weekday', nth: -1, weekday: 5 }]],
    ['第1个周一', [{ kind: 'nth-weekday', nth: 1, weekday: 1 }]],
    ['第二个星期三', [{ kind: 'nth-weekday', nth: 2, weekday: 3 }]],
    ['第三个礼拜天', [{ kind: 'nth-weekday', nth: 3, weekday: 7 }]],
    ['每月第5个周日', [{ kind: 'nth-weekday', nth: 5, weekday: 7 }]],
    [
      '每月1日；最后一个周五',
      [
        { kind: 'days', days: [1] },
        { kind: 'nth-weekday', nth: -1, weekday: 5 },
      ],
    ],
    [
      '第二个周三;15日 、 1日',
      [
        { kind: 'nth-weekday', nth: 2, weekday: 3 },
        { kind: 'days', days: [1, 15] },
      ],
    ],
    ['10日、10号', [{ kind: 'days', days: [10] }]], // duplicates collapse
    ['每月31日', [{ kind: 'days', days: [31] }]],
  ])('%s', (text, expected) => {
    expect(parseReceptionRule(text)).toEqual({ ok: true, value: expected })
  })
})

describe('parseReceptionRule: rejections carry the bad value', () => {
  test.each([
    ['0日', 'rule.day-out-of-range', { day: 0 }],
    ['每月32日', 'rule.day-out-of-range', { day: 32 }],
    ['1日、40日', 'rule.day-out-of-range', { day: 40 }],
    ['第六个周三', 'rule.nth-out-of-range', { nth: 6 }],
    ['第0个周一', 'rule.nth-out-of-range', { nth: 0 }],
    ['第二个周8', 'rule.weekday-out-of-range', { weekday: 8 }],
    ['每周三', 'rule.unrecognised', { text: '每周三' }],
    ['1日、周末', 'rule.unrecognised', { text: '周末' }],
    ['每月10日 18:00', 'rule.unrecognised', { text: '18:00' }],
  ])('%s → %s', (text, code, params) => {
    expect(parseReceptionRule(text)).toEqual({ ok: false, code, params })
  })

  test.each(['', '  ', '、；'])('empty %j → rule.empty', (text) => {
    expect(parseReceptionRule(text)).toEqual({ ok: false, code: 'rule.empty' })
  })
})

describe('receptionDatesInMonth on the real 2025/2026 calendars', () => {
  test.each([
    // National Day 2025 (10-01..10-08) and 2026 (10-01..10-07)
    ['1日', 2025, 10, ['2025-10-09']],
    ['1日', 2026, 10, ['2026-10-08']],
    ['每月1日；最后一个周五', 2025, 10, ['2025-10-09', '2025-10-31']],
    // make-up working weekends keep the session
    ['28日', 2025, 9, ['2025-09-28']], // Sunday, make-up
    ['11日', 2025, 10, ['2025-10-11']], // Saturday, make-up
    ['10日', 2026, 10, ['2026-10-10']], // Saturday, make-up
    ['1日', 2026, 1, ['2026-01-04']], // New Year 01-01..03, Sunday 01-04 make-up
    // Spring Festival 2026 (02-15..02-23; make-up Sat 02-14, 02-28)
    ['1日、15日', 2026, 2, ['2026-02-02', '2026-02-24']],
    ['14日', 2026, 2, ['2026-02-14']],
    // nth weekday in February (2026-02-01 is a Sunday)
    ['每月第二个周三', 2026, 2, ['2026-02-11']],
    ['每月第三个周三', 2026, 2, ['2026-02-24']], // 02-18 is in the holiday → next working day
    ['每月最后一个周五', 2026, 2, ['2026-02-27']],
    ['第五个周三', 2026, 2, ['2026-02-25']], // no fifth Wednesday: the last one
    ['第1个周日', 2026, 2, ['2026-02-02']], // Sunday 02-01 → Monday
    ['第二个周三', 2025, 2, ['2025-02-12']], // 2025-02-01 is a Saturday
    ['第1个周六', 2026, 2, ['2026-02-09']], // 02-07 Saturday → Monday 02-09
    ['第二个周六', 2026, 2, ['2026-02-14']], // make-up Saturday stays
    // a day the month lacks: clamp to the last day, then move
    ['31日', 2026, 4, ['2026-04-30']],
    ['31日', 2026, 9, ['2026-09-30']],
    ['31日', 2025, 2, ['2025-02-05', '2025-02-28']], // 01-31 is in Spring Festival 2025 → 02-05; 31 → 28
    ['30日', 2024, 2, ['2024-02-29']], // leap year
    ['29日', 2026, 11, ['2026-11-30']], // Sunday 29 → Monday 30
    // two rules landing on one day make one session
    ['1日、3日', 2025, 10, ['2025-10-09']],
    ['30日、31日', 2026, 9, ['2026-09-30']],
    ['5日、第一个周一', 2026, 10, ['2026-10-08']], // both in the holiday
    ['10日、第二个周六', 2026, 10, ['2026-10-10']],
  ])('%s in %i-%i → %j', (text, year, month, expected) => {
    expect(receptionDatesInMonth(rules(text), year, month, cal)).toEqual(expected)
  })

  test('a date moved past month end is listed in the month it falls in, once', () => {
    // 2026-01-31 is a Saturday → Monday 02-02; 02-01 (Sunday) also → 02-02; 31 clamps to 02-28 (make-up Sat)
    const r = rules('1日、31日')
    expect(receptionDatesInMonth(r, 2026, 1, cal)).toEqual(['2026-01-04'])
    expect(receptionDatesInMonth(r, 2026, 2, cal)).toEqual(['2026-02-02', '2026-02-28'])
  })

  test('December spills into January of the next year', () => {
    // 2033-12-31 is a Saturday (uncovered year, weekends only) → 2034-01-02
    expect(receptionDatesInMonth(rules('31日'), 2033, 12, cal)).toEqual([])
    expect(receptionDatesInMonth(rules('31日'), 2034, 1, cal)).toEqual(['2034-01-02', '2034-01-31'])
  })

  test('no rules → no dates', () => {
    expect(receptionDatesInMonth([], 2026, 3, cal)).toEqual([])
  })

  test('every date of 2026 for "10日、25日" is a working day, 24 sessions, sorted', () => {
    const dates = receptionDatesBetween(rules('10日、25日'), '2026-01-01', '2026-12-31', cal)
    expect(dates).toHaveLength(24)
    expect(dates.every((d) => cal.isWorkingDay(d))).toBe(true)
    expect([...dates].sort()).toEqual(dates)
  })
})

describe('an uncovered year: the provisional calendar (statutory days, weekends) plus the studio extras', () => {
  test.each([
    [{}, '1日', 1, ['2031-01-02']], // Wednesday 元旦 (statutory) → Thursday
    [{ extraHolidays: ['2031-01-02'] }, '1日', 1, ['2031-01-03']],
    [{}, '1日', 10, ['2031-10-06']], // 国庆 1–3 October (statutory), then the weekend
    [{}, '4日', 1, ['2031-01-06']], // Saturday → Monday
    [{ extraWorkdays: ['2031-01-04'] }, '4日', 1, ['2031-01-04']],
    [{ extraHolidays: ['2031-10-06', '2031-10-07'] }, '1日', 10, ['2031-10-08']],
  ])('%j %s in 2031-%i → %j', (opts, text, month, expected) => {
    expect(receptionDatesInMonth(rules(text), 2031, month, createWorkingCalendar(opts))).toEqual(expected)
  })
})

describe('receptionDatesBetween', () => {
  test.each([
    ['1日、15日', '2025-09-15', '2025-10-31', ['2025-09-15', '2025-10-09', '2025-10-15']],
    ['1日、15日', '2025-10-10', '2025-10-31', ['2025-10-15']],
    ['1日、15日', '2025-10-09', '2025-10-09', ['2025-10-09']],
    ['1日、15日', '2025-10-10', '2025-10-14', []],
    ['1日、15日', '2025-10-31', '2025-10-01', []],
    // 11-30 (Sunday) → 12-01; 2026-01-31 (Saturday) → 02-02, so January has none; 31 → 02-28 (make-up Sat)
    ['31日', '2025-12-01', '2026-02-28', ['2025-12-01', '2025-12-31', '2026-02-02', '2026-02-28']],
  ])('%s from %s to %s → %j', (text, from, to, expected) => {
    expect(receptionDatesBetween(rules(text), from, to, cal)).toEqual(expected)
  })
})
