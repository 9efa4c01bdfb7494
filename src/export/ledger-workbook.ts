/**
 * The studio ledger (台账) as offices keep it, in one xlsx (exceljs' streaming writer):
 *   问题台账          one row per issue, in full (unmasked: the file goes only to coordinators and admins
 *                     in private chat, or to staff at the server), with every answer, contact attempt and
 *                     the whole history in its cells;
 *   接待场次与签到    one row per session: duty, who checked in, who did not;
 *   换班记录          every duty change made by people (leave, substitute, swap, volunteer, force, the
 *                     coordinator's /排班, cancellation), with before, after, who and when;
 *   统计              the figures of src/domain/stats with numerator and denominator, by category,
 *                     department and (for more than one studio) studio;
 *   one sheet per representative (一人一档): their record and, for a whole year, the evaluation suggestion.
 *
 * Cells hold plain values (text, numbers); dates are `YYYY-MM-DD` text and instants `YYYY-MM-DD HH:mm`
 * (Asia/Shanghai) so that the file reads the same in every spreadsheet program and sorts as text.
 * Every Chinese word comes from zh.followup (and zh.issues for the steps of an issue).
 *
 * At city scale (a district year: ~21,000 issues, ~1,400 representatives' sheets) the records are indexed
 * once (domain/stats/ledger-index.ts) and everything computed from them first (`prepare`); the sheets are
 * then written row by row into the zip as they go, never held whole. What the file holds is the same as
 * the in-memory workbook it replaced (test/export/ledger-equivalence.test.ts compares them cell by cell).
 */
import type ExcelJS from 'exceljs'
import { createRequire } from 'node:module'
import { Writable } from 'node:stream'
import type { Issue, IssueEvent, WorkingDays } from '../domain/issues/issue.js'
import type { Person, Session, Studio } from '../domain/model.js'
import { computeFigures, isClosed, isHeld, mergeFigures, type Figures } from '../domain/stats/figures.js'
import { evaluate, repRecord, type EvaluationScheme, type RepRecord } from '../domain/stats/rep-record.js'
import { indexLedger, type LedgerIndex } from '../domain/stats/ledger-index.js'
import { isOverdue, workingDaysLeft } from '../domain/issues/issue-machine.js'
import { isWholeYear, type Period } from '../domain/stats/period.js'
import { SHANGHAI_OFFSET_MS, isoWeekday, toLocalDate, type LocalDate } from '../domain/time/local-date.js'
import type { LedgerData } from './ledger-source.js'
import { nameTold, timeRange } from '../text/posts/roster.js'
import { zh } from '../text/zh-CN.js'
import { describeIssueEvent } from '../text/posts/issue-events.js'

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

/** What a written ledger holds. */
export interface LedgerCounts {
  issues: number
  sessions: number
  reps: number
  /** Sheet names in order (the fixed four, then one per representative). */
  sheets: string[]
}

export interface LedgerWorkbook extends LedgerCounts {
  buffer: Buffer
}

type Cell = string | number | null
type Sheet = ExcelJS.Worksheet

/**
 * exceljs' streaming writer by itself: the package's entry also loads the reader and the in-memory
 * workbook with their unzip and XML-parser dependencies (about half a second and 15 MB in a worker that
 * only writes).
 */
const WorkbookWriter = createRequire(import.meta.url)('exceljs/lib/stream/xlsx/workbook-writer.js') as new (
  o: Partial<ExcelJS.stream.xlsx.WorkbookStreamWriterOptions> & { creator?: string; created?: Date; modified?: Date },
) => ExcelJS.stream.xlsx.WorkbookWriter

const t = zh.followup

const pad2 = (n: number): string => (n < 10 ? `0${n}` : `${n}`)

/** `YYYY-MM-DD HH:mm` in Asia/Shanghai: toLocalDate and toLocalTime of the instant, from one Date. */
export const stamp = (at: number): string => {
  const d = new Date(at + SHANGHAI_OFFSET_MS)
  return `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())} ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}`
}

