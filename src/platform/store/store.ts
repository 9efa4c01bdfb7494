/**
 * The store: one data folder, one writer, one transaction per acknowledged change (README "数据布局").
 *
 *   lock                           who holds the folder (data-lock.ts)
 *   journal/<gen>.log              the write-ahead log: one line per transaction (wal.ts)
 *   state.json                     snapshot: bindings, markers, the durable outbox, counters, recent message ids
 *   roster/<studio>/<year>.json    snapshot: that studio's sessions and swap requests
 *   issues/<studio>/<year>.json    snapshot: that studio's issues registered in that year
 *   audit/<scope>/<year>.json      snapshot: the web side's audit records (scope: a studio id or `district`)
 *
 * `transaction(fn)` runs `fn` alone (one at a time, re-entrant for calls made inside it); whatever it
 * changed (whole roster partitions, issue records, state entries, the message id that caused it) becomes
 * ONE log record, appended and fsynced before `transaction` resolves. If `fn` throws or the write fails,
 * every change it made in memory is undone and the log is cut back: memory and disk are as before, and
 * the error reaches the caller (WriteError for a failed write).
 *
 * Snapshots are lowdb files, rewritten only by compaction (by size, by age, at shutdown), which rotates
 * the log first and deletes the older generations once every snapshot holding them is on disk. Opening
 * reads the snapshots of state (eagerly) and of partitions (on first use) and replays the log over them.
 * A read-only open (the export CLI, `npm run check-data`) takes no lock and writes nothing.
 */
import { AsyncLocalStorage } from 'node:async_hooks'
import { promises as fs } from 'node:fs'
import path from 'node:path'
import { z } from 'zod'
import { AtomicJsonFile, StoreError, removeStaleTemps, DIR_MODE, type AtomicJsonOptions } from './atomic-json-file.js'
import { Partition, type PartitionHost } from './partition.js'
import { Wal, lineOf, type WalFs, type WalLine } from './wal.js'
import { DataLock } from './data-lock.js'
import { LegacyJournal } from './legacy-journal.js'
import type { Session, SwapRequest } from '../../domain/model.js'
import { zh } from '../../text/zh-CN.js'

export const STATE_VERSION = 1
export const ROSTER_VERSION = 1
export const ISSUES_VERSION = 1
export const RECORD_VERSION = 1
export const AUDIT_VERSION = 1

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

export interface BindCodeEntry {
  code: string
  personId: string
  expiresAt: number
}

/**
 * A web token (work-order link, receipt, login link, session …), keyed in `webTokens` by the sha256 of
 * the token: the token itself is never stored. `kind` tells its owner (src/web/…); the rest is the kind's own.
 */
export interface WebToken {
  kind: string
  createdAt: number
  /** Instant after which it is void (absent: until revoked or its issue moves on). */
  expiresAt?: number
  [field: string]: unknown
}

