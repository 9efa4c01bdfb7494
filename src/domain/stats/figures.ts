/**
 * The figures district offices send up (DOMAIN.md "Records and figures people expect"), for one period
 * and any set of studios: a pure function of the issues and sessions handed in, `now` and a working-day
 * calendar per studio. No I/O, no clock.
 *
 * Definitions (the catalogue's explanations quote them):
 * - 受理 received: issues registered (`issue.date`) within the period, withdrawn entries (撤销, a mistaken
 *   registration) left out and counted apart.
 * - 当场答复 on the spot: received issues closed at the reception (`closed_on_spot`).
 * - 转办 transferred: received issues ever transferred to a department (a `transfer` step in the history).
 * - 结案 closed: received issues that are, at the time of computing, archived (归档) or closed on the spot.
 *   Answered or rated but not yet archived is not closed: the file is complete only once archived.
 * - 结案率 = closed / received.
 * - 满意率 = (满意 + 基本满意) / rated, with the strict share 满意 / rated beside it; `rated` = received
 *   issues with a rating, their latest one counting (a 不满意 followed by a second handling rated 满意 is
 *   满意). Issues closed on the spot are not rated and are in neither part.
 * - 响应率 response = transferred issues signed for (签收) within `respondWithinWorkingDays` working days
 *   (the studio's calendar; 0 = the day of the transfer) / transferred. The clock starts at the latest
 *   transfer (a 退单 sent back and transferred again restarts it for the new department) and stops at the
 *   first 签收 or 答复 after it (an answer typed in by the coordinator is a response too; a 退单 is not).
 * - 解决率 solved = 已解决 / the received issues whose latest feedback answered 是否解决 (`feedback.solved`
 *   set); a rating without that answer is in neither part.
 * - 平均答复用时: working days (the studio's calendar) from registration to the first answer not given on
 *   the spot, averaged over the received issues that have one.
 * - 超期 overdue: received issues still open and past their working-day due date today.
 * - 接待场次 sessions held: sessions dated in the period, not cancelled, already over at `now`;
 *   满员 = their duty had as many representatives as required; 签到齐全 = as many distinct check-ins.
 * - 接待人次 constituents received: received issues registered at a session by a duty representative of
 *   that session (reception.ts, the one definition /履职 and the ledger use too; each issue is one
 *   constituent received).
 * Every rate carries numerator and denominator; an empty denominator renders as “—（0/0）”, never a
 * division by zero.
 */
import type { Issue, Rating, WorkingDays } from '../issues/issue.js'
import { isOverdue } from '../issues/issue-machine.js'
import type { Session } from '../model.js'
import { isReception, sessionKeys } from './reception.js'
import { toInstant, toLocalDate, type LocalDate } from '../time/local-date.js'

export interface Rate {
  num: number
  den: number
}

/** A sum over a count (average working days); the average is `sum / count`, undefined when count is 0. */
export interface Mean {
  sum: number
  count: number
}

export const rate = (num: number, den: number): Rate => ({ num, den })
export const share = (r: Rate): number | undefined => (r.den === 0 ? undefined : r.num / r.den)
export const average = (m: Mean): number | undefined => (m.count === 0 ? undefined : m.sum / m.count)

export interface CategoryFigures {
  name: string
  received: number
  closed: number
  closure: Rate
  satisfaction: Rate
}

export interface DepartmentFigures {
  name: string
  transferred: number
  response: Rate
  solved: Rate
  answered: number
  closed: number
  overdue: number
  closure: Rate
  satisfaction: Rate
  answerDays: Mean
}

export interface Figures {
  from: LocalDate
  to: LocalDate
  received: number
  withdrawn: number
  onTheSpot: number
  transferred: number
  answered: number
  closed: number
  /** Still open (received minus closed). */
  open: number
  overdue: number
  closure: Rate
  satisfaction: Rate
  strictSatisfaction: Rate
  /** 响应率: signed for in time / transferred. */
  response: Rate
  /** 解决率: 已解决 / answered 是否解决. */
  solved: Rate
  ratings: Record<Rating, number>
  answerDays: Mean
  sessionsHeld: number
  sessionsCancelled: number
  sessionsFull: Rate
  sessionsCheckedIn: Rate
  visits: number
  byCategory: CategoryFigures[]
  byDepartment: DepartmentFigures[]
}

