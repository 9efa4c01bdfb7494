/**
 * A 花名册 (the office's roster spreadsheet, as a grid of cell texts) against the current directory:
 * what the import would change, or the errors that stop it, each naming its row and column. Pure: the
 * caller reads the file and resolves studio names; the vocabulary (header names, role words) is passed in,
 * so the wording lives in the catalogue.
 *
 * Policies:
 * - The header row is the first of the first 10 rows holding a 姓名 header; columns may be in any order,
 *   others (序号, 备注) are ignored; headers are read as offices write them (synonyms such as 所属工作室,
 *   联系电话, 代表层级 from the vocabulary; blanks, `*` and `（必填）` ignored). 姓名 and 工作室 columns are
 *   required; a column missing from the sheet keeps what the directory has (a sheet without 角色 never
 *   demotes anyone: new people are representatives, and the coordinators and admins it does not list stay).
 * - Blank rows, footer rows (合计, 制表人, 备注 …) and a repeated header are skipped. Blanks inside a name
 *   (张　伟, aligned by hand) are removed.
 * - A row matches an existing person by name and mobile, else by name and unit, else by name within the
 *   same studio, else by a name that is unique in the directory. Where the name repeats and nothing tells
 *   which one is meant, the row is an error (never a guess); otherwise it is a new person with a new id
 *   (`p` + the next number not used by anyone, so an id once given never names someone else).
 * - Someone in the directory but not in the sheet is marked inactive when they have any history (a duty,
 *   planned ones included, a check-in, a duty change, an issue they registered, sat for or acted on) and
 *   deleted only when they have none: a record (一人一档) never loses its person, and no session is left
 *   naming an id nobody has (an inactive person's unannounced seats are re-staffed by planning). Someone
 *   inactive who is back in the sheet is active again.
 * - Any error stops the whole import (nothing is half-applied); the plan of the valid rows is still shown.
 */
import type { Level, Person, Role } from '../model.js'

export const COLUMN_KEYS = ['name', 'unit', 'position', 'level', 'phone', 'studio', 'roles'] as const
export type ColumnKey = (typeof COLUMN_KEYS)[number]
const REQUIRED: readonly ColumnKey[] = ['name', 'studio']
export const LEVELS = ['市级', '区级', '镇级'] as const satisfies readonly Level[]
const MAX_NAME = 20
const MAX_TEXT = 60
const HEADER_SEARCH_ROWS = 10

export type ImportCode =
  | 'sheet.empty'
  | 'header.missing' // row, column
  | 'cell.required' // row, column
  | 'cell.too-long' // row, column, max
  | 'cell.bad-level' // row, column, value
  | 'cell.bad-phone' // row, column, value
  | 'cell.unknown-studio' // row, column, value
  | 'cell.ambiguous-studio' // row, column, value, candidates
  | 'cell.bad-role' // row, column, value
  | 'cell.studio-required' // row, column
  | 'row.duplicate' // row, column, value, first
  | 'row.ambiguous-person' // row, column, value, n, units: several people of that name, neither phone nor unit tells which

export interface ImportError {
  code: ImportCode
  /** 1-based spreadsheet row, 0 when about the whole sheet. */
  row: number
  column?: ColumnKey
  params: Record<string, string | number>
}

export interface ImportVocabulary {
  /** Header texts per column (first is the canonical name shown in errors). */
  columns: Record<ColumnKey, readonly string[]>
  roleWords: Record<Role, readonly string[]>
}

export interface StudioMatch {
  /** Ids of the studios the text may mean (one: found; none: unknown; more: ambiguous). */
  ids: string[]
  /** Names of those studios, for the error. */
  names: string[]
}

export interface ImportInput {
  /** Rows of cell texts, row 1 first (index 0 = spreadsheet row 1). */
  grid: readonly (readonly string[])[]
  current: readonly Person[]
  vocabulary: ImportVocabulary
  resolveStudio: (text: string) => StudioMatch
  /** All studio names, for "unknown studio" replies. */
  studioNames: readonly string[]
  hasHistory: (personId: string) => boolean
}

export type PersonField = 'name' | 'unit' | 'position' | 'level' | 'phone' | 'studioId' | 'roles'