/** One web action (src/web/audit.ts): which link or session, when, what. */
export interface AuditRecord {
  id: string
  at: number
  /** `work:<hash prefix>`, `receipt:<issue id>`, `session:<hash prefix>` … never a token, name or phone. */
  via: string
  /** What was done or refused (`sign`, `answer`, `refused:bad_token` …). */
  what: string
  issueId?: string
  ip?: string
  [field: string]: unknown
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
  bindCodes: BindCodeEntry[]
  /** Exactly-once markers of scheduled posts: key → instant it was queued. Pruned after 120 days. */
  markers: Record<string, number>
  outbox: OutboxItem[]
  counters: Record<string, number>
  /** Web tokens by the sha256 (hex) of the token (absent in files written before the web side). */
  webTokens: Record<string, WebToken>
  /** Ids of recent inbound messages that changed data (ring), so a replayed one changes nothing again. */
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

export interface AuditData {
  version: number
  records: AuditRecord[]
}

/** How many message ids of data-changing messages the durable ring keeps. */
export const SEEN_RING = 5000

const bindingSchema = z.object({ personId: z.string(), via: z.enum(['config', 'code', 'name']), at: z.number() })
const outboxItemSchema = z.object({ id: z.string(), to: z.object({ roomId: z.string().optional(), contactId: z.string().optional() }), text: z.string(), mentions: z.array(z.string()).optional(), createdAt: z.number() })
const bindCodeSchema = z.object({ code: z.string(), personId: z.string(), expiresAt: z.number() })
/** Derived files under cache/: only the envelope is checked (their readers check the rest). */
const cacheSchema = z.object({ version: z.literal(1) }).passthrough()
const webTokenSchema = z.looseObject({ kind: z.string(), createdAt: z.number(), expiresAt: z.number().optional() })
const stateSchema = z.object({
  version: z.number(),
  bindings: z.object({ contacts: z.record(z.string(), bindingSchema), rooms: z.record(z.string(), z.string()) }),
  bindCodes: z.array(bindCodeSchema),
  markers: z.record(z.string(), z.number()),
  outbox: z.array(outboxItemSchema),
  counters: z.record(z.string(), z.number()),
  webTokens: z.record(z.string(), webTokenSchema).default({}),
  seen: z.array(z.string()),
})

// Items are checked for the fields the indexes rely on; the rest is the domain's own shape.
const sessionItem = z.looseObject({ id: z.string(), studioId: z.string(), date: z.string(), duty: z.array(z.string()), history: z.array(z.unknown()) })
const swapItem = z.looseObject({ id: z.string(), sessionId: z.string(), status: z.string() })
const rosterSchema = z.object({ version: z.number(), sessions: z.array(sessionItem), swaps: z.array(swapItem) })
const issueItem = z.looseObject({ id: z.string(), studioId: z.string(), status: z.string(), history: z.array(z.unknown()) })
const issuesSchema = z.object({ version: z.number(), issues: z.array(issueItem) })
const auditItem = z.looseObject({ id: z.string(), at: z.number(), via: z.string(), what: z.string() })
const auditSchema = z.object({ version: z.number(), records: z.array(auditItem) })

const STATE_MAPS = ['markers', 'counters', 'contacts', 'rooms', 'webTokens'] as const
type StateMap = (typeof STATE_MAPS)[number]
const stateValue: Record<StateMap, z.ZodType> = { markers: z.number(), counters: z.number(), contacts: bindingSchema, rooms: z.string(), webTokens: webTokenSchema }

const partKey = z.string().regex(/^(roster|issues|audit)\/[^/\\]+\/\d{4}$/)
/** One change inside a log record. */
const opSchema = z.union([
  z.strictObject({ f: partKey, d: z.unknown() }),
  z.strictObject({ f: partKey, put: z.looseObject({ id: z.string() }) }),
  z.strictObject({ s: z.enum(STATE_MAPS), k: z.string(), v: z.unknown().optional() }),
  z.strictObject({ s: z.literal('outbox'), add: z.array(outboxItemSchema).optional(), del: z.array(z.string()).optional() }),
  z.strictObject({ s: z.literal('bindCodes'), add: z.array(bindCodeSchema).optional(), del: z.array(z.string()).optional() }),
])
type Op = z.infer<typeof opSchema>
const recordSchema = z.strictObject({ v: z.literal(RECORD_VERSION), n: z.number().int(), at: z.number(), m: z.string().optional(), ops: z.array(opSchema) })

export const emptyState = (): StateData => ({
  version: STATE_VERSION,
  bindings: { contacts: {}, rooms: {} },
  bindCodes: [],
  markers: {},
  outbox: [],
  counters: {},
  webTokens: {},
  seen: [],
})

/** A change could not be made durable (disk full, I/O error, read-only file system): nothing of it was kept. */
export class WriteError extends Error {
  constructor(readonly cause: unknown) {
    super(`write failed: ${(cause as NodeJS.ErrnoException)?.code ?? String(cause)}`)
    this.name = 'WriteError'
  }
  get code(): string | undefined {
    return (this.cause as NodeJS.ErrnoException)?.code
  }
}

/** One transaction in progress. */
export class Tx {
  open = true
  readonly ops: Op[] = []
  readonly parts = new Set<Partition<any>>()
  readonly undo: (() => void)[] = []
  readonly after: (() => void)[] = []
  constructor(public msgId: string | undefined) {}
  /** Runs `fn` if the transaction fails or throws (undo an in-memory change). */
  onAbort(fn: () => void): void {
    this.undo.push(fn)
  }
  /** Runs `fn` once the transaction is durable (e.g. hand new outbox items to the sender). */
  onCommit(fn: () => void): void {
    this.after.push(fn)
  }
}

export interface StoreOptions extends AtomicJsonOptions {
  /** Open without lock, writing nothing (export, check). */
  readOnly?: boolean
  /**
   * Read-only opens for a report: the only partitions (`issues/<studio>/<year>`, `roster/…`) it will
   * read. Log records of any other partition are skipped as the log is replayed, instead of being kept
   * for a read that never comes (the log may hold megabytes of this year's steps).
   */
  partitions?: (key: string) => boolean
  /** Compact when the log's current generation reaches this many bytes (default 8 MB)… */
  compactBytes?: number
  /** …or its oldest record is this old (default 1 hour). */
  compactAgeMs?: number
  /** Wall time for the log's records and compaction by age (tests inject one). */
  now?: () => number
  /** File operations of the log (tests inject failures where a small tmpfs cannot be mounted). */
  walFs?: WalFs
  /** Told once about a torn last record that was skipped, and about compactions. */
  onNotice?: (event: string, fields: Record<string, unknown>) => void
}

interface PendingOp {
  op: Op
  where: WalLine
}

/** A transaction whose record is queued or being written. */
interface Pending {
  tx: Tx
  parts: { part: Partition<any>; json: string }[]
  line: Buffer
  at?: number
  prevSeen?: string[]
  done: () => void
  fail: (e: unknown) => void
}

/** Write statistics for the benchmark and /状态. */
export interface StoreStats {
  transactions: number
  failedWrites: number
  compactions: number
}

export class Store<I = unknown> implements PartitionHost {
  readonly state: StateDoc
  readonly stats: StoreStats = { transactions: 0, failedWrites: 0, compactions: 0 }
  private readonly parts = new Map<string, Promise<Partition<any>>>()
  /** Log records of partitions not loaded yet, by partition key, in log order. */
  private pending = new Map<string, PendingOp[]>()
  /** Partitions (and state) changed since the last rotation: what the next compaction must write. */
  private changedSince = new Set<string>()
  private stateChanged = false
  private legacy = new Set<string>()
  private chain: Promise<unknown> = Promise.resolve()
  private readonly als = new AsyncLocalStorage<Tx>()
  private seq = 0
  private durableSeq = 0
  private queue: Pending[] = []
  private inflight: Pending[] = []
  private writing: Promise<void> | null = null
  /** The error of a failed write whose transactions are not undone yet. */
  private poisoned: unknown = null
  private compacting: Promise<void> | null = null
  private timer: NodeJS.Timeout | null = null
  private lock: DataLock | null = null
  private readonly wal: Wal
  private readonly stateFile: AtomicJsonFile<StateData>
  private closed = false
  /** A failed write not yet followed by a good one (admins are told once per such spell). */
  private failing = false
  private alertDue = false
  /** Cache files being written (close waits for them). */
  private readonly cacheWrites = new Set<Promise<void>>()