export interface FiguresInput {
  issues: readonly Issue[]
  sessions: readonly Session[]
  from: LocalDate
  to: LocalDate
  /** The instant the figures are computed at (sessions over, issues overdue). */
  now: number
  /** Working days of a studio's calendar. */
  days: (studioId: string) => WorkingDays
  /** 响应率's limit in working days after the transfer (`issues.respondWithinWorkingDays`); default 1. */
  respondWithinWorkingDays?: number
}

/** The default limit of 响应率: signed for on the day of the transfer or the next working day. */
export const DEFAULT_RESPOND_WORKING_DAYS = 1

const SATISFIED: ReadonlySet<string> = new Set(['满意', '基本满意'])

export const isClosed = (i: Issue): boolean => i.status === 'archived' || i.status === 'closed_on_spot'
export const isTransferred = (i: Issue): boolean => i.history.some((e) => e.kind === 'transfer')
/** Registered within [from, to] (withdrawn ones included: callers split them off). */
export const inPeriod = (date: LocalDate, from: LocalDate, to: LocalDate): boolean => date >= from && date <= to
export const sessionEnd = (s: Pick<Session, 'date' | 'time' | 'durationMinutes'>): number => toInstant(s.date, s.time) + s.durationMinutes * 60_000
export const isHeld = (s: Session, now: number): boolean => !s.cancelled && sessionEnd(s) <= now

/** Working days from registration to the first answer not given on the spot; undefined without one. */
export function answerWorkingDays(issue: Issue, days: WorkingDays): number | undefined {
  const first = issue.answers.find((a) => !a.onTheSpot)
  if (!first) return undefined
  return Math.max(0, days.workingDaysBetween(issue.date, toLocalDate(first.at)))
}

/**
 * Whether the department responded (签收, or answered) within `limit` working days of the latest
 * transfer; undefined when the issue was never transferred.
 */
export function respondedInTime(issue: Issue, days: WorkingDays, limit: number): boolean | undefined {
  let t = -1
  for (let k = issue.history.length - 1; k >= 0; k--) {
    if (issue.history[k].kind === 'transfer') {
      t = k
      break
    }
  }
  if (t < 0) return undefined
  const from = toLocalDate(issue.history[t].at)
  for (let k = t + 1; k < issue.history.length; k++) {
    const e = issue.history[k]
    if (e.kind === 'sign' || e.kind === 'answer') return days.workingDaysBetween(from, toLocalDate(e.at)) <= limit
  }
  return false
}