/** Rows of the issues sheet written between two turns of the event loop (the zip compresses meanwhile). */
const ROWS_PER_TURN = 500
/** Sheets written ahead of the zip: one more waits until the oldest of these is compressed. */
const SHEETS_AHEAD = 32

const WRAP: Partial<ExcelJS.Alignment> = { wrapText: true, vertical: 'top' }
const turn = () => new Promise<void>((resolve) => setImmediate(resolve))

/** What the sheets are written from once the records are read: small, so the records can go early. */
interface Prepared {
  figures: Figures
  perStudio: { id: string; f: Figures }[]
  reps: { p: Person; rec: RepRecord }[]
  /** Per session id: non-withdrawn issues registered that day. */
  issuesOn: Map<string, number>
  /** What a representative's sheet lists of an issue they registered: id, date, category, status, rating. */
  brief: Map<string, Cell[]>
}

/**
 * Everything computed from the records, from indexes built once (ledger-index.ts): the figures of the
 * ledger and of each studio, each representative's record from the records that name them only.
 */
function prepare(input: WorkbookInput): Prepared {
  const { data, now } = input
  const index = indexLedger(data)
  const range = { from: data.from, to: data.to, now, days: input.days }
  const parts = data.studioIds.map((id) => ({ id, f: computeFigures({ ...index.studio(id), ...range }) }))
  // The ledger's figures are its studios' added up (mergeFigures), when every record is of one of them.
  const covered = parts.reduce((n, x) => n + index.studio(x.id).issues.length, 0) === data.issues.length && parts.reduce((n, x) => n + index.studio(x.id).sessions.length, 0) === data.sessions.length && new Set(data.studioIds).size === data.studioIds.length
  const figures = covered ? mergeFigures(data.from, data.to, parts.map((x) => x.f)) : computeFigures({ issues: data.issues, sessions: data.sessions, ...range })
  const reps = representatives(input, data, index).map((p) => ({ p, rec: repRecord({ personId: p.id, ...index.person(p.id), from: data.from, to: data.to, now }) }))
  const issuesOn = new Map(data.sessions.map((s) => [s.id, index.issuesOn(s.id)]))
  const brief = new Map<string, Cell[]>()
  for (const { rec } of reps) {
    for (const id of rec.issueIds) {
      const i = index.issue(id)!
      brief.set(id, [i.id, i.date, i.category, zh.issues.status[i.status] ?? i.status, i.feedback?.rating ?? null])
    }
  }
  return { figures, perStudio: data.studioIds.length > 1 ? parts : [], reps, issuesOn, brief }
}

export interface WriteOptions {
  /**
   * The caller hands the records over (`data.issues` is its own copy, read for this ledger alone): each
   * issue is let go once its row is written, so the records and the file being written are not both
   * held at their largest. The array is left emptied.
   */
  consume?: boolean
}

/**
 * Writes the ledger to `out` as it goes (exceljs' streaming WorkbookWriter): rows are written and
 * compressed sheet by sheet and never held all at once; the records are indexed once (ledger-index.ts)
 * so each representative's sheet and each studio's figures read only their own. Resolves when the last
 * byte is handed to `out`.
 */
