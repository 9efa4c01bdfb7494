import type { PlannedSession, RosterSession } from '../../../src/domain/roster/plan-roster.js'
import { planRoster, suggestCandidates } from '../../../src/domain/roster/plan-roster.js'

const pad = (n: number): string => String(n).padStart(2, '0')
const people = (n: number): string[] => Array.from({ length: n }, (_, i) => `p${pad(i + 1)}`)

/** Two sessions a month (10th and 25th) for a year, empty and unlocked. */
function year(y = 2026, required = 2): RosterSession[] {
  const out: RosterSession[] = []
  for (let m = 1; m <= 12; m++) {
    for (const d of [10, 25]) {
      const date = `${y}-${pad(m)}-${pad(d)}`
      out.push({ id: `s/${date}`, date, required, duty: [], locked: false })
    }
  }
  return out
}

function counts(plan: PlannedSession[], reps: string[], base: Record<string, number> = {}): number[] {
  const c = new Map(reps.map((r) => [r, base[r] ?? 0]))
  for (const s of plan) for (const p of s.duty) if (c.has(p)) c.set(p, c.get(p)! + 1)
  return reps.map((r) => c.get(r)!)
}

const spread = (xs: number[]): number => Math.max(...xs) - Math.min(...xs)

function backToBack(plan: PlannedSession[]): string[] {
  const out: string[] = []
  for (let i = 1; i < plan.length; i++) {
    for (const p of plan[i].duty) if (plan[i - 1].duty.includes(p)) out.push(`${p}@${plan[i].id}`)
  }
  return out
}

/** Sessions as the store would hold them after a plan. */
const applied = (sessions: RosterSession[], plan: PlannedSession[]): RosterSession[] =>
  sessions.map((s, i) => ({ ...s, duty: plan[i].duty }))

describe('fair over a year: 2 per session, 2 sessions a month', () => {
  test.each([5, 12, 25])('%i representatives: every seat filled, max − min ≤ 1, no back-to-back', (n) => {
    const reps = people(n)
    const plan = planRoster({ sessions: year(), reps })
    expect(plan).toHaveLength(24)
    for (const s of plan) {
      expect(s.duty).toHaveLength(2)
      expect(new Set(s.duty).size).toBe(2)
      expect(s.unfilled).toBe(0)
      expect(s.changed).toBe(true)
    }
    const c = counts(plan, reps)
    expect(c.reduce((a, b) => a + b, 0)).toBe(48)
    expect(spread(c)).toBeLessThanOrEqual(1)
    expect(backToBack(plan)).toEqual([])
  })

  test.each([5, 12, 25])('%i representatives with an uneven history: the year still ends within one', (n) => {
    const reps = people(n)
    const history = { p01: 3, p02: 2, [reps[n - 1]]: 1 }
    const plan = planRoster({ sessions: year(), reps, history })
    expect(spread(counts(plan, reps, history))).toBeLessThanOrEqual(1)
    expect(backToBack(plan)).toEqual([])
  })

  test('3 people, 2 seats: back-to-back is unavoidable, seats are still filled fairly', () => {
    const reps = people(3)
    const plan = planRoster({ sessions: year(), reps })
    expect(plan.every((s) => s.duty.length === 2)).toBe(true)
    expect(spread(counts(plan, reps))).toBeLessThanOrEqual(1)
  })

  test('sessions in two years: each year is balanced on its own', () => {
    const reps = people(4)
    const sessions: RosterSession[] = ['2026-12-10', '2027-01-10', '2027-01-25'].map((date) => ({
      id: date,
      date,
      required: 1,
      duty: [],
      locked: false,
    }))
    const plan = planRoster({ sessions, reps, history: { p01: 5, p02: 5, p03: 5 }, historyYear: 2026 })
    // December goes to the one behind in 2026; January starts from zero (p04 sat just before → skipped)
    expect(plan.map((s) => s.duty)).toEqual([['p04'], ['p01'], ['p02']])
  })
})

describe('deterministic', () => {
  test('same input → same output; input order does not matter', () => {
    const reps = people(7)
    const input = { sessions: year(), reps, unavailable: { p03: ['2026-05-10'] }, history: { p02: 1 } }
    const a = planRoster(input)
    const b = planRoster(structuredClone(input))
    expect(b).toEqual(a)
    const reversed = planRoster({ ...input, sessions: [...input.sessions].reverse() })
    expect(reversed.map((s) => s.id)).toEqual([...a.map((s) => s.id)].reverse())
    expect(Object.fromEntries(reversed.map((s) => [s.id, s.duty]))).toEqual(
      Object.fromEntries(a.map((s) => [s.id, s.duty])),
    )
  })

  test('ties go by directory order', () => {
    const plan = planRoster({ sessions: year().slice(0, 1), reps: ['zhang', 'li', 'wang'] })
    expect(plan[0].duty).toEqual(['zhang', 'li'])
  })
})

