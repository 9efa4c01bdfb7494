/**
 * The store: lowdb files under one data folder, laid out so that no acknowledged write costs time
 * proportional to all history (see README "数据布局"):
 *
 *   state.json                     bindings, markers, the durable outbox, counters, recent message ids
 *   roster/<studio>/<year>.json    that studio's sessions (duty, history, attendance) and swap requests
 *   issues/<studio>/<year>.json    that studio's issues registered in that year, with their histories
 *
 * A write rewrites one small file (one studio-year), atomically and durably (AtomicJsonFile), with group
 * commit (Partition). Start-up loads state.json eagerly; partitions load on first use, and callers decide
 * which years to preload (the issue repository loads the recent years, and scans older ones for open
 * issues without keeping them in memory).
 */
import { promises as fs } from 'node:fs'
import path from 'node:path'
import { z } from 'zod'
import { AtomicJsonFile, removeStaleTemps, type AtomicJsonOptions } from './atomic-json-file.js'
import { Partition, type JournalSpec } from './partition.js'
import { Journal } from './journal.js'
import type { Session, SwapRequest } from '../../domain/model.js'

export const STATE_VERSION = 1
export const ROSTER_VERSION = 1
export const ISSUES_VERSION = 1

/** A message that must reach WeChat even if the bot restarts first (scheduled posts). */
export interface OutboxItem {
  id: string
  to: { roomId?: string; contactId?: string }
  text: string
  mentions?: string[]
  createdAt: number
}

export interface ContactBinding {
  personId: string
  via: 'config' | 'code' | 'name'
  at: number
}

export interface StateData {
  version: number
  /**
   * WeChat contact id → person, and how the binding was made: `config` (wechatId in the config) or
   * `code` (a one-time code, /绑定) carry every role of the person; `name` (the display name matched a
   * representative in their studio's group) carries the representative role only, since names can be copied.
   * Group (room) id → studio id.
   */
  bindings: { contacts: Record<string, ContactBinding>; rooms: Record<string, string> }
  /** One-time codes for binding coordinator/admin rights (`/绑定 123456`). */
  bindCodes: { code: string; personId: string; expiresAt: number }[]
  /** Exactly-once markers of scheduled posts: key → instant it was queued. Pruned after 120 days. */
  markers: Record<string, number>
  outbox: OutboxItem[]
  counters: Record<string, number>
  /** Ids of recent inbound messages (ring), so a replayed message is ignored after a restart. */
  seen: string[]
}

export interface RosterData {
  version: number
  sessions: Session[]
  swaps: SwapRequest[]
}

export interface IssuesData<I> {
  version: number
  issues: I[]
}

const stateSchema = z.object({
  version: z.number(),
  bindings: z.object({ contacts: z.record(z.string(), z.object({ personId: z.string(), via: z.enum(['config', 'code', 'name']), at: z.number() })), rooms: z.record(z.string(), z.string()) }),
  bindCodes: z.array(z.object({ code: z.string(), personId: z.string(), expiresAt: z.number() })),
  markers: z.record(z.string(), z.number()),
  outbox: z.array(z.object({ id: z.string(), to: z.object({ roomId: z.string().optional(), contactId: z.string().optional() }), text: z.string(), mentions: z.array(z.string()).optional(), createdAt: z.number() })),
  counters: z.record(z.string(), z.number()),
  seen: z.array(z.string()),
}) as unknown as z.ZodType<StateData>

// Items are checked for the fields the indexes rely on; the rest is the domain's own shape.
const sessionItem = z.looseObject({ id: z.string(), studioId: z.string(), date: z.string(), duty: z.array(z.string()), history: z.array(z.unknown()) })
const swapItem = z.looseObject({ id: z.string(), sessionId: z.string(), status: z.string() })
const rosterSchema = z.object({ version: z.number(), sessions: z.array(sessionItem), swaps: z.array(swapItem) }) as unknown as z.ZodType<RosterData>
const issueItem = z.looseObject({ id: z.string(), studioId: z.string(), status: z.string(), history: z.array(z.unknown()) })
const issuesSchema = z.object({ version: z.number(), issues: z.array(issueItem) }) as unknown as z.ZodType<IssuesData<never>>

export const emptyState = (): StateData => ({
  version: STATE_VERSION,
  bindings: { contacts: {}, rooms: {} },
  bindCodes: [],
  markers: {},
  outbox: [],
  counters: {},
  seen: [],
})

export interface StoreOptions extends AtomicJsonOptions {}

export class Store<I = unknown> {
  readonly state: Partition<StateData>
  private rosters = new Map<string, Promise<Partition<RosterData>>>()
  private issueParts = new Map<string, Promise<Partition<IssuesData<I>>>>()

