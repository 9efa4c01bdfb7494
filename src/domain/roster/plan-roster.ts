/**
 * The duty roster (排班): who sits which reception session (驻室接访), fairly and predictably.
 *
 * Why: attendance counts in every representative's yearly evaluation (履职考评), so the roster must be
 * visibly fair; constituents are promised the announced names, so an announced session never changes;
 * and a coordinator re-running the planner must get the same answer twice (no randomness).
 *
 * Rules, in priority order, for each open seat (sessions taken in date order, then id):
 * 1. Hard: the person is active, not already on the session, and has not declared the date unavailable.
 * 2. Year quota (fairness): a year holds T duties (history + kept + open seats of that year) for N
 *    active people, so a fair year ends with T mod N people at ⌈T/N⌉ and the rest at ⌊T/N⌋. A pick that
 *    would push someone past that quota ranks last. Respecting it at every pick is what guarantees
 *    max − min ≤ 1 at year end, whenever unavailability and kept seats leave room (a repair that may only
 *    touch a few seats cannot always reach it; `regenerate` can).
 * 3. Urgency: someone who still needs as many duties to reach ⌊T/N⌋ as they have chances left this year
 *    (later open seats they could take) goes now, or they never catch up (matters when only a few
 *    seats are re-staffed and each person fits only some of them).
 * 4. No back-to-back: someone not on the previous or next session, whenever such a person is within
 *    quota. (Ranking "least loaded" above this would be stricter than fairness needs and forces
 *    avoidable back-to-back duties, e.g. after an uneven history.)
 * 5. Fewest duties so far this year, then fewest spare chances, then whoever sat longest ago, then
 *    directory order (deterministic: no randomness anywhere).
 *
 * What is kept:
 * - `locked` sessions (announced, or set by hand and locked by the coordinator) are returned exactly as
 *   given, even with a gap or a person who left; `attention` lists such people for the swap flow.
 * - Unlocked sessions: by default (`regenerate: false`) every valid seat stays where it is and only
 *   invalid seats (person left, person declared unavailable, duplicate, empty) are re-staffed, so a
 *   departure touches only that person's sessions. With `regenerate: true` unlocked sessions are
 *   planned from scratch.
 *
 * `history` counts duties of `historyYear` (default: the year of the earliest session) from sessions NOT
 * in `sessions`. Cancelled sessions should not be passed. Linear in sessions × seats × representatives.
 */
import type { LocalDate } from '../time/local-date.js'
import { daysBetween, yearOf } from '../time/local-date.js'

export interface RosterSession {
  id: string
  date: LocalDate
  /** Seats to fill (驻室接访人数). */
  required: number
  /** Current duty, person ids in seat order (may be empty or short). */
  duty: string[]
  /** Announced, or fully set by hand and locked: never changed. */
  locked: boolean
}

export interface PlanRosterInput {
  sessions: RosterSession[]
  /** Active representatives of the studio, in directory order. */
  reps: string[]
  /** Per person: dates they declared they cannot come. */
  unavailable?: Record<string, LocalDate[]>
  /** Duties per person so far in `historyYear`, from sessions not in `sessions`. */
  history?: Record<string, number>
  historyYear?: number
  /** Re-plan unlocked sessions from scratch instead of repairing them. */
  regenerate?: boolean
}

export interface PlannedSession {
  id: string
  duty: string[]
  /** True when `duty` differs from the input duty (order included). */
  changed: boolean
  /** Seats left empty: nobody eligible (不得空岗: the coordinator must act). */
  unfilled: number
  /** Locked sessions only: people on it who left or declared the date unavailable. */
  attention: { personId: string; reason: 'inactive' | 'unavailable' }[]
}

export interface Candidate {
  personId: string
  /** Duties in the session's year (history + sessions given). */
  duties: number
  /** Sits the session just before or after: suggested only after everyone else. */
  onNeighbour: boolean
}

export interface SuggestCandidatesInput {
  /** The session with an open seat. */
  session: { id: string; date: LocalDate; duty: string[] }
  /** The studio's sessions (any years; the target may be among them). Cancelled ones left out. */
  sessions: { id: string; date: LocalDate; duty: string[] }[]
  reps: string[]
  unavailable?: Record<string, LocalDate[]>
  /** Duties per person this year (the target session's year) from sessions not in `sessions`. */
  history?: Record<string, number>
  /** People not to suggest, e.g. the one asking for leave. */
  exclude?: string[]
  /** At most this many (default: all). */
  limit?: number
}

type Unavailable = Map<string, Set<LocalDate>>