describe('declared unavailability', () => {
  test('never planned on a declared date; seats filled by others; fairness kept', () => {
    const reps = people(5)
    const off = ['2026-03-10', '2026-03-25', '2026-04-10', '2026-04-25']
    const plan = planRoster({ sessions: year(), reps, unavailable: { p01: off, p02: ['2026-03-10'] } })
    for (const s of plan) {
      if (off.includes(s.id.slice(2))) expect(s.duty).not.toContain('p01')
      expect(s.duty).toHaveLength(2)
    }
    expect(plan.find((s) => s.id === 's/2026-03-10')!.duty).not.toContain('p02')
    expect(spread(counts(plan, reps))).toBeLessThanOrEqual(1)
  })

  test('nobody available → the seat is reported unfilled, never filled with an unavailable person', () => {
    const [s] = year().slice(0, 1)
    const plan = planRoster({
      sessions: [s],
      reps: ['a', 'b', 'c'],
      unavailable: { a: [s.date], b: [s.date] },
    })
    expect(plan[0]).toMatchObject({ duty: ['c'], unfilled: 1 })
  })

  test('a later declaration on a planned date replaces only that person, in the same seat', () => {
    const reps = people(7) // with 6, all four free people sit a neighbouring session: back-to-back unavoidable
    const sessions = year()
    const first = applied(sessions, planRoster({ sessions, reps }))
    const target = first[5]
    const leaving = target.duty[0]
    const again = planRoster({ sessions: first, reps, unavailable: { [leaving]: [target.date] } })
    again.forEach((s, i) => {
      if (i === 5) {
        expect(s.changed).toBe(true)
        expect(s.duty[1]).toBe(target.duty[1])
        expect(s.duty[0]).not.toBe(leaving)
      } else {
        expect(s).toMatchObject({ changed: false, duty: first[i].duty })
      }
    })
    // the one behind gets the seat, even though that means sitting the next session too: fairness first
    expect(spread(counts(again, reps))).toBeLessThanOrEqual(1)
  })

  test('the replacement avoids the neighbouring sessions when fairness allows', () => {
    const sessions: RosterSession[] = [
      { id: 'a', date: '2026-03-10', required: 2, duty: ['p01', 'p02'], locked: true },
      { id: 'b', date: '2026-03-25', required: 2, duty: ['p03', 'p04'], locked: false },
      { id: 'c', date: '2026-04-10', required: 2, duty: ['p05', 'p06'], locked: true },
    ]
    // everyone free has one duty; directory order alone would pick p01, who sat the session before
    const plan = planRoster({ sessions, reps: people(7), unavailable: { p03: ['2026-03-25'] }, history: { p07: 1 } })
    expect(plan[1]).toMatchObject({ duty: ['p07', 'p04'], changed: true })
  })
})

describe('locked (announced) sessions are never changed', () => {
  test('regeneration after four sessions were announced keeps those duties exactly', () => {
    const reps = people(5)
    const first = applied(year(), planRoster({ sessions: year(), reps }))
    const announced = first.map((s, i) => (i < 4 ? { ...s, locked: true } : s))
    // a new member and a new history make the fresh plan differ
    const newReps = [...reps, 'p99']
    const again = planRoster({ sessions: announced, reps: newReps, regenerate: true, history: { p01: 2 } })
    for (let i = 0; i < 4; i++) expect(again[i]).toEqual({ ...again[i], duty: first[i].duty, changed: false })
    expect(again.some((s, i) => i >= 4 && s.changed)).toBe(true)
    expect(again.slice(4).some((s) => s.duty.includes('p99'))).toBe(true)
    // the year is still fair for everyone active, counting the locked duties and the history
    expect(spread(counts(again, newReps, { p01: 2 }))).toBeLessThanOrEqual(1)
  })

  test('a locked session keeps even a gap, a person who left and an unavailable person; they are flagged', () => {
    const s: RosterSession = { id: 'x', date: '2026-05-10', required: 3, duty: ['gone', 'b'], locked: true }
    const plan = planRoster({ sessions: [s], reps: ['a', 'b', 'c'], unavailable: { b: ['2026-05-10'] } })
    expect(plan[0]).toEqual({
      id: 'x',
      duty: ['gone', 'b'],
      changed: false,
      unfilled: 1,
      attention: [
        { personId: 'gone', reason: 'inactive' },
        { personId: 'b', reason: 'unavailable' },
      ],
    })
  })

  test('a hand-set locked session next to an open one pushes the planner to others', () => {
    const sessions: RosterSession[] = [
      { id: 'a', date: '2026-03-10', required: 2, duty: [], locked: false },
      { id: 'b', date: '2026-03-25', required: 2, duty: ['p01', 'p02'], locked: true },
    ]
    const plan = planRoster({ sessions, reps: people(4) })
    expect(plan[0].duty).toEqual(['p03', 'p04'])
    expect(plan[1]).toMatchObject({ duty: ['p01', 'p02'], changed: false })
  })
})

