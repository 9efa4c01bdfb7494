/**
 * The ledger workbook as it was written before issue 16 (exceljs' in-memory Workbook; every
 * representative's sheet scanning all issues and sessions), kept verbatim — with the content rules of
 * issue 17 it already had (namesakes told apart, 接待 as reception.ts defines it, 补签 marked) — as the
 * reference the streamed workbook is compared with, cell by cell and style by style
 * (test/export/ledger-equivalence.test.ts), so the rewrite cannot change the ledger unnoticed. Only the
 * imports differ. Not used by the bot.
 */
import ExcelJS from 'exceljs'
import type { Issue, WorkingDays } from '../../src/domain/issues/issue.js'
import type { Person, Session, Studio } from '../../src/domain/model.js'
import { computeFigures, isClosed, isHeld, type Figures } from '../../src/domain/stats/figures.js'
import { evaluate, repRecord, type EvaluationScheme } from '../../src/domain/stats/rep-record.js'
import { isOverdue, workingDaysLeft } from '../../src/domain/issues/issue-machine.js'
import { isWholeYear, type Period } from '../../src/domain/stats/period.js'
import { isoWeekday, toLocalDate, toLocalTime } from '../../src/domain/time/local-date.js'
import type { LedgerData } from '../../src/export/ledger-source.js'
import { nameTold, timeRange } from '../../src/text/posts/roster.js'
import { isReception, sessionKeys } from '../../src/domain/stats/reception.js'
import { zh } from '../../src/text/zh-CN.js'
import { describeIssueEvent } from '../../src/text/posts/issue-events.js'

export interface WorkbookInput {
  data: LedgerData
  /** Studio name, or the district's name for a district ledger. */
  title: string
  period: Period
  now: number
  /** Everyone in the directory, inactive people included (their history stays theirs). */
  people: readonly Person[]
  studios: readonly Studio[]
  days: (studioId: string) => WorkingDays
  scheme: EvaluationScheme
}

export interface LedgerWorkbook {
  buffer: Buffer
  issues: number
  sessions: number
  reps: number
  /** Sheet names in order (the fixed four, then one per representative). */
  sheets: string[]
}

type Cell = string | number | null

const t = zh.followup

export const stamp = (at: number): string => `${toLocalDate(at)} ${toLocalTime(at)}`