function unavailableMap(src: Record<string, LocalDate[]> | undefined): Unavailable {
  const m: Unavailable = new Map()
  for (const [person, dates] of Object.entries(src ?? {})) m.set(person, new Set(dates))
  return m
}

const byDateThenId = (a: { date: LocalDate; id: string }, b: { date: LocalDate; id: string }): number =>
  a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0

const sameList = (a: string[], b: string[]): boolean => a.length === b.length && a.every((x, i) => x === b[i])

export function planRoster(input: PlanRosterInput): PlannedSession[] {
  const { sessions, reps } = input
  const count = sessions.length
  const people = reps.length
  if (count === 0) return []
  // Hot loop works on person indexes (directory order) and typed arrays; ids only at the edges.
  const indexOf = new Map(reps.map((r, i) => [r, i]))
  const unavailable = unavailableMap(input.unavailable)
  const offDates = reps.map((r) => unavailable.get(r))
  const isAvailable = (person: number, date: LocalDate): boolean => !offDates[person]?.has(date)

  const order = sessions.map((_, i) => i).sort((i, j) => byDateThenId(sessions[i], sessions[j]))
  const yearAt = sessions.map((s) => yearOf(s.date))
  const historyYear = input.historyYear ?? yearAt[order[0]]

  // Seats per session: a person index, OPEN for a seat to fill, GONE for a kept id that is not active.
  const OPEN = -1
  const GONE = -2
  const seats: Int32Array[] = sessions.map((s) => {
    if (s.locked) return Int32Array.from(s.duty, (p) => indexOf.get(p) ?? GONE)
    const out = new Int32Array(Math.max(0, s.required)).fill(OPEN)
    if (input.regenerate) return out
    for (let k = 0; k < out.length; k++) {
      const p = k < s.duty.length ? indexOf.get(s.duty[k]) : undefined
      if (p !== undefined && isAvailable(p, s.date) && !out.subarray(0, k).includes(p)) out[k] = p
    }
    return out
  })
  const isOpen = sessions.map((s, i) => !s.locked && seats[i].includes(OPEN))

  // Per calendar year: duties so far (history + every kept seat), chances left, and the quota.
  interface YearState {
    load: Int32Array
    chances: Int32Array
    total: number
    q: number
    extra: number
    atTop: number
  }
  const years = new Map<number, YearState>()
  const yearState = (y: number): YearState => {
    let st = years.get(y)
    if (!st) {
      st = { load: new Int32Array(people), chances: new Int32Array(people), total: 0, q: 0, extra: 0, atTop: 0 }
      years.set(y, st)
    }
    return st
  }
  const hist = yearState(historyYear)
  for (const [person, n] of Object.entries(input.history ?? {})) {
    const p = indexOf.get(person)
    if (p !== undefined) {
      hist.load[p] = n
      hist.total += n
    }
  }
  // eligible[i][p]: 1 when person p could take an open seat of session i, 0 when not, 2 once seated there.
  const eligible: (Uint8Array | null)[] = sessions.map(() => null)
  for (let i = 0; i < count; i++) {
    const st = yearState(yearAt[i])
    for (const p of seats[i]) {
      if (p >= 0) {
        st.load[p]++
        st.total++
      } else if (p === OPEN) st.total++
    }
    if (!isOpen[i]) continue
    const e = new Uint8Array(people)
    const date = sessions[i].date
    for (let p = 0; p < people; p++) if (isAvailable(p, date)) e[p] = 1
    for (const p of seats[i]) if (p >= 0) e[p] = 0
    for (let p = 0; p < people; p++) st.chances[p] += e[p]
    eligible[i] = e
  }
  for (const st of years.values()) {
    st.q = people === 0 ? 0 : Math.floor(st.total / people)
    st.extra = people === 0 ? 0 : st.total % people
    for (let p = 0; p < people; p++) if (st.load[p] > st.q) st.atTop++
  }

  const lastSat = new Int32Array(people).fill(-1) // position in `order` of each person's latest duty
  const nextTo = new Uint8Array(people) // sits the previous or next session
  for (let k = 0; k < count; k++) {
    const idx = order[k]
    const mine = seats[idx]
    const e = eligible[idx]
    if (e) {
      const st = yearState(yearAt[idx])
      const { load, chances, q } = st
      const neighbourSeats = [k > 0 ? seats[order[k - 1]] : null, k + 1 < count ? seats[order[k + 1]] : null]
      for (const ns of neighbourSeats) if (ns) for (const p of ns) if (p >= 0) nextTo[p] = 1
      for (let seat = 0; seat < mine.length; seat++) {
        if (mine[seat] !== OPEN) continue
        let best = -1
        let bTier = 0, bUrgent = 0, bNext = 0, bLoad = 0, bSpare = 0, bLast = 0
        for (let p = 0; p < people; p++) {
          if (e[p] !== 1) continue
          const n = load[p]
          const tier = n + 1 <= q ? 0 : n + 1 === q + 1 ? (st.atTop < st.extra ? 0 : 1) : 2
          const need = n < q ? q - n : 0
          const spare = chances[p] - need
          const urgent = need > 0 && spare <= 0 ? 0 : 1
          const next = nextTo[p]
          const last = lastSat[p]
          const better =
            best === -1 ||
            (tier !== bTier ? tier < bTier
              : urgent !== bUrgent ? urgent < bUrgent
              : next !== bNext ? next < bNext
              : n !== bLoad ? n < bLoad
              : spare !== bSpare ? spare < bSpare
              : last < bLast) // equal on all: the earlier in directory order stays
          if (better) {
            best = p
            bTier = tier
            bUrgent = urgent
            bNext = next
            bLoad = n
            bSpare = spare
            bLast = last
          }
        }
        if (best === -1) break
        mine[seat] = best
        e[best] = 2
        load[best]++
        if (load[best] === q + 1) st.atTop++
      }
      for (let p = 0; p < people; p++) if (e[p] !== 0) chances[p]--
      nextTo.fill(0)
    }
    for (const p of mine) if (p >= 0) lastSat[p] = k
  }

  return sessions.map((s, i) => {
    const duty = s.locked ? [...s.duty] : Array.from(seats[i]).filter((p) => p >= 0).map((p) => reps[p])
    const attention: PlannedSession['attention'] = []
    if (s.locked) {
      for (const person of duty) {
        const p = indexOf.get(person)
        if (p === undefined) attention.push({ personId: person, reason: 'inactive' })
        else if (!isAvailable(p, s.date)) attention.push({ personId: person, reason: 'unavailable' })
      }
    }
    return {
      id: s.id,
      duty,
      changed: !sameList(duty, s.duty),
      unfilled: Math.max(0, s.required - duty.length),
      attention,
    }
  })
}