describe('a representative who left', () => {
  test('is removed from unlocked sessions only; only those sessions are re-staffed', () => {
    const reps = people(5)
    const first = applied(year(), planRoster({ sessions: year(), reps }))
    const locked = first.map((s, i) => (i < 10 ? { ...s, locked: true } : s))
    const remaining = reps.filter((r) => r !== 'p03')
    const again = planRoster({ sessions: locked, reps: remaining })
    again.forEach((s, i) => {
      const before = first[i].duty
      if (i < 10) {
        expect(s).toMatchObject({ duty: before, changed: false })
        if (before.includes('p03')) expect(s.attention).toEqual([{ personId: 'p03', reason: 'inactive' }])
      } else if (before.includes('p03')) {
        expect(s.changed).toBe(true)
        expect(s.duty).not.toContain('p03')
        expect(s.duty).toHaveLength(2)
        const kept = before.find((p) => p !== 'p03')!
        expect(s.duty[before.indexOf(kept)]).toBe(kept) // the other seat stays where it was
      } else {
        expect(s).toMatchObject({ duty: before, changed: false })
      }
    })
    expect(again.slice(10).some((s) => s.changed)).toBe(true)
    expect(spread(counts(again, remaining))).toBeLessThanOrEqual(1)
  })

  test('without regenerate, hand-set unlocked duties stay; with it, they are re-planned', () => {
    const sessions: RosterSession[] = [
      { id: 'a', date: '2026-03-10', required: 2, duty: ['p01', 'p02'], locked: false },
      { id: 'b', date: '2026-03-25', required: 2, duty: ['p01', 'p02'], locked: false },
    ]
    const reps = people(4)
    expect(planRoster({ sessions, reps }).map((s) => s.changed)).toEqual([false, false])
    const fresh = planRoster({ sessions, reps, regenerate: true })
    expect(fresh.map((s) => s.duty)).toEqual([
      ['p01', 'p02'],
      ['p03', 'p04'],
    ])
    expect(fresh.map((s) => s.changed)).toEqual([false, true])
  })

  test('repair also fixes a duplicate seat and follows a changed seat count', () => {
    const sessions: RosterSession[] = [
      { id: 'a', date: '2026-03-10', required: 3, duty: ['p01', 'p01'], locked: false },
      { id: 'b', date: '2026-03-25', required: 1, duty: ['p04', 'p05'], locked: false },
    ]
    const plan = planRoster({ sessions, reps: people(6) })
    expect(plan[0]).toMatchObject({ duty: ['p01', 'p02', 'p03'], changed: true, unfilled: 0 })
    expect(plan[1]).toMatchObject({ duty: ['p04'], changed: true })
  })

  test('no sessions → empty plan', () => {
    expect(planRoster({ sessions: [], reps: people(3) })).toEqual([])
  })
})

describe('suggestCandidates', () => {
  const sessions = [
    { id: 's1', date: '2026-03-10', duty: ['A', 'B'] },
    { id: 's2', date: '2026-03-25', duty: ['C'] }, // D asked for leave
    { id: 's3', date: '2026-04-10', duty: ['E', 'A'] },
    { id: 's0', date: '2025-12-25', duty: ['F', 'F2'] }, // last year: not counted
  ]
  const reps = ['A', 'B', 'C', 'D', 'E', 'F']
  const base = { session: sessions[1], sessions, reps, history: { F: 3 }, exclude: ['D'] }

  test('not on a neighbour first, then fewest duties, then farthest from their other duties', () => {
    expect(suggestCandidates(base)).toEqual([
      { personId: 'F', duties: 3, onNeighbour: false },
      { personId: 'E', duties: 1, onNeighbour: true }, // nearest duty 16 days away
      { personId: 'B', duties: 1, onNeighbour: true }, // nearest duty 15 days away
      { personId: 'A', duties: 2, onNeighbour: true },
    ])
  })

  test('unavailable, already on it and excluded people are never suggested; limit applies', () => {
    expect(suggestCandidates({ ...base, unavailable: { F: ['2026-03-25'] }, limit: 2 })).toEqual([
      { personId: 'E', duties: 1, onNeighbour: true },
      { personId: 'B', duties: 1, onNeighbour: true },
    ])
  })

  test('works when the target session is not in the list and orders deterministically', () => {
    const others = sessions.filter((s) => s.id !== 's2')
    const a = suggestCandidates({ ...base, sessions: others })
    expect(a).toEqual(suggestCandidates(base))
    expect(suggestCandidates({ ...base, sessions: [...others].reverse() })).toEqual(a)
  })

  test('with nobody busy, directory order decides', () => {
    const s = { id: 'n', date: '2026-06-10', duty: [] as string[] }
    expect(suggestCandidates({ session: s, sessions: [], reps: ['x', 'y', 'z'] }).map((c) => c.personId)).toEqual([
      'x',
      'y',
      'z',
    ])
  })
})

describe('speed stays linear-ish (no timing asserted)', () => {
  test('230 studios × 12 months × ~10 representatives plan without errors', () => {
    let seats = 0
    for (let studio = 0; studio < 230; studio++) {
      const reps = people(8 + (studio % 5))
      for (const s of planRoster({ sessions: year(), reps })) seats += s.duty.length
    }
    expect(seats).toBe(230 * 48)
  })
})