export async function buildReferenceWorkbook(input: WorkbookInput): Promise<LedgerWorkbook> {
  const { data, now } = input
  const today = toLocalDate(now)
  const personById = new Map(input.people.map((p) => [p.id, p]))
  const active = input.people.filter((p) => p.active)
  const name = (id: string): string => {
    if (id === 'system') return zh.issues.system
    const p = personById.get(id)
    return p ? nameTold(p, active.filter((x) => x.name === p.name)) : id
  }
  const names = (ids: readonly string[]): string => ids.map(name).join(zh.common.listSep)
  const studioName = (id: string): string => input.studios.find((s) => s.id === id)?.name ?? id

  const wb = new ExcelJS.Workbook()
  wb.creator = zh.common.botName
  wb.created = new Date(now)
  wb.modified = new Date(now)
  const sheets: string[] = []
  const addSheet = (title: string, columns: readonly string[], widths: number[]): ExcelJS.Worksheet => {
    const ws = wb.addWorksheet(title, { views: [{ state: 'frozen', ySplit: 1 }] })
    ws.columns = columns.map((header, i) => ({ header, width: widths[i] ?? 12 }))
    ws.getRow(1).font = { bold: true }
    sheets.push(title)
    return ws
  }

  // ---- 问题台账 ----
  const issues = addSheet(t.sheet.issues, t.issueColumns, [14, 14, 11, 8, 14, 8, 14, 20, 40, 10, 6, 16, 14, 11, 11, 5, 6, 40, 8, 20, 24, 5, 11, 6, 20, 60])
  for (const i of data.issues) issues.addRow(issueRow(i, { name, names, studioName, today, days: input.days(i.studioId) }))
  wrap(issues, [9, 18, 21, 26])

  // ---- 接待场次与签到 ----
  const sessions = addSheet(t.sheet.sessions, t.sessionColumns, [11, 6, 12, 14, 30, 8, 20, 20, 20, 8, 20, 10])
  const issuesOn = new Map<string, number>()
  const keys = sessionKeys(data.sessions)
  for (const i of data.issues) if (isReception(i, keys)) issuesOn.set(`${i.studioId}/${i.date}`, (issuesOn.get(`${i.studioId}/${i.date}`) ?? 0) + 1)
  for (const s of data.sessions) sessions.addRow(sessionRow(s, { names, studioName, now, issuesOn: issuesOn.get(s.id) ?? 0 }))

  // ---- 换班记录 ----
  const swaps = addSheet(t.sheet.swaps, t.swapColumns, [17, 14, 11, 10, 20, 20, 10, 30])
  const changes = data.sessions
    .flatMap((s) => s.history.filter((h) => h.kind !== 'planned' && h.kind !== 'restaff').map((h) => ({ s, h })))
    .sort((a, b) => a.h.at - b.h.at || (a.s.id < b.s.id ? -1 : 1))
  for (const { s, h } of changes) {
    swaps.addRow([stamp(h.at), studioName(s.studioId), s.date, t.changeKind[h.kind] ?? h.kind, names(h.before), names(h.after), name(h.by), h.note ?? (h.kind === 'cancel' ? s.cancelled?.reason ?? null : null)])
  }

  // ---- 统计: a title line, then the table ----
  const stats = wb.addWorksheet(t.sheet.stats, { views: [{ state: 'frozen', ySplit: 2 }] })
  sheets.push(t.sheet.stats)
  stats.columns = [26, 14, 8, 8, 40].map((width) => ({ width }))
  const figures = computeFigures({ issues: data.issues, sessions: data.sessions, from: data.from, to: data.to, now, days: input.days })
  const perStudio = data.studioIds.length > 1
    ? data.studioIds.map((id) => ({
        id,
        f: computeFigures({ issues: data.issues.filter((i) => i.studioId === id), sessions: data.sessions.filter((s) => s.studioId === id), from: data.from, to: data.to, now, days: input.days }),
      }))
    : []
  writeStats(stats, figures, perStudio.map((x) => ({ name: studioName(x.id), f: x.f })), input.title, t.periodLabel(input.period.spec), today)

  // ---- 一人一档 ----
  const reps = representatives(input, data)
  const used = new Set(sheets)
  const twice = new Set(reps.filter((p, i) => reps.findIndex((q) => q.name === p.name) !== i).map((p) => p.name))
  for (const p of reps) {
    const sheetName = uniqueSheetName(twice.has(p.name) ? `${p.name}(${p.id})` : p.name, p.id, used)
    used.add(sheetName)
    const ws = wb.addWorksheet(sheetName)
    sheets.push(sheetName)
    ws.columns = [{ width: 22 }, { width: 22 }, { width: 14 }, { width: 12 }, { width: 10 }]
    writeRepSheet(ws, p, input, { studioName })
  }

  const buffer = Buffer.from(await wb.xlsx.writeBuffer())
  return { buffer, issues: data.issues.length, sessions: data.sessions.length, reps: reps.length, sheets }
}

// ---- rows ---------------------------------------------------------------------------------------------

interface RowCtx {
  name: (id: string) => string
  names: (ids: readonly string[]) => string
  studioName: (id: string) => string
  today: string
  days: WorkingDays
}

export function issueRow(i: Issue, c: RowCtx): Cell[] {
  const firstTransfer = i.history.find((e) => e.kind === 'transfer')
  const closing = [...i.history].reverse().find((e) => e.kind === 'archive' || e.kind === 'on_the_spot')
  const left = isOverdue(i, c.today) ? workingDaysLeft(i, c.today, c.days) : undefined
  return [
    i.id,
    c.studioName(i.studioId),
    i.date,
    c.name(i.registrar),
    c.names(i.dutyReps) || null,
    i.constituent.name,
    i.constituent.phone ?? null,
    i.constituent.address ?? null,
    i.content,
    i.category,
    i.categoryGuessed ? t.yes : t.no,
    zh.issues.status[i.status] ?? i.status,
    i.department ?? null,
    firstTransfer ? toLocalDate(firstTransfer.at) : null,
    i.deadline ?? null,
    i.extended ? t.yes : t.no,
    i.round,
    i.answers.map((a) => t.answerCell(a.round, stamp(a.at), c.name(a.by), a.text, a.onTheSpot === true)).join('\n') || null,
    i.feedback?.rating ?? null,
    i.feedback?.comment ?? null,
    i.contactAttempts.map((a) => t.contactCell(stamp(a.at), c.name(a.by), a.reached, a.note)).join('\n') || null,
    isClosed(i) ? t.yes : t.no,
    closing && isClosed(i) ? toLocalDate(closing.at) : null,
    left === undefined ? null : Math.max(1, -left),
    i.archiveReason ?? i.withdrawReason ?? null,
    i.history.map((e) => zh.issues.eventLine(stamp(e.at), c.name(e.by), describeIssueEvent(i, e, { full: true, date: (d) => d }))).join('\n'),
  ]
}