  private constructor(
    readonly dir: string,
    private readonly opts: StoreOptions,
  ) {
    this.stateFile = new AtomicJsonFile(path.join(dir, 'state.json'), stateSchema, STATE_VERSION, opts)
    this.state = new StateDoc(this)
    this.wal = new Wal(path.join(dir, 'journal'), { fsync: opts.fsync !== false, fsImpl: opts.walFs })
  }

  get readOnly(): boolean {
    return this.opts.readOnly === true
  }

  /**
   * Opens the data folder: takes its lock (unless read-only), reads state.json and replays the log.
   * Throws LockError when another process holds the folder, StoreError (never overwriting anything) on a
   * damaged or unknown file.
   */
  static async open<I = unknown>(dir: string, opts: StoreOptions = {}): Promise<Store<I>> {
    const store = new Store<I>(dir, opts)
    if (!opts.readOnly) {
      await fs.mkdir(dir, { recursive: true, mode: DIR_MODE })
      await fs.chmod(dir, DIR_MODE).catch(() => undefined)
      store.lock = await DataLock.acquire(dir)
    }
    try {
      await store.load()
    } catch (e) {
      await store.lock?.release()
      throw e
    }
    return store
  }

  private async load(): Promise<void> {
    if (!this.readOnly) await removeStaleTemps(this.dir)
    this.state.data = (await this.stateFile.read()) ?? emptyState()
    // A read-only reader may race a compaction that deletes a generation it listed: read again.
    for (let attempt = 0; ; attempt++) {
      try {
        const read = await this.wal.read()
        for (const line of read.lines) this.replay(line)
        if (read.torn) {
          this.opts.onNotice?.('torn tail skipped', { file: read.torn.file, line: read.torn.line, bytes: read.torn.bytes })
        }
        if (!this.readOnly) {
          await this.wal.openForAppend(read)
          // What was replayed counts toward the next compaction (size and age), so that crashes in a row
          // never let the log grow past the thresholds: start-up replays at most that much.
          this.wal.carryOver(read.bytes, read.lines.length ? (read.lines[0].record as { at?: number }).at ?? 0 : 0)
        }
        return
      } catch (e) {
        if (!this.readOnly || (e as NodeJS.ErrnoException).code !== 'ENOENT' || attempt >= 3) throw e
        this.pending.clear()
        this.state.data = (await this.stateFile.read()) ?? emptyState()
      }
    }
  }