export function computeFigures(input: FiguresInput): Figures {
  const { from, to, now } = input
  const today = toLocalDate(now)
  const all = input.issues.filter((i) => inPeriod(i.date, from, to))
  const received = all.filter((i) => i.status !== 'withdrawn')
  const withdrawn = all.length - received.length

  const sessions = input.sessions.filter((s) => inPeriod(s.date, from, to))
  const held = sessions.filter((s) => isHeld(s, now))
  const sessionDates = sessionKeys(sessions)

  const ratings: Record<Rating, number> = { 满意: 0, 基本满意: 0, 不满意: 0 }
  const answerDays: Mean = { sum: 0, count: 0 }
  let onTheSpot = 0
  let transferred = 0
  let answered = 0
  let closed = 0
  let overdue = 0
  let visits = 0
  const response = rate(0, 0)
  const solved = rate(0, 0)
  const limit = input.respondWithinWorkingDays ?? DEFAULT_RESPOND_WORKING_DAYS
  const cats = new Map<string, { received: number; closed: number; rated: number; satisfied: number }>()
  const deps = new Map<string, { transferred: number; response: Rate; solved: Rate; answered: number; closed: number; overdue: number; rated: number; satisfied: number; days: Mean }>()

  for (const i of received) {
    const closedNow = isClosed(i)
    const spot = i.status === 'closed_on_spot'
    const moved = isTransferred(i)
    const late = isOverdue(i, today)
    const rating = i.feedback?.rating
    const cal = input.days(i.studioId)
    const wd = answerWorkingDays(i, cal)
    const responded = moved ? respondedInTime(i, cal, limit) : undefined
    const solvedAnswer = i.feedback?.solved
    if (responded !== undefined) {
      response.den++
      if (responded) response.num++
    }
    if (solvedAnswer !== undefined) {
      solved.den++
      if (solvedAnswer) solved.num++
    }
    if (spot) onTheSpot++
    if (moved) transferred++
    if (i.answers.length > 0) answered++
    if (closedNow) closed++
    if (late) overdue++
    if (rating) ratings[rating]++
    if (wd !== undefined) {
      answerDays.sum += wd
      answerDays.count++
    }
    if (isReception(i, sessionDates)) visits++

    const c = cats.get(i.category) ?? { received: 0, closed: 0, rated: 0, satisfied: 0 }
    c.received++
    if (closedNow) c.closed++
    if (rating) c.rated++
    if (rating && SATISFIED.has(rating)) c.satisfied++
    cats.set(i.category, c)

    if (moved && i.department) {
      const d = deps.get(i.department) ?? { transferred: 0, response: rate(0, 0), solved: rate(0, 0), answered: 0, closed: 0, overdue: 0, rated: 0, satisfied: 0, days: { sum: 0, count: 0 } }
      d.transferred++
      if (responded !== undefined) {
        d.response.den++
        if (responded) d.response.num++
      }
      if (solvedAnswer !== undefined) {
        d.solved.den++
        if (solvedAnswer) d.solved.num++
      }
      if (i.answers.length > 0) d.answered++
      if (closedNow) d.closed++
      if (late) d.overdue++
      if (rating) d.rated++
      if (rating && SATISFIED.has(rating)) d.satisfied++
      if (wd !== undefined) {
        d.days.sum += wd
        d.days.count++
      }
      deps.set(i.department, d)
    }
  }

  const rated = ratings.满意 + ratings.基本满意 + ratings.不满意
  return {
    from,
    to,
    received: received.length,
    withdrawn,
    onTheSpot,
    transferred,
    answered,
    closed,
    open: received.length - closed,
    overdue,
    closure: rate(closed, received.length),
    satisfaction: rate(ratings.满意 + ratings.基本满意, rated),
    strictSatisfaction: rate(ratings.满意, rated),
    response,
    solved,
    ratings,
    answerDays,
    sessionsHeld: held.length,
    sessionsCancelled: sessions.filter((s) => s.cancelled && sessionEnd(s) <= now).length,
    sessionsFull: rate(held.filter((s) => s.duty.length >= s.required).length, held.length),
    sessionsCheckedIn: rate(held.filter((s) => new Set(s.attendance.map((a) => a.personId)).size >= s.required).length, held.length),
    visits,
    byCategory: [...cats]
      .map(([name, c]) => ({ name, received: c.received, closed: c.closed, closure: rate(c.closed, c.received), satisfaction: rate(c.satisfied, c.rated) }))
      .sort(byCount((x) => x.received)),
    byDepartment: [...deps]
      .map(([name, d]) => ({
        name,
        transferred: d.transferred,
        response: d.response,
        solved: d.solved,
        answered: d.answered,
        closed: d.closed,
        overdue: d.overdue,
        closure: rate(d.closed, d.transferred),
        satisfaction: rate(d.satisfied, d.rated),
        answerDays: d.days,
      }))
      .sort(byCount((x) => x.transferred)),
  }
}

const byCount = <T extends { name: string }>(n: (x: T) => number) => (a: T, b: T) => n(b) - n(a) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)

