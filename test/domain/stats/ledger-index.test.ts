/**
 * The indexes a ledger is written from (src/domain/stats/ledger-index.ts) and the figures of a district
 * merged from its studios' (mergeFigures): each gives what scanning everything gives, on the
 * hand-computed fixture and on a generated district (12 studios, sessions with leave, substitutes, swaps,
 * coordinators' changes, cancellations and check-ins), for every person and studio.
 */
import { indexLedger } from '../../../src/domain/stats/ledger-index.js'
import { repRecord } from '../../../src/domain/stats/rep-record.js'
import { isReception, sessionKeys } from '../../../src/domain/stats/reception.js'
import { computeFigures, mergeFigures } from '../../../src/domain/stats/figures.js'
import { collectLedger, openFolderReadOnly, storeSource, type LedgerData } from '../../../src/export/ledger-source.js'
import type { WorkingDays } from '../../../src/domain/issues/issue.js'
import { generatedDistrict } from '../../support/generated-district.js'
import { NOW, days as fixtureDays, fixtureIssues, fixtureSessions } from './fixture.js'

interface Case {
  name: string
  data: LedgerData
  people: string[]
  studios: string[]
  now: number
  days: (id: string) => WorkingDays
}

const cases: Case[] = []

beforeAll(async () => {
  const issues = fixtureIssues()
  const sessions = fixtureSessions()
  cases.push({
    name: 'fixture',
    data: { studioIds: ['hpl', 'qyl'], from: '2026-01-01', to: '2026-06-30', issues, sessions, swaps: [] },
    people: [...new Set([...issues.flatMap((i) => [i.registrar, ...i.dutyReps]), ...sessions.flatMap((s) => s.duty), 'nobody'])],
    studios: ['hpl', 'qyl', 'xbl'],
    now: NOW,
    days: () => fixtureDays,
  })
  const g = generatedDistrict({ studios: 12, issues: 3000 })
  try {
    const ids = g.studios.map((s) => s.id)
    const store = await openFolderReadOnly(g.dir)
    for (const [from, to] of [['2026-01-01', '2026-12-31'], ['2025-03-01', '2026-04-30']]) {
      cases.push({ name: `district ${from}..${to}`, data: await collectLedger(storeSource(store), ids, from, to), people: g.people.map((p) => p.id), studios: ids, now: g.now, days: g.days })
    }
  } finally {
    g.remove()
  }
})

test('the generated district has what the equalities must hold over', () => {
  const d = cases[1].data
  const kinds = new Set(d.sessions.flatMap((s) => s.history.map((h) => h.kind)))
  expect([...kinds].sort()).toEqual(['cancel', 'leave', 'planned', 'set', 'substitute', 'swap', 'volunteer'])
  expect(d.sessions.filter((s) => s.attendance.length).length).toBeGreaterThan(50)
  expect(new Set(d.issues.map((i) => i.status)).size).toBeGreaterThanOrEqual(5)
})

test("a person's record from the index equals the record from every issue and session", () => {
  let nonEmpty = 0
  for (const c of cases) {
    const index = indexLedger(c.data)
    for (const personId of c.people) {
      const base = { personId, from: c.data.from, to: c.data.to, now: c.now }
      const full = repRecord({ ...base, issues: c.data.issues, sessions: c.data.sessions })
      expect([c.name, personId, repRecord({ ...base, ...index.person(personId) })]).toEqual([c.name, personId, full])
      if (full.onDuty + full.registered + full.covered + full.gave + full.swapped > 0) nonEmpty++
    }
  }
  expect(nonEmpty).toBeGreaterThan(60)
})

test("a studio's records from the index, the constituents received per session day, issues by id", () => {
  for (const c of cases) {
    const index = indexLedger(c.data)
    const held = sessionKeys(c.data.sessions)
    for (const id of c.studios) {
      expect(index.studio(id).issues).toEqual(c.data.issues.filter((i) => i.studioId === id))
      expect(index.studio(id).sessions).toEqual(c.data.sessions.filter((s) => s.studioId === id))
    }
    for (const s of c.data.sessions) {
      expect(index.issuesOn(s.id)).toBe(c.data.issues.filter((i) => isReception(i, held) && `${i.studioId}/${i.date}` === s.id).length)
    }
    for (const i of c.data.issues) expect(index.issue(i.id)).toBe(i)
    expect([...index.seated].sort()).toEqual([...new Set(c.data.sessions.flatMap((s) => [...s.duty, ...s.attendance.map((a) => a.personId)]))].sort())
  }
})

test("the district's figures merged from its studios' equal the figures over everything", () => {
  for (const c of cases) {
    const { from, to } = c.data
    const all = computeFigures({ issues: c.data.issues, sessions: c.data.sessions, from, to, now: c.now, days: c.days })
    const parts = c.studios.map((id) => computeFigures({ issues: c.data.issues.filter((i) => i.studioId === id), sessions: c.data.sessions.filter((s) => s.studioId === id), from, to, now: c.now, days: c.days }))
    expect(mergeFigures(from, to, parts)).toEqual(all)
    expect(all.received).toBeGreaterThan(0)
  }
  // Nothing to merge: the zeros of an empty period.
  const empty = computeFigures({ issues: [], sessions: [], from: '2026-01-01', to: '2026-01-31', now: NOW, days: () => fixtureDays })
  expect(mergeFigures('2026-01-01', '2026-01-31', [])).toEqual(empty)
})