export interface ImportPlan {
  errors: ImportError[]
  /** The directory after the import (valid rows applied). */
  people: Person[]
  added: { person: Person; row: number }[]
  updated: { before: Person; after: Person; fields: PersonField[]; row: number }[]
  reactivated: { person: Person; row: number }[]
  deactivated: Person[]
  removed: Person[]
  unchanged: number
  /** Header row and the number of data rows read. */
  headerRow: number
  rows: number
  /** Rows skipped as no person (totals, signatures, notes, a repeated header). */
  skipped: number[]
}

interface Parsed {
  row: number
  name: string
  unit?: string
  position?: string
  level?: Level | null
  phone?: string | null
  studioId?: string
  roles?: Role[]
}

const norm = (s: string | undefined): string => (s ?? '').normalize('NFKC').replace(/[\u200b-\u200f\u2060\ufeff]/gu, '').trim()
/** A header cell as offices write it: `姓 名`, `姓名*`, `手机(必填)`, `工作室：` all read as the bare word. */
const headerWord = (s: string): string => s.replace(/\s+/gu, '').replace(/[*＊※]/gu, '').replace(/[(（][^)）]*[)）]/gu, '').replace(/[:：]$/u, '')

/**
 * Rows that are no person: totals, signatures and notes under the table (合计 21人, 制表人：刘芳, 备注：…),
 * told by the first cell that holds anything.
 */
const FOOTER = /^(?:合计|总计|小计|共计|总人数|人数|制表|填表|填报|审核|审批|复核|负责人|联系人|备注|说明|注[:：]|注\d|附注|附件|日期|打印)/u
export function isFooterRow(cells: readonly string[]): boolean {
  const first = cells.find((c) => c !== '')
  return first !== undefined && FOOTER.test(first.replace(/\s+/gu, ''))
}