function sessionRow(s: Session, c: { names: (ids: readonly string[]) => string; studioName: (id: string) => string; now: number; issuesOn: number }): Cell[] {
  const checked = [...new Set(s.attendance.map((a) => a.personId))]
  const checkedNames = checked
    .map((id) => {
      const a = s.attendance.find((x) => x.personId === id)!
      return a.backfill ? t.backfilledName(c.names([id]), stamp(a.recordedAt ?? a.at)) : c.names([id])
    })
    .join(zh.common.listSep)
  const held = isHeld(s, c.now)
  const absent = held && checked.length > 0 ? s.duty.filter((p) => !checked.includes(p)) : []
  const state = s.cancelled ? 'cancelled' : held ? 'held' : 'coming'
  return [
    s.date,
    zh.common.weekdays[isoWeekday(s.date)],
    timeRange(s),
    c.studioName(s.studioId),
    s.place,
    s.required,
    c.names(s.duty) || null,
    checkedNames || null,
    c.names(absent) || null,
    t.sessionState[state],
    s.cancelled?.reason ?? null,
    c.issuesOn,
  ]
}

function writeStats(ws: ExcelJS.Worksheet, f: Figures, perStudio: { name: string; f: Figures }[], title: string, period: string, today: string): void {
  ws.addRow([t.statsTitle(title, period, today)]).font = { bold: true }
  ws.addRow([...t.statsColumns]).font = { bold: true }
  const r = t.statRows
  const count = (key: string, n: number) => ws.addRow([r[key][0], n, null, null, r[key][1] || null])
  const ratio = (key: string, x: { num: number; den: number }) => ws.addRow([r[key][0], t.rate(x), x.num, x.den, r[key][1] || null])
  count('received', f.received)
  count('withdrawn', f.withdrawn)
  count('onTheSpot', f.onTheSpot)
  count('transferred', f.transferred)
  count('answered', f.answered)
  count('closed', f.closed)
  count('open', f.open)
  count('overdue', f.overdue)
  ratio('closure', f.closure)
  ratio('satisfaction', f.satisfaction)
  ratio('strict', f.strictSatisfaction)
  ws.addRow([r.answerDays[0], t.mean(f.answerDays.sum, f.answerDays.count), f.answerDays.sum, f.answerDays.count, r.answerDays[1]])
  count('sessionsHeld', f.sessionsHeld)
  ratio('sessionsFull', f.sessionsFull)
  ratio('sessionsCheckedIn', f.sessionsCheckedIn)
  count('visits', f.visits)

  const table = (heading: string, columns: readonly string[], rows: Cell[][]) => {
    ws.addRow([])
    ws.addRow([heading]).font = { bold: true }
    ws.addRow([...columns]).font = { bold: true }
    for (const row of rows) ws.addRow(row)
  }
  if (perStudio.length) {
    table(
      t.sectionByStudio,
      t.studioColumns,
      perStudio.map(({ name, f: s }) => [name, s.received, s.closed, t.rate(s.closure), t.rate(s.satisfaction), s.overdue, s.sessionsHeld, s.visits]),
    )
  }
  table(
    t.sectionByCategory,
    t.categoryColumns,
    f.byCategory.map((c) => [c.name, c.received, c.closed, t.rate(c.closure), c.satisfaction.den, c.satisfaction.num]),
  )
  table(
    t.sectionByDepartment,
    t.departmentColumns,
    f.byDepartment.map((d) => [d.name, d.transferred, d.answered, d.closed, d.overdue, t.rate(d.closure), t.rate(d.satisfaction), t.mean(d.answerDays.sum, d.answerDays.count)]),
  )
}