  private constructor(readonly dir: string, private readonly opts: StoreOptions) {
    this.state = new Partition(new AtomicJsonFile(path.join(dir, 'state.json'), stateSchema, STATE_VERSION, opts), emptyState())
  }

  /** Opens the data folder; throws StoreError (never overwriting anything) on a corrupt or unknown file. */
  static async open<I = unknown>(dir: string, opts: StoreOptions = {}): Promise<Store<I>> {
    await fs.mkdir(dir, { recursive: true })
    const store = new Store<I>(dir, opts)
    await removeStaleTemps(dir)
    await store.state.load()
    return store
  }

  roster(studioId: string, year: number): Promise<Partition<RosterData>> {
    return this.lazy(this.rosters, 'roster', studioId, year, rosterSchema, ROSTER_VERSION, (): RosterData => ({ version: ROSTER_VERSION, sessions: [], swaps: [] }))
  }

  /** Issues are journaled: a registration or a step appends one record instead of rewriting the year. */
  issues(studioId: string, year: number): Promise<Partition<IssuesData<I>>> {
    return this.lazy(this.issueParts, 'issues', studioId, year, issuesSchema as unknown as z.ZodType<IssuesData<I>>, ISSUES_VERSION, (): IssuesData<I> => ({ version: ISSUES_VERSION, issues: [] }), true)
  }

  /** Lets every pending write land and closes open files (shutdown, tests). */
  async close(): Promise<void> {
    const parts = [...this.rosters.values(), ...this.issueParts.values()].map((p) => p.then((x) => x.close(), () => undefined))
    await Promise.all([...parts, this.state.close()])
  }

  /** The studio-years that have a file of this kind on disk (names only; nothing is loaded). */
  async listPartitions(kind: 'roster' | 'issues'): Promise<{ studioId: string; year: number }[]> {
    const root = path.join(this.dir, kind)
    const out: { studioId: string; year: number }[] = []
    let studios: string[]
    try {
      studios = await fs.readdir(root)
    } catch {
      return out
    }
    for (const studioId of studios) {
      const folder = path.join(root, studioId)
      let names: string[]
      try {
        names = await fs.readdir(folder)
      } catch {
        continue // a stray file (README, .DS_Store) beside the studio folders
      }
      await removeStaleTemps(folder)
      for (const name of names) {
        // A young partition may have only its journal yet (`2026.log.1`).
        const m = /^(\d{4})\.(json|log\.\d+)$/.exec(name)
        if (m && !out.some((p) => p.studioId === studioId && p.year === Number(m[1]))) out.push({ studioId, year: Number(m[1]) })
      }
    }
    return out.sort((a, b) => a.studioId.localeCompare(b.studioId) || a.year - b.year)
  }

  /** Reads one partition without caching it (scans of old years). */
  async peekIssues(studioId: string, year: number): Promise<I[]> {
    const cached = this.issueParts.get(`${studioId}/${year}`)
    if (cached) return (await cached).data.issues
    const part = this.make('issues', studioId, year, issuesSchema as unknown as z.ZodType<IssuesData<I>>, ISSUES_VERSION, (): IssuesData<I> => ({ version: ISSUES_VERSION, issues: [] }), true)
    await part.load()
    return part.data.issues
  }

  /** Records appended to a journaled partition before its snapshot is rewritten. */
  static readonly COMPACT_EVERY = 500

  private make<T extends { version: number }>(kind: string, studioId: string, year: number, schema: z.ZodType<T>, version: number, empty: () => T, journaled: boolean): Partition<T> {
    const file = this.file(kind, studioId, year)
    const spec: JournalSpec | undefined = journaled
      ? { journal: new Journal(file.replace(/\.json$/, ''), { fsync: this.opts.fsync !== false }), collection: kind, compactEvery: Store.COMPACT_EVERY }
      : undefined
    return new Partition<T>(new AtomicJsonFile(file, schema, version, this.opts), empty(), spec)
  }

  private file(kind: string, studioId: string, year: number): string {
    return path.join(this.dir, kind, studioId, `${year}.json`)
  }

  private lazy<T extends { version: number }>(
    cache: Map<string, Promise<Partition<T>>>,
    kind: string,
    studioId: string,
    year: number,
    schema: z.ZodType<T>,
    version: number,
    empty: () => T,
    journaled = false,
  ): Promise<Partition<T>> {
    const key = `${studioId}/${year}`
    let p = cache.get(key)
    if (!p) {
      const part = this.make(kind, studioId, year, schema, version, empty, journaled)
      p = part.load().then(() => part)
      p.catch(() => cache.delete(key))
      cache.set(key, p)
    }
    return p
  }
}
