/**
 * Ten years of a city's issues, written straight into the store's layout (issues/<studio>/<year>.json,
 * `{ version, issues }`, one file per studio-year), for the benchmark and for trying the bot at scale.
 *
 * Every record is made by the domain's own functions (createIssue, then applyIssueAction step by step),
 * so the data has exactly the shape, ids, deadlines (working days, State Council calendar) and histories
 * the bot itself writes: registered, transferred to a department, sometimes extended, answered, rated
 * (不满意 reopens it for a second handling), contact attempts, archived; some answered on the spot,
 * some withdrawn, some called back more than once. Steps later than `now` are not taken, so recent issues are
 * still open in every state; about 3 % of all issues stall after an early step and stay open (overdue).
 * Realistic sizes: Chinese names, mobile numbers, addresses, complaint texts and answers from
 * bench/synthetic.ts; histories of 2–8 events (5 typical); message ids as WeChat's 19-digit ids.
 *
 *   tsx bench/generate-issues.ts --out <data folder> [--issues 200000] [--studios 230] [--years 10]
 *        [--config-out <file.yaml>] [--seed 1]
 *
 * Deterministic for a given seed and `now`.
 */
import { mkdirSync, writeFileSync, existsSync } from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { fileURLToPath } from 'node:url'
import { createIssue, applyIssueAction, type IssueAction } from '../src/domain/issues/issue-machine.js'
import type { Issue } from '../src/domain/issues/issue.js'
import { createWorkingCalendar, type WorkingCalendar } from '../src/domain/calendar/working-calendar.js'
import { toLocalDate, toInstant, makeDate, yearOf } from '../src/domain/time/local-date.js'
import { ISSUES_VERSION, STATE_VERSION, emptyState } from '../src/platform/store/store.js'
import type { Config } from '../src/config/schema.js'
import { benchConfig, benchConfigText, DEPARTMENTS } from './bench-config.js'
import { ANSWERS, CATEGORIES, COMMUNITIES, address, complaint, constituentName, int, mobile, pick, seededRandom } from './synthetic.js'

export interface GenerateOptions {
  /** The data folder (created; existing issue files of the same studio-years are overwritten). */
  dir: string
  config: Config
  total?: number
  years?: number
  /** Epoch ms; the last of the ten years is the year of `now`, filled up to `now`. */
  now?: number
  seed?: number
}

export interface GenerateReport {
  issues: number
  files: number
  bytes: number
  ms: number
  years: [number, number]
  byStatus: Record<string, number>
  /** Events per history: histogram. */
  historyLengths: Record<number, number>
  /** Highest sequence per `${studioId}/${year}`. */
  lastSeq: Record<string, number>
}

const DAY = 86_400_000

/** 19 decimal digits, like the message ids WeChat gateways hand out. */
function wechatMsgId(r: () => number): string {
  return String(int(r, 1_000_000_000, 9_999_999_999)) + String(int(r, 0, 999_999_999)).padStart(9, '0')
}

function instantOn(date: string, r: () => number, fromHour = 8, toHour = 19): number {
  return toInstant(date, `${String(int(r, fromHour, toHour - 1)).padStart(2, '0')}:${String(int(r, 0, 59)).padStart(2, '0')}`)
}

