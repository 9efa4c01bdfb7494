/**
 * `npm run import -- 花名册.xlsx [--apply]` without the process around it (src/cli/import.ts prints
 * what this returns; the tests call it directly): reads the sheet, compares it with the current directory
 * (the imported one if any, else the config's people), looks up who has history in the data folder (read-
 * only, so it is safe while the bot runs), and either shows the plan (dry run, the default) or writes
 * `<data>/directory.json`. An error anywhere writes nothing.
 */
import { promises as fs } from 'node:fs'
import path from 'node:path'
import type { Config } from '../config/schema.js'
import type { Person, Role } from '../domain/model.js'
import { planImport, type ImportPlan, type ImportVocabulary, type PersonField } from '../domain/directory/import-people.js'
import { readSheetGrid } from '../export/read-sheet.js'
import { openFolderReadOnly, storeSource } from '../export/ledger-source.js'
import { Directory, peopleFromConfig } from './directory.js'
import { readDirectoryFile, writeDirectoryFile } from './directory-file.js'
import { zh } from '../text/zh-CN.js'
import { SYSTEM } from './roster-queries.js'

const t = zh.followup.cli

export interface ImportOptions {
  file: string
  dataDir: string
  config: Config
  apply: boolean
  now: number
  fsync?: boolean
}

export interface ImportOutcome {
  /** Lines to print, in order. */
  lines: string[]
  /** 0: fine (dry run shown or applied); 2: the sheet has errors or cannot be read. */
  code: 0 | 2
  plan?: ImportPlan
  written?: string
}

export const vocabulary: ImportVocabulary = {
  columns: t.columnAliases as ImportVocabulary['columns'],
  roleWords: t.roleWords as Record<Role, readonly string[]>,
}

export async function runImport(o: ImportOptions): Promise<ImportOutcome> {
  let sheet: Awaited<ReturnType<typeof readSheetGrid>>
  try {
    await fs.access(o.file)
  } catch {
    return { lines: [t.noFile(o.file)], code: 2 }
  }
  try {
    sheet = await readSheetGrid(o.file)
  } catch (e) {
    return { lines: [t.notXlsx(o.file, (e as Error).message)], code: 2 }
  }
  const imported = await readDirectoryFile(o.dataDir)
  const current = imported ? imported.people : peopleFromConfig(o.config)
  const preview = previewImport({ grid: sheet.grid, sheetName: sheet.sheet, fileName: path.basename(o.file), current, config: o.config, history: await peopleWithHistory(o.dataDir) })
  const { lines, plan } = preview
  if (plan.errors.length) {
    lines.push(t.blocked)
    return { lines, code: 2, plan }
  }
  if (!o.apply) {
    lines.push(t.dryRun)
    return { lines, code: 0, plan }
  }
  const written = await writeDirectoryFile(o.dataDir, { importedAt: o.now, source: path.basename(o.file), people: plan.people }, { fsync: o.fsync })
  lines.push(t.applied(written))
  return { lines, code: 0, plan, written }
}

/** What a person's record holds (counts), for keeping them as 不在册 with the reason. */
export interface HistoryCounts {
  duties: number
  checkIns: number
  changes: number
  swaps: number
  issues: number
}

export interface PreviewInput {
  grid: string[][]
  sheetName: string
  fileName: string
  current: Person[]
  config: Config
  history: ReadonlyMap<string, HistoryCounts>
}

/**
 * The plan of a sheet against the current people, and how it reads for a clerk: errors by row and
 * column, then additions, changes, returns, departures (with what each one's record holds) and
 * deletions, each under a heading with its count; rows skipped as no person; warnings about studios.
 */