  /** Applies one log record: state at once, partitions when they load. */
  private replay(line: WalLine): void {
    const parsed = recordSchema.safeParse(line.record)
    if (!parsed.success) {
      const first = parsed.error.issues[0]
      throw new StoreError(zh.store.corruptJournal(line.file, line.line, `${first?.path.join('.')}: ${first?.message}`), line.file)
    }
    const rec = parsed.data
    this.seq = Math.max(this.seq, rec.n)
    this.durableSeq = this.seq
    const wanted = this.readOnly ? this.opts.partitions : undefined
    for (const op of rec.ops) {
      if ('f' in op) {
        if (wanted && !wanted(op.f)) continue
        let list = this.pending.get(op.f)
        if (!list) this.pending.set(op.f, (list = []))
        list.push({ op, where: line })
        this.changedSince.add(op.f)
      } else {
        const bad = this.state.applyOp(op)
        if (bad) throw new StoreError(zh.store.corruptJournal(line.file, line.line, bad), line.file)
        this.stateChanged = true
      }
    }
    if (rec.m) this.state.remember(rec.m)
  }

  // ---- partitions -------------------------------------------------------------------------------------

  roster(studioId: string, year: number): Promise<Partition<RosterData>> {
    return this.partition(`roster/${studioId}/${year}`)
  }

  issues(studioId: string, year: number): Promise<Partition<IssuesData<I>>> {
    return this.partition(`issues/${studioId}/${year}`)
  }

  /** The web side's audit records of one scope (a studio id, or `district`) and year. */
  audit(scope: string, year: number): Promise<Partition<AuditData>> {
    return this.partition(`audit/${scope}/${year}`)
  }

  private partition<T>(key: string): Promise<Partition<T>> {
    let p = this.parts.get(key) as Promise<Partition<T>> | undefined
    if (!p) {
      p = this.loadPartition<T>(key, true)
      p.catch(() => this.parts.delete(key))
      this.parts.set(key, p)
    }
    return p
  }

  private make<T>(key: string): Partition<T> {
    const [kind] = key.split('/')
    const file = path.join(this.dir, `${key}.json`)
    if (kind === 'roster') {
      const adapter = new AtomicJsonFile(file, rosterSchema, ROSTER_VERSION, this.opts)
      return new Partition(key, adapter, { version: ROSTER_VERSION, sessions: [], swaps: [] }, 'file', this) as unknown as Partition<T>
    }
    if (kind === 'audit') {
      const adapter = new AtomicJsonFile(file, auditSchema, AUDIT_VERSION, this.opts)
      return new Partition(key, adapter, { version: AUDIT_VERSION, records: [] }, 'records', this, 'records') as unknown as Partition<T>
    }
    const adapter = new AtomicJsonFile(file, issuesSchema, ISSUES_VERSION, this.opts)
    return new Partition(key, adapter, { version: ISSUES_VERSION, issues: [] }, 'records', this, 'issues') as unknown as Partition<T>
  }

  /** Snapshot, then an old-format journal if one is left (migrated at the next compaction), then the log. */
  private async loadPartition<T>(key: string, keep: boolean): Promise<Partition<T>> {
    const part = this.make<T>(key)
    await part.db.read()
    const base = path.join(this.dir, key)
    const old = await new LegacyJournal(base).replay()
    if (old.length) {
      for (const r of old) part.upsert(r as { id: string })
      if (keep && !this.readOnly) {
        this.legacy.add(key)
        this.changedSince.add(key)
      }
    }
    const pend = this.pending.get(key)
    if (pend) {
      const [kind] = key.split('/')
      const itemSchema = kind === 'roster' ? rosterSchema : kind === 'audit' ? auditItem : issueItem
      const list = kind === 'issues' ? (part.data as IssuesData<{ id: string }>).issues : kind === 'audit' ? (part.data as AuditData).records : undefined
      const at = list ? new Map(list.map((r, i) => [r.id, i])) : undefined
      for (const { op, where } of pend) {
        const value = 'd' in op ? op.d : (op as { put: unknown }).put
        const ok = itemSchema.safeParse(value)
        if (!ok.success) {
          const first = ok.error.issues[0]
          throw new StoreError(zh.store.corruptJournal(where.file, where.line, `${key}: ${first?.path.join('.')}: ${first?.message}`), where.file)
        }
        if ('d' in op) part.db.data = structuredClone(op.d) as T
        else {
          const rec = (op as { put: { id: string } }).put
          const i = at!.get(rec.id)
          if (i === undefined) at!.set(rec.id, list!.push(rec) - 1)
          else list![i] = rec
        }
      }
      // Now in memory, and in changedSince: the next compaction writes its snapshot.
      if (keep) this.pending.delete(key)
    }
    if (part.kind === 'file') part.durable = JSON.stringify(part.data)
    return part
  }