export function planImport(input: ImportInput): ImportPlan {
  const errors: ImportError[] = []
  const plan: ImportPlan = { errors, people: [], added: [], updated: [], reactivated: [], deactivated: [], removed: [], unchanged: 0, headerRow: 0, rows: 0, skipped: [] }
  const grid = input.grid.map((r) => r.map(norm))
  if (!grid.some((r) => r.some((c) => c !== ''))) {
    errors.push({ code: 'sheet.empty', row: 0, params: {} })
    return { ...plan, people: [...input.current] }
  }
  const voc = input.vocabulary
  const canonical = (k: ColumnKey) => voc.columns[k][0]

  // ---- header ----
  const isHeader = (k: ColumnKey, c: string) => voc.columns[k].includes(headerWord(c))
  const headerIndex = grid.slice(0, HEADER_SEARCH_ROWS).findIndex((r) => r.some((c) => isHeader('name', c)))
  const headerRow = headerIndex < 0 ? 1 : headerIndex + 1
  plan.headerRow = headerRow
  const header = grid[headerRow - 1] ?? []
  const col: Partial<Record<ColumnKey, number>> = {}
  for (const k of COLUMN_KEYS) {
    const at = header.findIndex((c) => isHeader(k, c))
    if (at >= 0) col[k] = at
  }
  for (const k of REQUIRED) if (col[k] === undefined) errors.push({ code: 'header.missing', row: headerRow, column: k, params: { row: headerRow, column: canonical(k), also: voc.columns[k].slice(1).join('、') } })
  if (errors.length) return { ...plan, people: [...input.current] }

  // ---- rows ----
  const parsed: Parsed[] = []
  const firstSeen = new Map<string, number>()
  for (let i = headerRow; i < grid.length; i++) {
    const cells = grid[i]
    const row = i + 1
    if (!cells.some((c) => c !== '')) continue
    // Totals and signatures under the table, and the header repeated on a printed page, are no people.
    if (isFooterRow(cells) || (col.name !== undefined && isHeader('name', cells[col.name] ?? ''))) {
      plan.skipped.push(row)
      continue
    }
    plan.rows++
    const cell = (k: ColumnKey): string | undefined => (col[k] === undefined ? undefined : cells[col[k]!] ?? '')
    const fail = (code: ImportCode, column: ColumnKey, extra: Record<string, string | number> = {}) =>
      errors.push({ code, row, column, params: { row, column: canonical(column), ...extra } })
    const before = errors.length

    const name = (cell('name') ?? '').replace(/\s+/gu, '')
    if (name === '') fail('cell.required', 'name')
    else if ([...name].length > MAX_NAME) fail('cell.too-long', 'name', { max: MAX_NAME })

    const text = (k: 'unit' | 'position'): string | undefined => {
      const v = cell(k)
      if (v !== undefined && [...v].length > MAX_TEXT) fail('cell.too-long', k, { max: MAX_TEXT })
      return v
    }
    const unit = text('unit')
    const position = text('position')

    let level: Level | null | undefined
    const rawLevel = cell('level')
    if (rawLevel !== undefined) {
      level = rawLevel === '' ? null : readLevel(rawLevel)
      if (level === undefined) fail('cell.bad-level', 'level', { value: rawLevel })
    }

    let phone: string | null | undefined
    const rawPhone = cell('phone')
    if (rawPhone !== undefined) {
      phone = rawPhone === '' ? null : readMobile(rawPhone)
      if (phone === undefined) fail('cell.bad-phone', 'phone', { value: rawPhone })
    }

    // No 角色 column, or the cell left blank: an existing person keeps their roles, a new one is a representative.
    let roles: Role[] | undefined
    const rawRoles = cell('roles')
    if (rawRoles !== undefined && rawRoles !== '') {
      const read = readRoles(rawRoles, voc.roleWords)
      if (read) roles = read
      else fail('cell.bad-role', 'roles', { value: rawRoles })
    }

    let studioId: string | undefined
    const rawStudio = cell('studio') ?? ''
    if (rawStudio !== '') {
      const m = input.resolveStudio(rawStudio)
      if (m.ids.length === 1) studioId = m.ids[0]
      else if (m.ids.length === 0) fail('cell.unknown-studio', 'studio', { value: rawStudio, known: input.studioNames.join('、') })
      else fail('cell.ambiguous-studio', 'studio', { value: rawStudio, candidates: m.names.join('、') })
    } else if (!roles || roles.includes('representative') || roles.includes('coordinator')) {
      fail('cell.studio-required', 'studio')
    }

    if (errors.length > before) continue
    const key = phone ? `${name}|${phone}` : `${name}|@${studioId ?? ''}`
    const first = firstSeen.get(key)
    if (first !== undefined) {
      fail('row.duplicate', 'name', { value: name, first })
      continue
    }
    firstSeen.set(key, row)
    parsed.push({ row, name, unit, position, level, phone, studioId, roles })
  }

  // ---- match and diff ----
  const current = [...input.current]
  const claimed = new Set<string>()
  const usedIds = new Set(current.map((p) => p.id))
  let nextNumber = current.reduce((n, p) => Math.max(n, Number(/^[a-z]+(\d+)$/.exec(p.id)?.[1] ?? 0)), 0) + 1
  const width = Math.max(2, ...current.map((p) => /^[a-z]+(\d+)$/.exec(p.id)?.[1].length ?? 0))
  const newId = (): string => {
    for (;;) {
      const id = `p${String(nextNumber++).padStart(width, '0')}`
      if (!usedIds.has(id)) {
        usedIds.add(id)
        return id
      }
    }
  }
  const result = new Map<string, Person>()
  const order: string[] = []
  for (const r of parsed) {
    const free = current.filter((p) => !claimed.has(p.id) && p.name === r.name)
    // Name with phone, else name with unit, else the one of that name in the row's studio, else a name
    // nobody else has. Never by name alone where it repeats: that row is an error (which one?).
    const sameName = current.filter((p) => p.name === r.name)
    const match =
      (r.phone ? free.find((p) => p.phone === r.phone) : undefined) ??
      (r.unit ? one(free.filter((p) => p.unit === r.unit)) : undefined) ??
      one(free.filter((p) => p.studioId === r.studioId)) ??
      (sameName.length === 1 ? one(free) : undefined)
    if (!match && sameName.length > 1 && !(r.phone && !sameName.some((p) => p.phone === r.phone) && r.unit && !sameName.some((p) => p.unit === r.unit))) {
      errors.push({ code: 'row.ambiguous-person', row: r.row, column: 'name', params: { row: r.row, column: canonical('name'), value: r.name, n: sameName.length, units: sameName.map((p) => p.unit || p.position || p.id).join('、') } })
      continue
    }
    if (!match) {
      const person: Person = {
        id: newId(),
        name: r.name,
        unit: r.unit ?? '',
        position: r.position ?? '',
        ...(r.level ? { level: r.level } : {}),
        ...(r.phone ? { phone: r.phone } : {}),
        ...(r.studioId ? { studioId: r.studioId } : {}),
        roles: r.roles ?? ['representative'],
        active: true,
      }
      plan.added.push({ person, row: r.row })
      result.set(person.id, person)
      order.push(person.id)
      continue
    }
    claimed.add(match.id)
    const after: Person = { ...match, name: r.name, roles: r.roles ?? match.roles, active: true }
    if (r.unit !== undefined) after.unit = r.unit
    if (r.position !== undefined) after.position = r.position
    if (r.level !== undefined) setOptional(after, 'level', r.level ?? undefined)
    if (r.phone !== undefined) setOptional(after, 'phone', r.phone ?? undefined)
    setOptional(after, 'studioId', r.studioId)
    const fields = changedFields(match, after)
    if (!match.active) plan.reactivated.push({ person: after, row: r.row })
    if (fields.length) plan.updated.push({ before: match, after, fields, row: r.row })
    if (match.active && !fields.length) plan.unchanged++
    result.set(after.id, after)
    order.push(after.id)
  }
  for (const p of current) {
    if (claimed.has(p.id)) continue
    // A sheet without 角色 lists representatives: the coordinators and admins it does not name stay as they are.
    if (col.roles === undefined && !p.roles.includes('representative')) {
      plan.unchanged++
      result.set(p.id, p)
      order.push(p.id)
      continue
    }
    if (input.hasHistory(p.id)) {
      if (p.active) plan.deactivated.push(p)
      else plan.unchanged++
      result.set(p.id, { ...p, active: false })
      order.push(p.id)
    } else {
      plan.removed.push(p)
    }
  }
  // Directory order: people already there keep their place, new ones follow in sheet order.
  const rank = new Map(current.map((p, i) => [p.id, i]))
  plan.people = order.map((id) => result.get(id)!).sort((a, b) => (rank.get(a.id) ?? 1e9 + order.indexOf(a.id)) - (rank.get(b.id) ?? 1e9 + order.indexOf(b.id)))
  return plan
}