export async function writeLedgerWorkbook(input: WorkbookInput, out: Writable, o: WriteOptions = {}): Promise<LedgerCounts> {
  const { data, now } = input
  const today = toLocalDate(now)
  const personById = new Map(input.people.map((p) => [p.id, p]))
  const active = input.people.filter((p) => p.active)
  const told = new Map<string, string>()
  const name = (id: string): string => {
    if (id === 'system') return zh.issues.system
    let n = told.get(id)
    if (n === undefined) {
      const p = personById.get(id)
      told.set(id, (n = p ? nameTold(p, active.filter((x) => x.name === p.name)) : id))
    }
    return n
  }
  const names = (ids: readonly string[]): string => {
    let s = ''
    for (let k = 0; k < ids.length; k++) s += (k ? zh.common.listSep : '') + name(ids[k])
    return s
  }
  const studioNames = new Map<string, string>()
  for (const s of input.studios) if (!studioNames.has(s.id)) studioNames.set(s.id, s.name)
  const studioName = (id: string): string => studioNames.get(id) ?? id
  const issueCount = data.issues.length
  const ready = prepare(input)

  const wb = new WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false, creator: zh.common.botName, created: new Date(now), modified: new Date(now) })
  rememberStyles(wb)
  smallSheetBuffers(wb)
  const sheets: string[] = []
  const ahead: Promise<void>[] = []
  /** Finishes a sheet; waits while more than SHEETS_AHEAD finished sheets are not yet compressed. */
  const done = async (ws: Sheet): Promise<void> => {
    ahead.push(zipped(ws))
    ws.commit()
    if (ahead.length > SHEETS_AHEAD) await ahead.shift()
    await turn()
  }
  const addSheet = (title: string, columns: readonly string[], widths: number[], wrapped: readonly number[] = []): Sheet => {
    const ws = wb.addWorksheet(title, { views: [{ state: 'frozen', ySplit: 1 }] })
    ws.columns = columns.map((header, i) => ({ header, width: widths[i] ?? 12, ...(wrapped.includes(i + 1) ? { style: { alignment: WRAP } } : {}) }))
    ws.getRow(1).font = { bold: true }
    sheets.push(title)
    return ws
  }

  // ---- 问题台账 ----
  const issues = addSheet(t.sheet.issues, t.issueColumns, [14, 14, 11, 8, 14, 8, 14, 20, 40, 10, 6, 16, 14, 11, 11, 5, 6, 40, 8, 20, 24, 5, 11, 6, 20, 60], [9, 18, 21, 26])
  issues.getRow(1).commit()
  const ctx: RowCtx = { name, names, studioName, today, days: input.days('') }
  const list = data.issues
  for (let k = 0; k < list.length; k++) {
    const i = list[k]
    ctx.days = input.days(i.studioId)
    put(issues, issueRow(i, ctx)).commit()
    if (o.consume) list[k] = undefined as unknown as Issue
    if ((k + 1) % ROWS_PER_TURN === 0) await turn()
  }
  if (o.consume) list.length = 0
  await done(issues)

  // ---- 接待场次与签到 ----
  const sessions = addSheet(t.sheet.sessions, t.sessionColumns, [11, 6, 12, 14, 30, 8, 20, 20, 20, 8, 20, 10])
  for (const s of data.sessions) put(sessions, sessionRow(s, { names, studioName, now, issuesOn: ready.issuesOn.get(s.id) ?? 0 })).commit()
  await done(sessions)

  // ---- 换班记录 ----
  const swaps = addSheet(t.sheet.swaps, t.swapColumns, [17, 14, 11, 10, 20, 20, 10, 30])
  const changes = data.sessions
    .flatMap((s) => s.history.filter((h) => h.kind !== 'planned' && h.kind !== 'restaff').map((h) => ({ s, h })))
    .sort((a, b) => a.h.at - b.h.at || (a.s.id < b.s.id ? -1 : 1))
  for (const { s, h } of changes) {
    put(swaps, [stamp(h.at), studioName(s.studioId), s.date, t.changeKind[h.kind] ?? h.kind, names(h.before), names(h.after), name(h.by), h.note ?? (h.kind === 'cancel' ? s.cancelled?.reason ?? null : null)]).commit()
  }
  await done(swaps)

  // ---- 统计: a title line, then the table ----
  const stats = wb.addWorksheet(t.sheet.stats, { views: [{ state: 'frozen', ySplit: 2 }] })
  sheets.push(t.sheet.stats)
  stats.columns = [26, 14, 8, 8, 40].map((width) => ({ width }))
  writeStats(stats, ready.figures, ready.perStudio.map((x) => ({ name: studioName(x.id), f: x.f })), input.title, t.periodLabel(input.period.spec), today)
  await done(stats)

  // ---- 一人一档 ----
  const used = new Set(sheets)
  const seen = new Map<string, number>()
  for (const { p } of ready.reps) seen.set(p.name, (seen.get(p.name) ?? 0) + 1)
  for (const { p, rec } of ready.reps) {
    const sheetName = uniqueSheetName((seen.get(p.name) ?? 0) > 1 ? `${p.name}(${p.id})` : p.name, p.id, used)
    used.add(sheetName)
    const ws = wb.addWorksheet(sheetName)
    sheets.push(sheetName)
    ws.columns = [{ width: 22 }, { width: 22 }, { width: 14 }, { width: 12 }, { width: 10 }]
    writeRepSheet(ws, p, rec, input, ready.brief, { studioName })
    await done(ws)
  }

  await Promise.all(ahead)
  await wb.commit()
  return { issues: issueCount, sessions: data.sessions.length, reps: ready.reps.length, sheets }
}