export function generateIssues(o: GenerateOptions): GenerateReport {
  const started = performance.now()
  const total = o.total ?? 200_000
  const years = o.years ?? 10
  const now = o.now ?? Date.now()
  const r = seededRandom(o.seed ?? 1)
  const lastYear = yearOf(toLocalDate(now))
  const firstYear = lastYear - years + 1
  const yearStart = toInstant(makeDate(lastYear, 1, 1))
  const fraction = Math.min(1, Math.max(0.05, (now - yearStart) / (365 * DAY)))
  const perFullYear = total / (years - 1 + fraction)
  const studios = o.config.studios
  const weights = studios.map(() => 0.5 + r())
  const weightSum = weights.reduce((a, b) => a + b, 0)
  const cal: WorkingCalendar = createWorkingCalendar({ extraHolidays: o.config.calendar.extraHolidays, extraWorkdays: o.config.calendar.extraWorkdays })
  const departments = o.config.issues.departments.length ? o.config.issues.departments : DEPARTMENTS
  const categories = o.config.issues.categories.length ? o.config.issues.categories : CATEGORIES

  const report: GenerateReport = { issues: 0, files: 0, bytes: 0, ms: 0, years: [firstYear, lastYear], byStatus: {}, historyLengths: {}, lastSeq: {} }
  // Exact total: per studio-year counts from the weights, the rounding remainder spread over the last year.
  const plan: { s: number; y: number; n: number }[] = []
  for (let y = firstYear; y <= lastYear; y++) {
    const yearTotal = y === lastYear ? perFullYear * fraction : perFullYear
    for (let s = 0; s < studios.length; s++) plan.push({ s, y, n: Math.floor((yearTotal * weights[s]) / weightSum) })
  }
  let missing = total - plan.reduce((a, p) => a + p.n, 0)
  for (let i = plan.length - 1; missing > 0; i = i === 0 ? plan.length - 1 : i - 1, missing--) plan[i].n++

  for (const { s, y, n } of plan) {
    if (n === 0) continue
    const studio = studios[s]
    const people = o.config.people.filter((p) => p.studio === studio.id && p.active)
    const reps = people.filter((p) => p.roles.includes('representative')).map((p) => p.id)
    const coordinators = people.filter((p) => p.roles.includes('coordinator')).map((p) => p.id)
    const community = COMMUNITIES[s % COMMUNITIES.length]
    const from = toInstant(makeDate(y, 1, 1))
    const to = y === lastYear ? now : toInstant(makeDate(y + 1, 1, 1))
    // Registration days: working days, in order, so sequences follow dates.
    const lastDay = toLocalDate(to - 1)
    const dates: string[] = []
    while (dates.length < n) {
      const d = cal.nextWorkingDayOnOrAfter(toLocalDate(from + r() * (to - from)))
      if (d <= lastDay && yearOf(d) === y) dates.push(d) // a day moved past the year's (or today's) end is drawn again
    }
    dates.sort()
    const issues: Issue[] = []
    for (let i = 0; i < n; i++) {
      const issue = makeOne({ r, cal, now, date: dates[i], seq: issues.length + 1, studio: { id: studio.id, prefix: studio.prefix }, reps: reps.length ? reps : coordinators, coordinators: coordinators.length ? coordinators : reps, community, categories, departments })
      issues.push(issue)
      report.byStatus[issue.status] = (report.byStatus[issue.status] ?? 0) + 1
      report.historyLengths[issue.history.length] = (report.historyLengths[issue.history.length] ?? 0) + 1
    }
    if (!issues.length) continue
    const file = path.join(o.dir, 'issues', studio.id, `${y}.json`)
    mkdirSync(path.dirname(file), { recursive: true })
    const body = JSON.stringify({ version: ISSUES_VERSION, issues })
    writeFileSync(file, body)
    report.files++
    report.bytes += Buffer.byteLength(body)
    report.issues += issues.length
    report.lastSeq[`${studio.id}/${y}`] = issues.length
  }
  const stateFile = path.join(o.dir, 'state.json')
  if (!existsSync(stateFile)) writeFileSync(stateFile, JSON.stringify({ ...emptyState(), version: STATE_VERSION }))
  report.ms = performance.now() - started
  return report
}

interface MakeOne {
  r: () => number
  cal: WorkingCalendar
  now: number
  date: string
  seq: number
  studio: { id: string; prefix: string }
  reps: string[]
  coordinators: string[]
  community: string
  categories: readonly string[]
  departments: readonly string[]
}

