/**
 * The 花名册 in the running bot (deps.directoryImports): the imported directory (`<data>/directory.json`)
 * is loaded at start and again whenever the file changes (`npm run import -- … --apply` beside the bot;
 * the load-directory job looks every minute), so an import takes effect without a restart: the directory
 * serves the new people at once, and the next planning re-staffs seats of people who left.
 *
 * An admin may also send the xlsx to the bot privately: the preview (the same lines as the console's) is
 * the reply, and `/确认导入` (or `/确认`) within PENDING_MS applies it, from the sheet as sent, planned again
 * against the directory as it is then. Pending previews are in memory (a restart forgets them: send the
 * file again). Writing directory.json is atomic (temp file, fsync, rename); it is not part of the store's log.
 */
import { promises as fs } from 'node:fs'
import path from 'node:path'
import { beijingStamp } from '../domain/time/local-date.js'
import type { Config } from '../config/schema.js'
import type { Logger } from '../platform/logger.js'
import type { ImportPlan } from '../domain/directory/import-people.js'
import type { Directory } from './directory.js'
import { DIRECTORY_FILE, readDirectoryFile, writeDirectoryFile } from './directory-file.js'
import { peopleWithHistory, previewImport } from './directory-import.js'
import { readSheetGrid } from '../export/read-sheet.js'
import { err, ok, type Result } from '../domain/result.js'

/** How long a preview sent in chat waits for /确认导入. */
export const PENDING_MS = 30 * 60_000
/** Larger files are refused unread (a 花名册 of a city is well under 1 MB). */
export const MAX_SHEET_BYTES = 5 * 1024 * 1024

interface Pending {
  fileName: string
  sheetName: string
  grid: string[][]
  at: number
}

export interface DirectoryImportsOptions {
  config: Config
  directory: Directory
  dataDir: string
  log: Logger
  fsync?: boolean
}

export class DirectoryImports {
  private seenMtime: number | undefined
  private pending = new Map<string, Pending>()

  constructor(private readonly o: DirectoryImportsOptions) {}

  private get file(): string {
    return path.join(this.o.dataDir, DIRECTORY_FILE)
  }

  /** Loads directory.json when it is new or changed since the last look. True when the people changed. */
  async checkFile(): Promise<boolean> {
    let mtime: number
    try {
      mtime = (await fs.stat(this.file)).mtimeMs
    } catch {
      return false
    }
    if (mtime === this.seenMtime) return false
    const data = await readDirectoryFile(this.o.dataDir)
    this.seenMtime = mtime
    if (!data) return false
    const studios = new Set(this.o.directory.studios.map((s) => s.id))
    const stray = data.people.filter((p) => p.studioId !== undefined && !studios.has(p.studioId))
    if (stray.length) this.o.log.warn('imported directory names studios the config does not have', { people: stray.map((p) => p.id) })
    this.o.directory.setPeople(data.people)
    this.o.log.info('directory from import', { source: data.source, importedAt: beijingStamp(data.importedAt), people: data.people.length })
    return true
  }

  hasPending(contactId: string, now: number): boolean {
    const p = this.pending.get(contactId)
    return !!p && now - p.at < PENDING_MS
  }

  /** A sheet sent in chat: its preview, kept for /确认导入 when it has no errors. */
  async preview(contactId: string, fileName: string, data: Buffer, now: number): Promise<Result<{ lines: string[]; plan: ImportPlan }, 'not-xlsx' | 'too-large'>> {
    if (data.length > MAX_SHEET_BYTES) return err('too-large')
    let sheet: Awaited<ReturnType<typeof readSheetGrid>>
    try {
      sheet = await readSheetGrid(data)
    } catch {
      return err('not-xlsx')
    }
    const out = await this.plan(fileName, sheet.sheet, sheet.grid)
    if (out.plan.errors.length) this.pending.delete(contactId)
    else this.pending.set(contactId, { fileName, sheetName: sheet.sheet, grid: sheet.grid, at: now })
    return ok(out)
  }

  /** Applies the sheet this contact sent: directory.json written, the directory replaced at once. */
  async confirm(contactId: string, now: number): Promise<Result<{ lines: string[]; plan: ImportPlan }, 'nothing' | 'expired' | 'errors'>> {
    const p = this.pending.get(contactId)
    if (!p) return err('nothing')
    if (now - p.at >= PENDING_MS) {
      this.pending.delete(contactId)
      return err('expired')
    }
    // Planned again: the directory may have changed since the preview.
    const out = await this.plan(p.fileName, p.sheetName, p.grid)
    if (out.plan.errors.length) return err('errors', { lines: out.lines.join('\n') })
    await writeDirectoryFile(this.o.dataDir, { importedAt: now, source: p.fileName, people: out.plan.people }, { fsync: this.o.fsync })
    this.pending.delete(contactId)
    this.seenMtime = (await fs.stat(this.file)).mtimeMs
    this.o.directory.setPeople(out.plan.people)
    this.o.log.info('directory imported from chat', { source: p.fileName, people: out.plan.people.length })
    return ok(out)
  }

  private async plan(fileName: string, sheetName: string, grid: string[][]) {
    return previewImport({ grid, sheetName, fileName, current: this.o.directory.people, config: this.o.config, history: await peopleWithHistory(this.o.dataDir) })
  }
}
