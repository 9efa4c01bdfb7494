/**
 * A year of reception sessions for every studio of a configuration, written into the store's layout
 * (roster/<studio>/<year>.json, `{ version, sessions, swaps }`), for the district-export benchmark and the
 * ledger tests: the dates from each studio's rule on the working calendar (receptionDatesInMonth), the
 * duty from the planner (planRoster), and then what people do to it: some leave with a volunteer taking
 * the seat, substitutes, swaps between two sessions (with their accepted request), a coordinator's
 * /排班, a few cancellations; check-ins at held sessions (mostly everyone, sometimes one, sometimes nobody
 * recorded). Sessions after `now` are planned only.
 *
 * Deterministic for a given seed.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { createWorkingCalendar } from '../src/domain/calendar/working-calendar.js'
import { receptionDatesInMonth } from '../src/domain/calendar/reception-rule.js'
import { planRoster, type RosterSession } from '../src/domain/roster/plan-roster.js'
import { studiosFromConfig, peopleFromConfig } from '../src/app/directory.js'
import { toInstant } from '../src/domain/time/local-date.js'
import { ROSTER_VERSION } from '../src/platform/store/store.js'
import type { DutyChange, Session, SwapRequest } from '../src/domain/model.js'
import type { Config } from '../src/config/schema.js'
import { int, pick, seededRandom } from './synthetic.js'

export interface RosterYear {
  studioId: string
  sessions: Session[]
  swaps: SwapRequest[]
}

const HOUR = 3_600_000

export function generateRosterYear(o: { config: Config; year: number; now: number; seed?: number; studios?: number }): RosterYear[] {
  const r = seededRandom(o.seed ?? 7)
  const studios = studiosFromConfig(o.config).slice(0, o.studios)
  const people = peopleFromConfig(o.config)
  let swapSeq = 0
  const out: RosterYear[] = []
  for (const s of studios) {
    const cal = createWorkingCalendar({ extraHolidays: s.extraHolidays, extraWorkdays: s.extraWorkdays })
    const reps = people.filter((p) => p.active && p.studioId === s.id && p.roles.includes('representative')).map((p) => p.id)
    const coordinator = people.find((p) => p.studioId === s.id && p.roles.includes('coordinator'))?.id ?? 'system'
    const list: RosterSession[] = []
    for (let m = 1; m <= 12; m++) {
      for (const date of receptionDatesInMonth(s.reception.rules, o.year, m, cal)) list.push({ id: `${s.id}/${date}`, date, required: s.reception.perSession, duty: [], locked: false })
    }
    const planned = new Map(planRoster({ sessions: list, reps }).map((p) => [p.id, p.duty]))
    const sessions: Session[] = list.map((x) => {
      const duty = [...(planned.get(x.id) ?? [])]
      const start = toInstant(x.date, s.reception.time)
      return {
        id: x.id,
        studioId: s.id,
        date: x.date,
        time: s.reception.time,
        durationMinutes: s.reception.durationMinutes,
        place: s.reception.place,
        required: x.required,
        duty,
        attendance: [],
        history: [{ at: start - 40 * 24 * HOUR, by: 'system', kind: 'planned', before: [], after: [...duty] }],
      }
    })
    const swaps: SwapRequest[] = []
    const change = (x: Session, at: number, kind: DutyChange['kind'], by: string, after: string[], note?: string) => {
      x.history.push({ at, by, kind, before: [...x.duty], after: [...after], ...(note ? { note } : {}) })
      x.duty = [...after]
    }
    const request = (kind: SwapRequest['kind'], x: Session, from: string, at: number, extra: Partial<SwapRequest>): string => {
      const id = String(++swapSeq)
      swaps.push({ id, studioId: s.id, kind, sessionId: x.id, from, createdAt: at, expiresAt: at + 48 * HOUR, status: 'accepted', decidedAt: at + HOUR, ...extra })
      return id
    }
    for (let k = 0; k < sessions.length; k++) {
      const x = sessions[k]
      const start = toInstant(x.date, x.time)
      if (start - 5 * 24 * HOUR > o.now) continue // not yet announced: only planned
      const before = start - int(r, 2, 5) * 24 * HOUR
      const others = reps.filter((p) => !x.duty.includes(p))
      const roll = r()
      if (roll < 0.03) {
        x.cancelled = { at: before, by: coordinator, reason: pick(r, ['场地维修', '台风预警', '上级会议冲突']) }
        x.history.push({ at: before, by: coordinator, kind: 'cancel', before: [...x.duty], after: [...x.duty], note: x.cancelled.reason })
        continue
      } else if (roll < 0.11 && x.duty.length && others.length) {
        // Leave, then a volunteer takes the seat.
        const gone = pick(r, x.duty)
        const id = request('leave', x, gone, before, { status: 'filled', decidedBy: others[0], reason: '出差' })
        change(x, before, 'leave', gone, x.duty.filter((p) => p !== gone), `#${id}`)
        change(x, before + 2 * HOUR, 'volunteer', others[0], [...x.duty, others[0]], `#${id}`)
      } else if (roll < 0.17 && x.duty.length && others.length) {
        const gone = pick(r, x.duty)
        const to = pick(r, others)
        const id = request('substitute', x, gone, before, { to, reason: '单位有会' })
        change(x, before + HOUR, 'substitute', gone, x.duty.map((p) => (p === gone ? to : p)), `#${id}`)
      } else if (roll < 0.21 && k + 1 < sessions.length && x.duty.length) {
        // A swap with the next session: a on x takes c's seat there and c takes a's here.
        const y = sessions[k + 1]
        const a = pick(r, x.duty)
        const c = y.duty.find((p) => !x.duty.includes(p))
        if (c && !y.duty.includes(a)) {
          const id = request('swap', x, a, before, { to: c, otherSessionId: y.id })
          change(x, before + HOUR, 'swap', a, x.duty.map((p) => (p === a ? c : p)), `#${id}`)
          change(y, before + HOUR, 'swap', a, y.duty.map((p) => (p === c ? a : p)), `#${id}`)
        }
      } else if (roll < 0.23 && others.length) {
        change(x, before, 'set', coordinator, [others[0], ...x.duty.slice(1)], '联络员调整')
      }
      const end = start + x.durationMinutes * 60_000
      if (end > o.now) continue
      const a = r()
      const present = a < 0.7 ? x.duty : a < 0.9 ? x.duty.slice(0, 1) : []
      for (const p of present) x.attendance.push({ personId: p, at: start + int(r, 0, 20) * 60_000, by: r() < 0.8 ? p : coordinator })
    }
    out.push({ studioId: s.id, sessions, swaps })
  }
  return out
}

/** Writes the year's roster files; returns how many sessions. */
export function writeRosterYear(dir: string, year: number, rosters: RosterYear[]): { files: number; sessions: number } {
  let sessions = 0
  for (const x of rosters) {
    const file = path.join(dir, 'roster', x.studioId, `${year}.json`)
    mkdirSync(path.dirname(file), { recursive: true })
    writeFileSync(file, JSON.stringify({ version: ROSTER_VERSION, sessions: x.sessions, swaps: x.swaps }))
    sessions += x.sessions.length
  }
  return { files: rosters.length, sessions }
}