  /**
   * What a partition's snapshot is on disk now, for a cache derived from it (the open issues of older
   * years): its inode, size and modification time. Undefined when that is not the whole of it: the log
   * holds records of it not yet in the snapshot, it changed since the last compaction, or a journal of
   * the store's first format lies beside it.
   */
  async partitionSignature(kind: 'roster' | 'issues', studioId: string, year: number, siblings?: readonly string[]): Promise<string | undefined> {
    const key = `${kind}/${studioId}/${year}`
    if (this.pending.has(key) || this.changedSince.has(key) || this.legacy.has(key)) return undefined
    const folder = path.join(this.dir, kind, studioId)
    try {
      const names = siblings ?? (await fs.readdir(folder))
      if (names.some((n) => n.startsWith(`${year}.log.`))) return undefined
      const st = await fs.stat(path.join(folder, `${year}.json`), { bigint: true })
      return `${st.ino}:${st.size}:${st.mtimeNs}`
    } catch {
      return undefined
    }
  }

  /** The names in a studio's folder of this kind (to sign many of its partitions with one read). */
  async partitionFiles(kind: 'roster' | 'issues', studioId: string): Promise<string[]> {
    try {
      return await fs.readdir(path.join(this.dir, kind, studioId))
    } catch {
      return []
    }
  }

  /**
   * A derived file under `<data>/cache/` (never acknowledged data: rebuilt from the partitions whenever
   * it is missing, stale or damaged). Null when absent or unreadable.
   */
  async readCache(name: string): Promise<unknown> {
    try {
      return JSON.parse(await fs.readFile(path.join(this.dir, 'cache', name), 'utf8'))
    } catch {
      return null
    }
  }

  /** Writes a derived file atomically (not in a read-only open). */
  async writeCache(name: string, body: string): Promise<void> {
    if (this.readOnly || this.closed) return
    const file = new AtomicJsonFile(path.join(this.dir, 'cache', name), cacheSchema, 1, { fsync: false })
    const write = file.writeText(body)
    this.cacheWrites.add(write)
    try {
      await write
    } finally {
      this.cacheWrites.delete(write)
    }
  }

  /** The studio-years that have data of this kind (on disk or in the log; nothing is loaded). */
  async listPartitions(kind: 'roster' | 'issues' | 'audit'): Promise<{ studioId: string; year: number }[]> {
    const keys = new Set<string>()
    const root = path.join(this.dir, kind)
    let studios: string[] = []
    try {
      studios = await fs.readdir(root)
    } catch {
      // none yet
    }
    for (const studioId of studios) {
      let names: string[]
      try {
        names = await fs.readdir(path.join(root, studioId))
      } catch {
        continue // a stray file (README, .DS_Store) beside the studio folders
      }
      for (const name of names) {
        const m = /^(\d{4})\.(json|log\.\d+)$/.exec(name)
        if (m) keys.add(`${kind}/${studioId}/${m[1]}`)
      }
    }
    for (const k of [...this.pending.keys(), ...this.parts.keys()]) if (k.startsWith(`${kind}/`)) keys.add(k)
    return [...keys]
      .map((k) => {
        const [, studioId, year] = k.split('/')
        return { studioId, year: Number(year) }
      })
      .sort((a, b) => a.studioId.localeCompare(b.studioId) || a.year - b.year)
  }

  /** Reads a partition fully without keeping it; throws StoreError if it is damaged (background checks). */
  async verify(kind: 'roster' | 'issues', studioId: string, year: number): Promise<void> {
    const key = `${kind}/${studioId}/${year}`
    if (this.parts.has(key)) {
      await this.parts.get(key)
      return
    }
    await this.loadPartition(key, false)
  }

  /** Reads one issues partition without keeping it (scans of old years, exports). */
  async peekIssues(studioId: string, year: number): Promise<I[]> {
    const key = `issues/${studioId}/${year}`
    const cached = this.parts.get(key)
    if (cached) return ((await cached) as Partition<IssuesData<I>>).data.issues
    const part = await this.loadPartition<IssuesData<I>>(key, false)
    return part.data.issues
  }

  /** Reads one roster partition without keeping it (reports over earlier years). */
  async peekRoster(studioId: string, year: number): Promise<RosterData> {
    const key = `roster/${studioId}/${year}`
    const cached = this.parts.get(key)
    if (cached) return ((await cached) as Partition<RosterData>).data
    const part = await this.loadPartition<RosterData>(key, false)
    return part.data
  }

  // ---- transactions -----------------------------------------------------------------------------------

  /** The transaction the caller runs in, if any. */
  get current(): Tx | undefined {
    const tx = this.als.getStore()
    return tx && tx.open ? tx : undefined
  }