function lessThan(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] < b[i]
  return false
}

/**
 * Who to ask to fill an open seat (leave, swap, 补位): active, available, not already on the session and
 * not excluded; ordered by not sitting the neighbouring sessions, then fewest duties this year, then
 * farthest from their nearest other duty, then directory order. Unlike the planner, "not next to
 * another duty" ranks first: a one-off substitution is asked of a person, and the one who just sat is
 * the likeliest to refuse; neighbours are still listed last so a small studio gets a name.
 */
export function suggestCandidates(input: SuggestCandidatesInput): Candidate[] {
  const { session, reps } = input
  const year = yearOf(session.date)
  const unavailable = unavailableMap(input.unavailable)
  const excluded = new Set([...(input.exclude ?? []), ...session.duty])
  const others = input.sessions.filter((s) => s.id !== session.id)

  const duties = new Map(reps.map((r) => [r, input.history?.[r] ?? 0]))
  const nearest = new Map<string, number>()
  for (const s of others) {
    if (yearOf(s.date) === year) for (const p of s.duty) if (duties.has(p)) duties.set(p, duties.get(p)! + 1)
    const gap = Math.abs(daysBetween(session.date, s.date))
    for (const p of s.duty) if (gap < (nearest.get(p) ?? Infinity)) nearest.set(p, gap)
  }

  const sorted = [...others].sort(byDateThenId)
  let prev: (typeof others)[number] | undefined
  let next: (typeof others)[number] | undefined
  for (const s of sorted) {
    if (byDateThenId(s, session) < 0) prev = s
    else if (!next) next = s
  }
  const neighbours = new Set([...(prev?.duty ?? []), ...(next?.duty ?? [])])

  const rows = reps
    .map((personId, rank) => ({ personId, rank }))
    .filter(({ personId }) => !excluded.has(personId) && !unavailable.get(personId)?.has(session.date))
    .map(({ personId, rank }) => ({
      candidate: { personId, duties: duties.get(personId)!, onNeighbour: neighbours.has(personId) },
      key: [neighbours.has(personId) ? 1 : 0, duties.get(personId)!, -(nearest.get(personId) ?? Infinity), rank],
    }))
    .sort((a, b) => (lessThan(a.key, b.key) ? -1 : lessThan(b.key, a.key) ? 1 : 0))
    .map((r) => r.candidate)
  return input.limit === undefined ? rows : rows.slice(0, Math.max(0, input.limit))
}