function one<T>(xs: T[]): T | undefined {
  return xs.length === 1 ? xs[0] : undefined
}

function setOptional<K extends 'level' | 'phone' | 'studioId'>(p: Person, k: K, v: Person[K] | undefined): void {
  if (v === undefined) delete p[k]
  else p[k] = v
}

function changedFields(a: Person, b: Person): PersonField[] {
  const out: PersonField[] = []
  for (const k of ['name', 'unit', 'position', 'level', 'phone', 'studioId'] as const) if ((a[k] ?? '') !== (b[k] ?? '')) out.push(k)
  if (a.roles.length !== b.roles.length || a.roles.some((r) => !b.roles.includes(r))) out.push('roles')
  return out
}

/** 市级 / 区级 / 镇级, also written 市 / 区 / 镇 or 市级党代表. */
function readLevel(s: string): Level | undefined {
  const t = s.replace(/\s+/gu, '')
  const exact = LEVELS.find((l) => t === l || t === l[0] || t === `${l}党代表` || t === `${l}代表`)
  return exact
}

/** An 11-digit mainland mobile, written with blanks, dashes or +86: normalised to the 11 digits. */
function readMobile(s: string): string | undefined {
  const digits = s.replace(/[\s\-()（）]/gu, '').replace(/^\+?86(?=1\d{10}$)/u, '')
  return /^1[3-9]\d{9}$/u.test(digits) ? digits : undefined
}

/** 党代表、联络员 → representative, coordinator; any word not known → undefined. */
function readRoles(s: string, words: Record<Role, readonly string[]>): Role[] | undefined {
  const parts = s.split(/[、,，/;；+＋\s]+/u).filter(Boolean)
  const out: Role[] = []
  for (const part of parts) {
    const role = (Object.keys(words) as Role[]).find((r) => words[r].includes(part))
    if (!role) return undefined
    if (!out.includes(role)) out.push(role)
  }
  return out.length ? out : undefined
}