  /**
   * Runs `fn` as one transaction (see the file comment). Calls made inside `fn` join it; `msgId` is the
   * inbound message that caused the change, remembered with it so a replay changes nothing.
   *
   * Group commit: transactions run one at a time, and each one's record is queued for the log as soon as
   * `fn` is done; records queued while a write is on its way go out together in the next write (one
   * fsync). A transaction resolves only once its own record is durable, so no caller is ever told
   * "saved" early. A later transaction may have built on an earlier one still being written; if that
   * write fails, every transaction not yet durable is undone (newest first) and fails with WriteError.
   */
  transaction<R>(fn: (tx: Tx) => Promise<R>, opts: { msgId?: string } = {}): Promise<R> {
    const cur = this.current
    if (cur) {
      if (opts.msgId && !cur.msgId) cur.msgId = opts.msgId
      return fn(cur)
    }
    if (this.readOnly) return Promise.reject(new Error('store opened read-only'))
    let durable: Promise<void> = Promise.resolve()
    const run = this.chain.then(async () => {
      if (this.closed) throw new Error('store closed')
      const tx = new Tx(opts.msgId)
      let result: R
      try {
        result = await this.als.run(tx, () => fn(tx))
      } catch (e) {
        tx.open = false
        this.rollback(tx)
        throw e
      }
      tx.open = false
      durable = this.enqueue(tx)
      return result
    })
    this.chain = run.catch(() => undefined)
    return run.then(async (result) => {
      await durable
      return result
    })
  }

  /** Runs `fn` with no transaction computing and none waiting to be written (compaction's pictures of memory). */
  private exclusive<R>(fn: () => R | Promise<R>): Promise<R> {
    const run = this.chain.then(async () => {
      await this.quiesce()
      return fn()
    })
    this.chain = run.catch(() => undefined)
    return run
  }

  /** Waits until every queued record is written (or, after a failed write, undone). */
  private async quiesce(): Promise<void> {
    while (this.writing) await this.writing
    if (this.poisoned) this.rollbackAll()
  }

  /** Serialises the transaction's record and queues it; resolves once it is durable. */
  private enqueue(tx: Tx): Promise<void> {
    const parts = [...tx.parts].map((part) => ({ part, json: JSON.stringify(part.data) }))
    if (tx.ops.length === 0 && parts.length === 0) {
      for (const fn of tx.after) fn()
      return Promise.resolve()
    }
    const pending: Pending = { tx, parts, line: Buffer.alloc(0), done: () => undefined, fail: () => undefined }
    const promise = new Promise<void>((resolve, reject) => {
      pending.done = resolve
      pending.fail = reject
    })
    this.inflight.push(pending)
    if (this.poisoned) return promise // built on a failed write: undone with it
    if (tx.msgId) pending.prevSeen = this.state.remember(tx.msgId)
    const at = (this.opts.now ?? Date.now)()
    const head = JSON.stringify({ v: RECORD_VERSION, n: ++this.seq, at, ...(tx.msgId ? { m: tx.msgId } : {}) })
    const ops = [...tx.ops.map((op) => JSON.stringify(op)), ...parts.map((p) => `{"f":${JSON.stringify(p.part.key)},"d":${p.json}}`)]
    pending.line = lineOf(`${head.slice(0, -1)},"ops":[${ops.join(',')}]}`)
    pending.at = at
    this.queue.push(pending)
    if (!this.writing) this.writing = this.drain().finally(() => (this.writing = null))
    return promise
  }

  private async drain(): Promise<void> {
    while (this.queue.length && !this.poisoned) {
      const batch = this.queue.splice(0)
      try {
        await this.wal.appendLines(batch.map((p) => p.line), batch[0].at!)
      } catch (e) {
        this.poisoned = e
        this.queue = []
        this.stats.failedWrites++
        if (!this.failing) this.alertDue = true
        this.failing = true
        // Undone between transactions (a transaction may be computing right now).
        this.chain = this.chain.then(() => this.rollbackAll())
        return
      }
      this.failing = false
      for (const p of batch) {
        this.inflight.shift()
        this.durableSeq++
        this.stats.transactions++
        for (const { part, json } of p.parts) {
          part.durable = json
          this.changedSince.add(part.key)
        }
        for (const op of p.tx.ops) if ('f' in op) this.changedSince.add(op.f)
        else this.stateChanged = true
        if (p.tx.msgId) this.stateChanged = true
        for (const fn of p.tx.after) {
          try {
            fn()
          } catch {
            // an after-commit hook never turns a durable change into a failure
          }
        }
        p.done()
      }
      this.maybeCompact((this.opts.now ?? Date.now)())
    }
  }

  /** After a failed write: undoes every transaction not yet durable, newest first, and fails them. */
  private rollbackAll(): void {
    const e = this.poisoned
    if (!e) return
    const failed = this.inflight.splice(0)
    for (let i = failed.length - 1; i >= 0; i--) {
      const p = failed[i]
      if (p.prevSeen) this.state.seen = p.prevSeen
      this.rollback(p.tx)
    }
    this.seq = this.durableSeq
    this.poisoned = null
    for (const p of failed) p.fail(new WriteError(e))
  }