function makeOne(m: MakeOne): Issue {
  const { r, cal } = m
  const category = pick(r, m.categories)
  const content = complaint(r, category)
  const duty = [...m.reps].sort(() => r() - 0.5).slice(0, 2)
  const registrar = r() < 0.7 ? pick(r, duty) : pick(r, m.coordinators)
  const dayStart = toInstant(m.date)
  // Today's registrations happened before now.
  const at = m.now - dayStart < DAY ? dayStart + Math.floor(r() * Math.max(1, m.now - dayStart)) : instantOn(m.date, r)
  const kind = r()
  const onTheSpot = kind < 0.08 ? pick(r, ANSWERS) : undefined
  const constituent = { name: constituentName(r), ...(r() < 0.95 ? { phone: mobile(r) } : {}), ...(r() < 0.8 ? { address: address(r, m.community) } : {}) }
  const created = createIssue(
    { constituent, content, category, categoryGuessed: r() < 0.4, ...(onTheSpot ? { onTheSpot } : {}) },
    { studioId: m.studio.id, prefix: m.studio.prefix, seq: m.seq, at, by: registrar, today: m.date, dutyReps: duty, msgId: wechatMsgId(r), days: cal },
  )
  if (!created.ok) throw new Error(`createIssue refused: ${created.code}`)
  let issue = created.value

  // The steps still to come, each some working days after the previous one. About 3 % stall for good
  // after one of their first steps (never transferred, never answered, never called back, never
  // archived): the open and overdue issues of earlier years that a real district carries.
  let day = m.date
  let t = at
  const stallAfter = r() < 0.03 ? int(r, 0, 3) : -1
  let taken = 0
  const step = (wdLo: number, wdHi: number, action: IssueAction, by: string): boolean => {
    if (stallAfter >= 0 && taken++ >= stallAfter && action.type !== 'correct') return false
    const next = cal.addWorkingDays(day, int(r, wdLo, wdHi))
    const when = Math.max(t + 60_000, instantOn(next, r))
    if (when > m.now) return false
    const res = applyIssueAction(issue, action, { at: when, by, today: toLocalDate(when), msgId: wechatMsgId(r), days: cal })
    if (!res.ok && res.code === 'nothing_to_correct') return true // a "correction" that changed nothing: skipped
    if (!res.ok) throw new Error(`${action.type} refused: ${res.code} (${issue.id} ${issue.status})`)
    issue = res.value
    day = toLocalDate(when)
    t = when
    return true
  }
  const coordinator = pick(r, m.coordinators)
  if (onTheSpot) {
    if (r() < 0.25) step(0, 0, { type: 'correct', fields: { address: address(r, m.community) } }, registrar)
    return issue
  }
  if (kind < 0.1) {
    // A mistaken entry, withdrawn by the coordinator with a reason.
    if (r() < 0.5) step(0, 0, { type: 'correct', fields: { phone: mobile(r) } }, registrar)
    step(0, 2, { type: 'withdraw', reason: pick(r, ['重复登记', '群众已自行解决', '登记有误']) }, coordinator)
    return issue
  }
  const unhappy = r() < 0.08
  if (!step(1, 5, { type: 'transfer', department: pick(r, m.departments), workingDays: 30 }, coordinator)) return issue
  if (!unhappy && r() < 0.12 && !step(15, 25, { type: 'extend', workingDays: int(r, 5, 15), reason: pick(r, ['涉及多个部门，需要协调', '需要列入下一季度资金计划', '需要现场勘查']) }, coordinator)) return issue
  if (!step(3, 28, { type: 'answer', text: pick(r, ANSWERS) }, coordinator)) return issue
  const unreachable = r() < 0.05
  // Some callbacks take more than one try.
  if (!unreachable && r() < 0.1 && !step(1, 2, { type: 'recordContactAttempt', reached: false, note: '电话无人接听' }, coordinator)) return issue
  if (!step(1, 4, { type: 'recordContactAttempt', reached: !unreachable, note: unreachable ? '电话多次无人接听' : '电话回访' }, coordinator)) return issue
  if (unreachable) {
    step(3, 8, { type: 'archive', reason: '多次联系未果，已答复存档' }, coordinator)
    return issue
  }
  const rate = (rating: '满意' | '基本满意' | '不满意') =>
    step(0, 1, { type: 'feedback', rating, ...(rating !== '满意' && r() < 0.6 ? { comment: pick(r, ['处理及时', '希望后续继续跟进', '问题还没有彻底解决', '态度很好']) } : {}) }, coordinator)
  if (unhappy) {
    if (!rate('不满意')) return issue
    if (!step(5, 25, { type: 'answer', text: pick(r, ANSWERS) }, coordinator)) return issue
    if (!rate(r() < 0.7 ? '满意' : '基本满意')) return issue
  } else if (!rate(r() < 0.8 ? '满意' : '基本满意')) return issue
  step(1, 10, { type: 'archive' }, coordinator)
  return issue
}

// CLI
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      out: { type: 'string' },
      issues: { type: 'string', default: '200000' },
      studios: { type: 'string', default: '230' },
      years: { type: 'string', default: '10' },
      seed: { type: 'string', default: '1' },
      'config-out': { type: 'string' },
    },
  })
  if (!values.out) {
    process.stderr.write('usage: tsx bench/generate-issues.ts --out <data folder> [--issues 200000] [--studios 230] [--years 10] [--config-out file.yaml] [--seed 1]\n')
    process.exit(2)
  }
  const studios = Number(values.studios)
  const config = benchConfig({ studios })
  if (values['config-out']) writeFileSync(values['config-out'], benchConfigText({ studios }))
  const rep = generateIssues({ dir: values.out, config, total: Number(values.issues), years: Number(values.years), seed: Number(values.seed) })
  process.stdout.write(
    `${rep.issues} issues in ${rep.files} files (${(rep.bytes / 1e6).toFixed(1)} MB), ${rep.years[0]}–${rep.years[1]}, ${(rep.ms / 1000).toFixed(1)} s\n` +
      `by status: ${JSON.stringify(rep.byStatus)}\nhistory lengths: ${JSON.stringify(rep.historyLengths)}\n`,
  )
}