export function previewImport(o: PreviewInput): { lines: string[]; plan: ImportPlan } {
  // A Directory only for its studio look-up (names, parts of names, prefixes), as the commands read them;
  // it never touches the store for that.
  const directory = new Directory(o.config, undefined, o.current)
  const plan = planImport({
    grid: o.grid,
    current: o.current,
    vocabulary,
    resolveStudio: (text) => {
      const found = directory.findStudio(text)
      return { ids: found.map((s) => s.id), names: found.map((s) => s.name) }
    },
    studioNames: directory.studios.map((s) => s.name),
    hasHistory: (id) => o.history.has(id),
  })

  const studioName = (id?: string) => (id ? directory.studio(id)?.name ?? id : zh.common.none)
  const roleText = (roles: Role[]) => roles.map((r) => t.roleNames[r]).join(zh.common.listSep)
  const value = (f: PersonField, p: Person): string => (f === 'studioId' ? (p.studioId ? studioName(p.studioId) : '') : f === 'roles' ? roleText(p.roles) : String(p[f] ?? ''))

  const lines: string[] = [t.header(o.fileName, o.sheetName, plan.rows)]
  if (plan.errors.length) {
    lines.push(t.errorsHeader(plan.errors.length))
    for (const e of plan.errors) lines.push('  ' + (t.error[e.code] ?? (() => e.code))(e.params))
  }
  const section = (head: string, items: string[]) => (items.length ? [head, ...items.map((c) => '  ' + c)] : [])
  const changes: string[] = [
    ...section(t.sectionAdded(plan.added.length), plan.added.map((a) => t.added(a.person.name, studioName(a.person.studioId), roleText(a.person.roles), a.person.id))),
    ...section(t.sectionReactivated(plan.reactivated.length), plan.reactivated.map((r) => t.reactivated(r.person.name, r.person.id))),
    ...section(t.sectionUpdated(plan.updated.length), plan.updated.map((u) => t.updated(u.after.name, u.after.id, u.fields.map((f) => t.fieldChange(t.fieldNames[f], value(f, u.before), value(f, u.after))).join('；')))),
    ...section(t.sectionDeactivated(plan.deactivated.length), plan.deactivated.map((p) => t.deactivated(p.name, p.id, t.historyReason(o.history.get(p.id) ?? { duties: 0, checkIns: 0, changes: 0, swaps: 0, issues: 0 })))),
    ...section(t.sectionRemoved(plan.removed.length), plan.removed.map((p) => t.removed(p.name, p.id))),
  ]
  lines.push(...(changes.length ? [t.changesHeader, ...changes] : [t.noChanges]), t.unchanged(plan.unchanged))
  if (plan.skipped.length) lines.push(t.skipped(plan.skipped.join('、')))
  const warnings = studioWarnings(o.config, plan)
  if (warnings.length) lines.push(t.warningsHeader, ...warnings.map((w) => '  ' + w))
  return { lines, plan }
}

/**
 * Everyone the data folder names, with what their record holds: duties (planned ones included), check-ins
 * (theirs or recorded by them), duty changes and cancellations they made, swap requests they made, were
 * asked or decided, and issues they registered, sat for or acted on. Read-only (safe beside the bot).
 */
export async function peopleWithHistory(dataDir: string): Promise<Map<string, HistoryCounts>> {
  const out = new Map<string, HistoryCounts>()
  const bump = (id: string | undefined, k: keyof HistoryCounts) => {
    if (!id) return
    let c = out.get(id)
    if (!c) out.set(id, (c = { duties: 0, checkIns: 0, changes: 0, swaps: 0, issues: 0 }))
    c[k]++
  }
  const store = await openFolderReadOnly(dataDir)
  const src = storeSource(store)
  for (const p of await store.listPartitions('roster')) {
    const r = await src.roster(p.studioId, p.year)
    for (const s of r.sessions) {
      for (const id of s.duty) bump(id, 'duties')
      for (const a of s.attendance ?? []) {
        bump(a.personId, 'checkIns')
        if (a.by !== a.personId) bump(a.by, 'changes')
      }
      for (const h of s.history) {
        if (h.by !== SYSTEM) bump(h.by, 'changes')
        for (const id of new Set([...h.before, ...h.after])) if (!s.duty.includes(id) && !out.has(id)) bump(id, 'duties')
      }
      // A cancellation is in the history too (kind cancel, by whoever cancelled).
    }
    for (const w of r.swaps) {
      bump(w.from, 'swaps')
      bump(w.to, 'swaps')
      if (w.decidedBy && w.decidedBy !== SYSTEM && w.decidedBy !== w.from && w.decidedBy !== w.to) bump(w.decidedBy, 'swaps')
    }
  }
  for (const p of await store.listPartitions('issues')) {
    for (const i of await src.issues(p.studioId, p.year)) {
      for (const id of new Set([i.registrar, ...i.dutyReps, ...i.history.map((e) => e.by)])) bump(id, 'issues')
    }
  }
  return out
}

/** Studios the new directory leaves without a coordinator or with fewer representatives than a session needs. */
function studioWarnings(config: Config, plan: ImportPlan): string[] {
  const out: string[] = []
  for (const s of config.studios) {
    const members = plan.people.filter((p) => p.active && p.studioId === s.id)
    if (!members.some((p) => p.roles.includes('coordinator'))) out.push(t.warning.noCoordinator(s.name))
    const reps = members.filter((p) => p.roles.includes('representative')).length
    if (reps < s.reception.perSession) out.push(t.warning.tooFewReps(s.name, reps, s.reception.perSession))
  }
  return out
}