  private rollback(tx: Tx): void {
    for (let i = tx.undo.length - 1; i >= 0; i--) tx.undo[i]()
    for (const part of tx.parts) part.restore()
  }

  /** True once per spell of failed writes (the first caller tells the admins); a good write ends the spell. */
  takeFailureAlert(): boolean {
    const due = this.alertDue
    this.alertDue = false
    return due
  }

  /** Whether the last write failed (/状态, health checks). */
  get failingWrites(): boolean {
    return this.failing
  }

  // PartitionHost
  changed(part: Partition<any>): Promise<void> {
    if (part.kind !== 'file') throw new Error(`${part.key}: records partitions change by put()`)
    this.bump(part.key)
    return this.record((tx) => tx.parts.add(part))
  }

  put(part: Partition<any>, record: { id: string }): Promise<void> {
    this.bump(part.key)
    return this.record((tx) => tx.ops.push({ f: part.key, put: record }))
  }

  private readonly revisions = new Map<string, number>()
  private bump(key: string): void {
    this.revisions.set(key, (this.revisions.get(key) ?? 0) + 1)
  }

  /**
   * How many changes a partition (`issues/<studio>/<year>`, `roster/…`) has had in this process, plus
   * every failed write (which undoes changes): what a cache of figures derived from it is keyed by.
   */
  revision(key: string): string {
    return `${this.revisions.get(key) ?? 0}.${this.stats.failedWrites}`
  }

  /** @internal StateDoc records its ops here. */
  stateOp(op: Op, undo: () => void): Promise<void> {
    return this.record((tx) => {
      tx.ops.push(op)
      tx.onAbort(undo)
    })
  }

  /** Notes a change in the current transaction, or in one of its own (durable when this resolves). */
  private record(note: (tx: Tx) => void): Promise<void> {
    const tx = this.current
    if (tx) {
      note(tx)
      return Promise.resolve()
    }
    return this.transaction(async (t) => void note(t))
  }

  // ---- compaction ------------------------------------------------------------------------------------

  private maybeCompact(now: number): void {
    const bytes = this.opts.compactBytes ?? 8 * 1024 * 1024
    const age = this.opts.compactAgeMs ?? 3600_000
    if (this.wal.bytes >= bytes || (this.wal.firstAt !== undefined && now - this.wal.firstAt >= age)) {
      this.compact().catch((e) => this.opts.onNotice?.('compaction failed', { error: e }))
    }
    if (!this.timer && !this.closed && this.wal.bytes > 0) {
      // Age is checked again later even when no write comes.
      this.timer = setTimeout(() => {
        this.timer = null
        this.maybeCompact((this.opts.now ?? Date.now)())
      }, age)
      this.timer.unref()
    }
  }

  /**
   * Writes the snapshots of everything changed since the last compaction and deletes the log generations
   * they hold. Transactions go on meanwhile (into the new generation). A failed snapshot write keeps the
   * older generations (nothing is lost; the next compaction tries again).
   */
  compact(): Promise<void> {
    if (this.readOnly) return Promise.resolve()
    if (this.compacting) return this.compacting
    this.compacting = (async () => {
      let upTo = 0
      let keys: string[] = []
      let withState = false
      await this.exclusive(async () => {
        upTo = await this.wal.rotate()
        keys = [...this.changedSince]
        withState = this.stateChanged
        this.changedSince = new Set()
        this.stateChanged = false
      })
      try {
        for (const key of keys) {
          const part = await this.partition<unknown>(key)
          const json = await this.exclusive(() => JSON.stringify(part.data))
          await (part.db.adapter as AtomicJsonFile<any>).writeText(json)
          if (this.legacy.delete(key)) await new LegacyJournal(path.join(this.dir, key)).remove()
        }
        if (withState || keys.length) {
          const json = await this.exclusive(() => JSON.stringify(this.state.data))
          await this.stateFile.writeText(json)
        }
        await this.wal.retire(upTo)
        this.stats.compactions++
        this.opts.onNotice?.('compacted', { partitions: keys.length, generation: upTo })
      } catch (e) {
        for (const k of keys) this.changedSince.add(k)
        this.stateChanged ||= withState
        throw e
      }
    })().finally(() => {
      this.compacting = null
    })
    return this.compacting
  }

  /** Lets the transaction in progress finish, compacts, releases the lock (shutdown, tests). */
  async close(opts: { compact?: boolean } = {}): Promise<void> {
    if (this.closed) return
    await this.exclusive(() => undefined).catch(() => undefined)
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    if (!this.readOnly && opts.compact !== false) {
      await this.compacting?.catch(() => undefined)
      await this.compact().catch((e) => this.opts.onNotice?.('compaction failed', { error: e }))
    }
    this.closed = true
    await Promise.allSettled([...this.cacheWrites])
    await this.wal.close()
    await this.lock?.release()
  }