/** Two rates over disjoint sets as one (numerators and denominators added). */
export const addRate = (a: Rate, b: Rate): Rate => rate(a.num + b.num, a.den + b.den)
const addMean = (a: Mean, b: Mean): Mean => ({ sum: a.sum + b.sum, count: a.count + b.count })

/**
 * The figures of a union of disjoint sets of records, from each set's figures: what `computeFigures` gives
 * over all of them at once, when the parts share `from`, `to` and `now` and no session day is split
 * between parts (a studio's records in one part, as /统计 全区 computes them studio by studio without
 * holding the whole district). Every figure is a count, a rate or a mean over the records, so it adds up;
 * the category and department lists are merged by name and ordered as computeFigures orders them.
 */
export function mergeFigures(from: LocalDate, to: LocalDate, parts: readonly Figures[]): Figures {
  const out = computeFigures({ issues: [], sessions: [], from, to, now: 0, days: () => NO_DAYS })
  const cats = new Map<string, CategoryFigures>()
  const deps = new Map<string, DepartmentFigures>()
  for (const f of parts) {
    out.received += f.received
    out.withdrawn += f.withdrawn
    out.onTheSpot += f.onTheSpot
    out.transferred += f.transferred
    out.answered += f.answered
    out.closed += f.closed
    out.open += f.open
    out.overdue += f.overdue
    out.closure = addRate(out.closure, f.closure)
    out.satisfaction = addRate(out.satisfaction, f.satisfaction)
    out.strictSatisfaction = addRate(out.strictSatisfaction, f.strictSatisfaction)
    out.response = addRate(out.response, f.response)
    out.solved = addRate(out.solved, f.solved)
    for (const k of Object.keys(out.ratings) as Rating[]) out.ratings[k] += f.ratings[k]
    out.answerDays = addMean(out.answerDays, f.answerDays)
    out.sessionsHeld += f.sessionsHeld
    out.sessionsCancelled += f.sessionsCancelled
    out.sessionsFull = addRate(out.sessionsFull, f.sessionsFull)
    out.sessionsCheckedIn = addRate(out.sessionsCheckedIn, f.sessionsCheckedIn)
    out.visits += f.visits
    for (const c of f.byCategory) {
      const m = cats.get(c.name)
      cats.set(c.name, m ? { name: c.name, received: m.received + c.received, closed: m.closed + c.closed, closure: addRate(m.closure, c.closure), satisfaction: addRate(m.satisfaction, c.satisfaction) } : { ...c })
    }
    for (const d of f.byDepartment) {
      const m = deps.get(d.name)
      deps.set(
        d.name,
        m
          ? {
              name: d.name,
              transferred: m.transferred + d.transferred,
              response: addRate(m.response, d.response),
              solved: addRate(m.solved, d.solved),
              answered: m.answered + d.answered,
              closed: m.closed + d.closed,
              overdue: m.overdue + d.overdue,
              closure: addRate(m.closure, d.closure),
              satisfaction: addRate(m.satisfaction, d.satisfaction),
              answerDays: addMean(m.answerDays, d.answerDays),
            }
          : { ...d },
      )
    }
  }
  out.byCategory = [...cats.values()].sort(byCount((x) => x.received))
  out.byDepartment = [...deps.values()].sort(byCount((x) => x.transferred))
  return out
}

const NO_DAYS: WorkingDays = { isWorkingDay: () => true, addWorkingDays: (d) => d, workingDaysBetween: () => 0 }

/**
 * Orders studios worst first for the district summary: most issues escalated, then most overdue, then
 * lowest closure rate (an empty one last), then by name.
 */
export function worstFirst<T extends { name: string; escalated: number; overdue: number; closure: Rate }>(rows: T[]): T[] {
  const c = (r: Rate) => share(r) ?? 2
  return [...rows].sort((a, b) => b.escalated - a.escalated || b.overdue - a.overdue || c(a.closure) - c(b.closure) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
}
