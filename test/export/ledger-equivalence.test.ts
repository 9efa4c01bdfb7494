/**
 * The streamed ledger (src/export/ledger-workbook.ts: exceljs' streaming writer, indexes built once) holds
 * exactly what the ledger held before issue 16 (test/support/ledger-workbook-reference.ts, the former code
 * kept verbatim): the same sheets in the same order, every cell's value, bold and wrapping, every column's
 * width, the frozen header rows. Compared on the hand-computed fixture (two studios, half a year and a
 * whole year, one studio) and on a generated district of 8 studios (~700 issues in the year, sessions
 * with leave, substitutes, swaps, cancellations and check-ins, two representatives of one name).
 */
import { buildLedgerWorkbook, type WorkbookInput } from '../../src/export/ledger-workbook.js'
import { buildReferenceWorkbook } from '../support/ledger-workbook-reference.js'
import { picture, type SheetPicture } from '../support/workbook-picture.js'
import { collectLedger, openFolderReadOnly, storeSource } from '../../src/export/ledger-source.js'
import { studiosFromConfig } from '../../src/app/directory.js'
import { withRange, type Period } from '../../src/domain/stats/period.js'
import type { Person } from '../../src/domain/model.js'
import { demoConfig } from '../support/harness.js'
import { generatedDistrict, type GeneratedDistrict } from '../support/generated-district.js'
import { NOW, days, fixtureIssues, fixtureSessions } from '../domain/stats/fixture.js'

async function expectSameLedger(input: WorkbookInput): Promise<SheetPicture[]> {
  const [now, before] = await Promise.all([buildLedgerWorkbook(input), buildReferenceWorkbook(input)])
  expect({ issues: now.issues, sessions: now.sessions, reps: now.reps, sheets: now.sheets }).toEqual({ issues: before.issues, sessions: before.sessions, reps: before.reps, sheets: before.sheets })
  const [a, b] = await Promise.all([picture(now.buffer), picture(before.buffer)])
  expect(a.map((s) => s.name)).toEqual(b.map((s) => s.name))
  for (let i = 0; i < a.length; i++) expect(a[i]).toEqual(b[i])
  return a
}

describe('the fixture', () => {
  const config = demoConfig()
  const rep = (id: string, name: string, studioId: string, extra: Partial<Person> = {}): Person => ({ id, name, unit: '单位', position: '职务', studioId, roles: ['representative'], active: true, ...extra })
  const PEOPLE: Person[] = [
    rep('p1', '张一', 'hpl', { level: '区级' }),
    rep('p2', '李二', 'hpl'),
    rep('p3', '王三', 'hpl', { active: false }),
    { id: 'c1', name: '刘芳', unit: '社区党委', position: '副书记', studioId: 'hpl', roles: ['coordinator'], active: true },
    rep('q1', '赵四', 'qyl'),
    rep('q2', '李二', 'qyl'),
  ]
  const input = (period: Period, studioIds: string[]): WorkbookInput => {
    const inP = (d: string) => d >= period.from && d <= period.to
    return {
      data: {
        studioIds,
        from: period.from,
        to: period.to,
        issues: fixtureIssues().filter((i) => inP(i.date) && studioIds.includes(i.studioId)),
        sessions: fixtureSessions().filter((s) => inP(s.date) && studioIds.includes(s.studioId)),
        swaps: [],
      },
      title: '和平区（全区）',
      period,
      now: NOW,
      people: PEOPLE,
      studios: studiosFromConfig(config),
      days: () => days,
      scheme: config.evaluation,
    }
  }

  test('half a year of two studios', async () => {
    const sheets = await expectSameLedger(input(withRange({ kind: 'months', from: { year: 2026, month: 1 }, to: { year: 2026, month: 6 } }), ['hpl', 'qyl']))
    // The comparison sees what it should: two 李二 get their ids, headers are bold, long texts wrap.
    expect(sheets.map((s) => s.name)).toContain('李二(q2)')
    expect(sheets[0].rows[0].bold.every(Boolean)).toBe(true)
    expect(sheets[0].rows[1].wrap[8]).toBe(true)
  })

  test('a whole year of one studio, and an empty month', async () => {
    await expectSameLedger(input(withRange({ kind: 'year', year: 2026 }), ['hpl']))
    await expectSameLedger(input(withRange({ kind: 'month', year: 2026, month: 8 }), ['hpl', 'qyl']))
  })
})

describe('a generated district', () => {
  let g: GeneratedDistrict
  beforeAll(() => {
    g = generatedDistrict({ studios: 8, issues: 2000 })
  })
  afterAll(() => g.remove())

  test('the year of 8 studios, every sheet the same', async () => {
    const period = withRange({ kind: 'year', year: g.year })
    const ids = g.studios.map((s) => s.id)
    const data = await collectLedger(storeSource(await openFolderReadOnly(g.dir)), ids, period.from, period.to)
    expect(data.issues.length).toBeGreaterThan(600)
    expect(data.sessions.some((s) => s.history.some((h) => h.kind === 'swap'))).toBe(true)
    expect(data.sessions.some((s) => s.cancelled)).toBe(true)
    // Two representatives of one name in different studios.
    const people = g.people.map((p) => (p.id === g.people.find((x) => x.studioId === ids[1] && x.roles.includes('representative'))!.id ? { ...p, name: g.people[1].name } : p))
    const sheets = await expectSameLedger({ data, title: '基准市（全区）', period, now: g.now, people, studios: g.studios, days: g.days, scheme: g.config.evaluation })
    expect(sheets).toHaveLength(4 + 8 * 6)
    expect(sheets[0].rows).toHaveLength(data.issues.length + 1)
  })
})
