/**
 * Where reports and ledgers read the records from: the issue and roster partitions of each studio-year,
 * through the Store: the bot's live one (a report sees the step taken a second ago; older issue years
 * are read without being kept), or, for the command-line tools (`npm run export`, `npm run import`), the
 * same store code opened read-only on the data folder. One reader of the format.
 *
 * Everything returned is read-only; nothing here writes.
 */
import { Store } from '../platform/store/store.js'
import type { Issue } from '../domain/issues/issue.js'
import type { Session, SwapRequest } from '../domain/model.js'
import { yearOf, type LocalDate } from '../domain/time/local-date.js'
import { parseSessionId } from '../domain/roster/session-id.js'

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

/**
 * The store's partitions as they are: a loaded one (this year's) from memory, any other read from disk and
 * not kept, so a report over ten years leaves the bot's memory as it found it.
 */
export function storeSource(store: Store<any>): LedgerSource {
  return {
    issues: async (studioId, year) => (await store.peekIssues(studioId, year)) as Issue[],
    roster: async (studioId, year) => {
      const data = await store.peekRoster(studioId, year)
      return { sessions: data.sessions, swaps: data.swaps ?? [] }
    },
  }
}

/**
 * The data folder for the command-line tools and the ledger's worker, through the same store code the
 * bot uses, opened read-only: no lock, nothing written, so it is safe beside a running bot. `only`: the
 * studios and period that will be read (the log's records of other partitions are not kept). Throws
 * StoreError on damage.
 */
export async function openFolderReadOnly(dir: string, only?: { studioIds: readonly string[]; from: LocalDate; to: LocalDate }): Promise<Store<Issue>> {
  if (!only) return Store.open<Issue>(dir, { readOnly: true })
  const keys = new Set<string>()
  for (const id of only.studioIds) for (let y = yearOf(only.from); y <= yearOf(only.to); y++) keys.add(`issues/${id}/${y}`).add(`roster/${id}/${y}`)
  return Store.open<Issue>(dir, { readOnly: true, partitions: (key) => keys.has(key) })
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
