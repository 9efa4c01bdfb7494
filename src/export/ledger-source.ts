/**
 * Where reports and ledgers read the records from: the issue and roster partitions of each studio-year.
 *
 * Two sources with one interface:
 * - `storeSource(store)`: inside the bot, through the live Store (partitions already in memory are read
 *   there, so a report sees the step taken a second ago; older issue years are read without being kept).
 * - `folderSource(dir)`: for the command-line tools (`npm run export`, `npm run import`), straight from the
 *   data folder, read-only: the snapshot of each partition plus, for issues, its journal replayed. It
 *   never opens a Store: Store.open and listPartitions tidy up temp files, and a running bot's temp file
 *   must not vanish under it mid-write.
 *
 * Everything returned is read-only; nothing here writes.
 */
import { promises as fs } from 'node:fs'
import path from 'node:path'
import type { Store } from '../platform/store/store.js'
import { ISSUES_VERSION, ROSTER_VERSION } from '../platform/store/store.js'
import { Journal } from '../platform/store/journal.js'
import type { Issue } from '../domain/issues/issue.js'
import type { Session, SwapRequest } from '../domain/model.js'
import { yearOf, type LocalDate } from '../domain/time/local-date.js'
import { parseSessionId } from '../app/roster-service.js'

export interface RosterPart {
  sessions: Session[]
  swaps: SwapRequest[]
}

export interface LedgerSource {
  /** Issues registered in that studio-year (empty when there is no file). */
  issues(studioId: string, year: number): Promise<Issue[]>
  /** Sessions (by date) and swap requests of that studio-year. */
  roster(studioId: string, year: number): Promise<RosterPart>
}

export function storeSource(store: Store<any>): LedgerSource {
  return {
    issues: async (studioId, year) => (await store.peekIssues(studioId, year)) as Issue[],
    roster: async (studioId, year) => {
      const part = await store.roster(studioId, year)
      return { sessions: part.data.sessions, swaps: part.data.swaps ?? [] }
    },
  }
}

/** A file of the data folder that is not what the bot writes (wrong version or shape). */
export class DataFolderError extends Error {
  constructor(readonly file: string, readonly reason: string) {
    super(`${file}: ${reason}`)
    this.name = 'DataFolderError'
  }
}

export function folderSource(dir: string): LedgerSource {
  const read = async (kind: 'issues' | 'roster', studioId: string, year: number, version: number): Promise<Record<string, unknown> | null> => {
    const file = path.join(dir, kind, studioId, `${year}.json`)
    let text: string
    try {
      text = await fs.readFile(file, 'utf8')
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null
      throw e
    }
    let data: unknown
    try {
      data = JSON.parse(text)
    } catch (e) {
      throw new DataFolderError(file, (e as Error).message)
    }
    if (typeof data !== 'object' || data === null || (data as { version?: unknown }).version !== version) throw new DataFolderError(file, `version ${String((data as { version?: unknown })?.version)} ≠ ${version}`)
    return data as Record<string, unknown>
  }
  return {
    issues: async (studioId, year) => {
      const d = await read('issues', studioId, year, ISSUES_VERSION)
      const list: Issue[] = d && Array.isArray(d.issues) ? [...(d.issues as Issue[])] : []
      // Issues are journaled: the snapshot, then every generation of `<year>.log.<n>` upserted by id, as
      // the store loads them (Journal.replay only reads; a torn last line is skipped).
      const records = (await new Journal(path.join(dir, 'issues', studioId, String(year)), { fsync: false }).replay()) as Issue[]
      if (records.length) {
        const at = new Map(list.map((x, i) => [x.id, i]))
        for (const r of records) {
          const i = at.get(r.id)
          if (i === undefined) at.set(r.id, list.push(r) - 1)
          else list[i] = r
        }
      }
      return list
    },
    roster: async (studioId, year) => {
      const d = await read('roster', studioId, year, ROSTER_VERSION)
      return { sessions: d && Array.isArray(d.sessions) ? (d.sessions as Session[]) : [], swaps: d && Array.isArray(d.swaps) ? (d.swaps as SwapRequest[]) : [] }
    },
  }
}

/** The studio-years with a file of this kind in a data folder (read-only listing). */
export async function listFolderPartitions(dir: string, kind: 'roster' | 'issues'): Promise<{ studioId: string; year: number }[]> {
  const out: { studioId: string; year: number }[] = []
  let studios: string[]
  try {
    studios = await fs.readdir(path.join(dir, kind))
  } catch {
    return out
  }
  for (const studioId of studios) {
    let names: string[]
    try {
      names = await fs.readdir(path.join(dir, kind, studioId))
    } catch {
      continue
    }
    for (const n of names) {
      // A young issues partition may have only its journal yet (`2026.log.1`).
      const m = /^(\d{4})\.(json|log\.\d+)$/.exec(n)
      if (m && !out.some((p) => p.studioId === studioId && p.year === Number(m[1]))) out.push({ studioId, year: Number(m[1]) })
    }
  }
  return out.sort((a, b) => a.studioId.localeCompare(b.studioId) || a.year - b.year)
}

/** What a report over some studios and a period is computed from. */
export interface LedgerData {
  studioIds: string[]
  from: LocalDate
  to: LocalDate
  /** Issues registered in the period (withdrawn ones included; reports split them off). */
  issues: Issue[]
  /** Sessions dated in the period, cancelled ones included. */
  sessions: Session[]
  /** Swap requests about sessions in the period. */
  swaps: SwapRequest[]
}

export async function collectLedger(source: LedgerSource, studioIds: string[], from: LocalDate, to: LocalDate): Promise<LedgerData> {
  const out: LedgerData = { studioIds, from, to, issues: [], sessions: [], swaps: [] }
  const inRange = (d: LocalDate) => d >= from && d <= to
  for (const studioId of studioIds) {
    for (let y = yearOf(from); y <= yearOf(to); y++) {
      for (const i of await source.issues(studioId, y)) if (inRange(i.date)) out.issues.push(i)
      const r = await source.roster(studioId, y)
      for (const s of r.sessions) if (inRange(s.date)) out.sessions.push(s)
      for (const w of r.swaps) {
        const at = parseSessionId(w.sessionId)
        if (at && inRange(at.date)) out.swaps.push(w)
      }
    }
  }
  out.issues.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0) || a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1))
  out.sessions.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0) || (a.studioId < b.studioId ? -1 : a.studioId > b.studioId ? 1 : 0))
  return out
}