  /** Waits until every queued record is written and a compaction in progress is done (idle, tests). */
  async settle(): Promise<void> {
    await this.exclusive(() => undefined).catch(() => undefined)
    await this.compacting?.catch(() => undefined)
    await Promise.allSettled([...this.cacheWrites])
  }

  /** Bytes in the log's current generation (benchmark, /状态). */
  get journalBytes(): number {
    return this.wal.bytes
  }
}

type StateList = 'outbox' | 'bindCodes'
const keyOf: Record<StateList, (x: any) => string> = { outbox: (i: OutboxItem) => i.id, bindCodes: (c: BindCodeEntry) => c.code }
const without = (name: StateList, list: unknown[], keys: string[]): unknown[] => {
  if (keys.length === 0) return list
  const gone = new Set(keys)
  return list.filter((x) => !gone.has(keyOf[name](x)))
}

/**
 * state.json's content in memory, changed only through these methods (each one log op, undone if its
 * transaction fails). Reading: `data`.
 */
export class StateDoc {
  data: StateData = emptyState()
  constructor(private readonly store: Store<any>) {}

  set seen(v: string[]) {
    this.data.seen = v
  }

  private mapOf(name: StateMap): Record<string, unknown> {
    return name === 'contacts' ? this.data.bindings.contacts : name === 'rooms' ? this.data.bindings.rooms : this.data[name]
  }

  /** Sets (or, with undefined, deletes) one entry of a state map. */
  set(name: 'markers' | 'counters', key: string, value: number | undefined): Promise<void>
  set(name: 'contacts', key: string, value: ContactBinding | undefined): Promise<void>
  set(name: 'rooms', key: string, value: string | undefined): Promise<void>
  set(name: 'webTokens', key: string, value: WebToken | undefined): Promise<void>
  set(name: StateMap, key: string, value: unknown): Promise<void> {
    const map = this.mapOf(name)
    const had = Object.prototype.hasOwnProperty.call(map, key)
    const before = map[key]
    if (value === undefined) delete map[key]
    else map[key] = value
    return this.store.stateOp(value === undefined ? { s: name, k: key } : { s: name, k: key, v: value }, () => {
      if (had) map[key] = before
      else delete map[key]
    })
  }

  addOutbox(items: OutboxItem[]): Promise<void> {
    return this.addTo('outbox', items)
  }

  removeOutbox(ids: string[]): Promise<void> {
    return this.removeFrom('outbox', ids)
  }

  addBindCode(entry: BindCodeEntry): Promise<void> {
    return this.addTo('bindCodes', [entry])
  }

  removeBindCodes(codes: string[]): Promise<void> {
    return this.removeFrom('bindCodes', codes)
  }

  /** The two keyed lists of the state (outbox items by id, bind codes by code). */
  private addTo(name: StateList, items: unknown[]): Promise<void> {
    const before = this.data[name] as unknown[]
    this.setList(name, [...before, ...items])
    return this.store.stateOp({ s: name, add: items } as Op, () => this.setList(name, before))
  }

  private removeFrom(name: StateList, keys: string[]): Promise<void> {
    if (keys.length === 0) return Promise.resolve()
    const before = this.data[name] as unknown[]
    this.setList(name, without(name, before, keys))
    return this.store.stateOp({ s: name, del: keys } as Op, () => this.setList(name, before))
  }

  private setList(name: StateList, list: unknown[]): void {
    ;(this.data as unknown as Record<StateList, unknown[]>)[name] = list
  }

  /** Adds a message id to the ring; returns the ring as it was (to undo). */
  remember(id: string): string[] {
    const before = this.data.seen
    const next = before.length >= SEEN_RING ? before.slice(before.length - SEEN_RING + 1) : before.slice()
    next.push(id)
    this.data.seen = next
    return before
  }

  /** Applies an op read from the log; a description of what is wrong, or undefined. */
  applyOp(op: Op): string | undefined {
    if (!('s' in op)) return 'not a state op'
    if (op.s === 'outbox' || op.s === 'bindCodes') {
      const list = this.data[op.s] as unknown[]
      this.setList(op.s, without(op.s, op.add ? [...list, ...op.add] : list, op.del ?? []))
      return undefined
    }
    const map = this.mapOf(op.s)
    if (!('v' in op) || op.v === undefined) {
      delete map[op.k]
      return undefined
    }
    const ok = stateValue[op.s].safeParse(op.v)
    if (!ok.success) return `${op.s}.${op.k}: ${ok.error.issues[0]?.message}`
    map[op.k] = op.v
    return undefined
  }
}