/** Representatives of the ledger's studios (inactive ones too), and anyone else who sat a session in it. */
function representatives(input: WorkbookInput, data: LedgerData): Person[] {
  const onDuty = new Set(data.sessions.flatMap((s) => [...s.duty, ...s.attendance.map((a) => a.personId)]))
  const order = new Map(data.studioIds.map((id, i) => [id, i]))
  return input.people
    .filter((p) => (p.roles.includes('representative') && p.studioId !== undefined && order.has(p.studioId)) || onDuty.has(p.id))
    .map((p, i) => ({ p, i }))
    .sort((a, b) => (order.get(a.p.studioId ?? '') ?? 1e9) - (order.get(b.p.studioId ?? '') ?? 1e9) || a.i - b.i)
    .map((x) => x.p)
}

function writeRepSheet(ws: ExcelJS.Worksheet, p: Person, input: WorkbookInput, c: { studioName: (id: string) => string }): void {
  const { data, now } = input
  const rs = t.repSheet
  const rec = repRecord({ personId: p.id, sessions: data.sessions, issues: data.issues, from: data.from, to: data.to, now })
  const values: Cell[] = [p.name, p.unit || null, p.position || null, p.level ?? null, p.studioId ? c.studioName(p.studioId) : null, t.cli.yesNo(p.active), t.periodLabel(input.period.spec)]
  rs.fields.forEach((f, i) => ws.addRow([f, values[i]]))
  ws.addRow([])
  ws.addRow([rs.sectionFigures]).font = { bold: true }
  const sat = { num: rec.registeredSatisfied, den: rec.registeredRated }
  const fig = rs.figures
  const rows: [string, Cell][] = [
    [fig.onDuty, rec.onDuty],
    [fig.attended, rec.attended],
    [fig.backfilled, rec.backfilled],
    [fig.missed, rec.missed],
    [fig.unrecorded, rec.unrecorded],
    [fig.covered, rec.covered],
    [fig.gave, rec.gave],
    [fig.swapped, rec.swapped],
    [fig.registered, rec.registered],
    [fig.registeredClosed, rec.registeredClosed],
    [fig.satisfaction, t.rate(sat)],
    [fig.receivedOnDuty, rec.receivedOnDuty],
  ]
  const ev = evaluate(rec, input.scheme)
  rows.push([fig.points, ev.points])
  rows.push([fig.grade, isWholeYear(input.period) ? ev.grade : rs.notYearly])
  for (const r of rows) ws.addRow(r)

  ws.addRow([])
  ws.addRow([rs.sectionDuties]).font = { bold: true }
  ws.addRow([...t.dutyColumns]).font = { bold: true }
  for (const d of rec.duties) ws.addRow([d.date, c.studioName(d.studioId), d.recordedAt !== undefined ? t.backfilledMark(stamp(d.recordedAt)) : t.dutyMark[d.mark]])

  ws.addRow([])
  ws.addRow([rs.sectionIssues]).font = { bold: true }
  ws.addRow([...t.repIssueColumns]).font = { bold: true }
  const byId = new Map(data.issues.map((i) => [i.id, i]))
  for (const id of rec.issueIds) {
    const i = byId.get(id)!
    ws.addRow([i.id, i.date, i.category, zh.issues.status[i.status] ?? i.status, i.feedback?.rating ?? null])
  }
}

/** Excel allows 31 characters and none of : \ / ? * [ ]; a name already taken gets the id added. */
export function uniqueSheetName(name: string, id: string, used: ReadonlySet<string>): string {
  const clean = (s: string) => s.replace(/[:\\/?*[\]]/gu, '_').slice(0, 31)
  const plain = clean(name)
  if (!used.has(plain)) return plain
  const withId = clean(`${name.slice(0, 31 - id.length - 2)}(${id})`)
  if (!used.has(withId)) return withId
  for (let n = 2; ; n++) {
    const s = clean(`${name.slice(0, 24)}(${id}-${n})`)
    if (!used.has(s)) return s
  }
}

function wrap(ws: ExcelJS.Worksheet, columns: number[]): void {
  for (const col of columns) ws.getColumn(col).alignment = { wrapText: true, vertical: 'top' }
}