/** The ledger as one xlsx in memory (the same bytes writeLedgerWorkbook streams). */
export async function buildLedgerWorkbook(input: WorkbookInput): Promise<LedgerWorkbook> {
  const chunks: Buffer[] = []
  const sink = new Writable({
    write(chunk: Buffer, _enc, cb) {
      chunks.push(chunk)
      cb()
    },
  })
  const finished = new Promise<void>((resolve, reject) => sink.on('finish', resolve).on('error', reject))
  const counts = await writeLedgerWorkbook(input, sink)
  await finished
  return { ...counts, buffer: Buffer.concat(chunks) }
}

/**
 * exceljs files every written cell's style by rendering it to XML and looking that up: a third of the
 * ledger's time, for a handful of distinct styles (none, bold, wrapped, bold and wrapped). This answers a
 * style seen before from a map keyed by its content and the cell's type, which is what the lookup keys
 * on, so the file is the same (test/export/ledger-equivalence.test.ts compares every cell's style).
 */
function rememberStyles(wb: ExcelJS.stream.xlsx.WorkbookWriter): void {
  const styles = (wb as unknown as { styles?: { addStyleModel?: (model: object | undefined, type?: number) => number } }).styles
  const add = styles?.addStyleModel?.bind(styles)
  if (!styles || !add) return
  const known = new Map<string, number>()
  styles.addStyleModel = (model, type) => {
    if (!model) return add(model, type)
    let empty = true
    for (const _k in model) {
      empty = false
      break
    }
    const key = empty ? `${type}` : `${type}${JSON.stringify(model)}`
    let id = known.get(key)
    if (id === undefined) known.set(key, (id = add(model, type)))
    return id
  }
}

/**
 * Adds a row; an empty cell (null) is left out rather than written as an empty cell: it reads back the
 * same (empty), and exceljs' work per cell is most of the ledger's time.
 */
function put(ws: Sheet, cells: readonly Cell[]): ExcelJS.Row {
  const values: (string | number | undefined)[] = new Array(cells.length)
  for (let i = 0; i < cells.length; i++) values[i] = cells[i] ?? undefined
  return ws.addRow(values)
}

/**
 * exceljs buffers each sheet's XML in 64 kB pieces until the zip takes it; a representative's sheet is a
 * few kB, so 1,400 of them turned over 90 MB of buffers that are garbage at once. Sheets after the four
 * ledgers get 8 kB pieces (the bytes written are the same).
 */
function smallSheetBuffers(wb: ExcelJS.stream.xlsx.WorkbookWriter): void {
  const w = wb as unknown as { _openStream?: (path: string) => { bufSize: number } }
  const open = w._openStream?.bind(wb)
  if (!open) return
  w._openStream = (path) => {
    const stream = open(path)
    const sheet = /sheet(\d+)\.xml$/.exec(path)
    if (sheet && Number(sheet[1]) > 4) stream.bufSize = 8192
    return stream
  }
}

/** Resolves once the zip has taken a committed sheet's last byte. */
function zipped(ws: Sheet): Promise<void> {
  const stream = (ws as unknown as { stream: NodeJS.EventEmitter }).stream
  return new Promise((resolve) => stream.once('zipped', () => resolve()))
}

// ---- rows ---------------------------------------------------------------------------------------------

interface RowCtx {
  name: (id: string) => string
  names: (ids: readonly string[]) => string
  studioName: (id: string) => string
  today: string
  days: WorkingDays
}

