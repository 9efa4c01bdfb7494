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
  // A Directory only for its studio look-up (names, parts of names, prefixes), as the commands read them;
  // it never touches the store for that, and no store is opened here (the bot may be running).
  const directory = new Directory(o.config, undefined, current)
  const history = await peopleWithHistory(o.dataDir)
  const plan = planImport({
    grid: sheet.grid,
    current,
    vocabulary,
    resolveStudio: (text) => {
      const found = directory.findStudio(text)
      return { ids: found.map((s) => s.id), names: found.map((s) => s.name) }
    },
    studioNames: directory.studios.map((s) => s.name),
    hasHistory: (id) => history.has(id),
  })

  const studioName = (id?: string) => (id ? directory.studio(id)?.name ?? id : zh.common.none)
  const roleText = (roles: Role[]) => roles.map((r) => t.roleNames[r]).join(zh.common.listSep)
  const value = (f: PersonField, p: Person): string => (f === 'studioId' ? (p.studioId ? studioName(p.studioId) : '') : f === 'roles' ? roleText(p.roles) : String(p[f] ?? ''))

  const lines: string[] = [t.header(path.basename(o.file), sheet.sheet, plan.rows)]
  if (plan.errors.length) {
    lines.push(t.errorsHeader(plan.errors.length))
    for (const e of plan.errors) lines.push('  ' + (t.error[e.code] ?? (() => e.code))(e.params))
  }
  const changes: string[] = [
    ...plan.added.map((a) => t.added(a.person.name, studioName(a.person.studioId), roleText(a.person.roles), a.person.id)),
    ...plan.reactivated.map((r) => t.reactivated(r.person.name, r.person.id)),
    ...plan.updated.map((u) => t.updated(u.after.name, u.after.id, u.fields.map((f) => t.fieldChange(t.fieldNames[f], value(f, u.before), value(f, u.after))).join('；'))),
    ...plan.deactivated.map((p) => t.deactivated(p.name, p.id)),
    ...plan.removed.map((p) => t.removed(p.name, p.id)),
  ]
  lines.push(changes.length ? t.changesHeader : t.noChanges, ...changes.map((c) => '  ' + c), t.unchanged(plan.unchanged))
  const warnings = studioWarnings(o.config, plan)
  if (warnings.length) lines.push(t.warningsHeader, ...warnings.map((w) => '  ' + w))

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

/** Person ids that appear anywhere in the data folder: duty, check-ins, duty changes, swaps, issues. */
export async function peopleWithHistory(dataDir: string): Promise<Set<string>> {
  const out = new Set<string>()
  const store = await openFolderReadOnly(dataDir)
  const src = storeSource(store)
  for (const p of await store.listPartitions('roster')) {
    const r = await src.roster(p.studioId, p.year)
    for (const s of r.sessions) {
      for (const id of s.duty) out.add(id)
      for (const a of s.attendance ?? []) out.add(a.personId)
      for (const h of s.history) for (const id of [...h.before, ...h.after]) out.add(id)
    }
    for (const w of r.swaps) {
      out.add(w.from)
      if (w.to) out.add(w.to)
    }
  }
  for (const p of await store.listPartitions('issues')) {
    for (const i of await src.issues(p.studioId, p.year)) {
      out.add(i.registrar)
      for (const id of i.dutyReps) out.add(id)
      for (const e of i.history) out.add(e.by)
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