/** How the ledger writes a step's dates: in full, ISO (the same for every step: made once). */
const FULL = { full: true, date: (d: LocalDate) => d }

export function issueRow(i: Issue, c: RowCtx): Cell[] {
  let firstTransfer: IssueEvent | undefined
  let closing: IssueEvent | undefined
  for (const e of i.history) {
    if (!firstTransfer && e.kind === 'transfer') firstTransfer = e
    if (e.kind === 'archive' || e.kind === 'on_the_spot') closing = e
  }
  const left = isOverdue(i, c.today) ? workingDaysLeft(i, c.today, c.days) : undefined
  let steps = ''
  for (let k = 0; k < i.history.length; k++) {
    const e = i.history[k]
    steps += (k ? '\n' : '') + zh.issues.eventLine(stamp(e.at), c.name(e.by), describeIssueEvent(i, e, FULL))
  }
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
    steps,
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

function writeStats(ws: Sheet, f: Figures, perStudio: { name: string; f: Figures }[], title: string, period: string, today: string): void {
  put(ws, [t.statsTitle(title, period, today)]).font = { bold: true }
  put(ws, [...t.statsColumns]).font = { bold: true }
  const r = t.statRows
  const count = (key: string, n: number) => put(ws, [r[key][0], n, null, null, r[key][1] || null])
  const ratio = (key: string, x: { num: number; den: number }) => put(ws, [r[key][0], t.rate(x), x.num, x.den, r[key][1] || null])
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
  put(ws, [r.answerDays[0], t.mean(f.answerDays.sum, f.answerDays.count), f.answerDays.sum, f.answerDays.count, r.answerDays[1]])
  count('sessionsHeld', f.sessionsHeld)
  ratio('sessionsFull', f.sessionsFull)
  ratio('sessionsCheckedIn', f.sessionsCheckedIn)
  count('visits', f.visits)

  const table = (heading: string, columns: readonly string[], rows: Cell[][]) => {
    put(ws, [])
    put(ws, [heading]).font = { bold: true }
    put(ws, [...columns]).font = { bold: true }
    for (const row of rows) put(ws, row)
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
function representatives(input: WorkbookInput, data: LedgerData, index: LedgerIndex): Person[] {
  const order = new Map(data.studioIds.map((id, i) => [id, i]))
  return input.people
    .filter((p) => (p.roles.includes('representative') && p.studioId !== undefined && order.has(p.studioId)) || index.seated.has(p.id))
    .map((p, i) => ({ p, i }))
    .sort((a, b) => (order.get(a.p.studioId ?? '') ?? 1e9) - (order.get(b.p.studioId ?? '') ?? 1e9) || a.i - b.i)
    .map((x) => x.p)
}

function writeRepSheet(ws: Sheet, p: Person, rec: RepRecord, input: WorkbookInput, brief: Map<string, Cell[]>, c: { studioName: (id: string) => string }): void {
  const rs = t.repSheet
  const values: Cell[] = [p.name, p.unit || null, p.position || null, p.level ?? null, p.studioId ? c.studioName(p.studioId) : null, t.cli.yesNo(p.active), t.periodLabel(input.period.spec)]
  rs.fields.forEach((f, i) => put(ws, [f, values[i]]))
  put(ws, [])
  put(ws, [rs.sectionFigures]).font = { bold: true }
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
  for (const r of rows) put(ws, r)

  put(ws, [])
  put(ws, [rs.sectionDuties]).font = { bold: true }
  put(ws, [...t.dutyColumns]).font = { bold: true }
  for (const d of rec.duties) put(ws, [d.date, c.studioName(d.studioId), d.recordedAt !== undefined ? t.backfilledMark(stamp(d.recordedAt)) : t.dutyMark[d.mark]])

  put(ws, [])
  put(ws, [rs.sectionIssues]).font = { bold: true }
  put(ws, [...t.repIssueColumns]).font = { bold: true }
  for (const id of rec.issueIds) put(ws, brief.get(id)!)
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
