/**
 * The issues service: every constituent's issue (群众反映的问题), on the store's partitions
 * `issues/<studio>/<year>` (one per studio and registration year). A registration or a step is one
 * record in the store's transaction (an upsert of that issue), never a rewrite of history.
 *
 * What is in memory, and why (issue #8: start-up ≤ 2 s and ≤ 300 MB with 200,000 issues stored):
 * - the partitions of the current year, loaded before start-up completes: every new registration goes
 *   there (sequences), and they hold most of what is live;
 * - the previous year and all older ones are scanned once, in the background right after start-up,
 *   newest year first, one file at a time, and only their still-open issues (and the message ids of
 *   recent steps) are kept. Measured on the benchmark's ten years of a city (200,000 issues, 278 MB of
 *   JSON): loading the previous year fully as well doubled the time to ready (≈0.5 → ≈1.1 s) and kept
 *   ≈60 MB more heap, for closed issues that are rarely asked about. A command about an issue of an
 *   earlier year reads or loads that one studio-year file on demand (the id names studio and year, so no
 *   global index of old ids is needed);
 * - indexes: id → place, open issues (by id), ids per registrar, highest sequence per partition.
 *
 * Sequences: the next id of a studio-year is the highest sequence in that partition + 1, allocated
 * synchronously in memory, so concurrent registrations never collide; an id is only ever told to anyone
 * after its record is on disk, so after a kill -9 no acknowledged id is reused.
 *
 * Every change is part of a store transaction (the command's, or one of its own) and resolves once that
 * is durable: the caller replies afterwards. A refused step writes nothing; a failed write undoes the
 * change in memory (the number is given back).
 */
import type { Store, IssuesData, Tx } from '../platform/store/store.js'
import type { Partition } from '../platform/store/partition.js'
import type { Logger } from '../platform/logger.js'
import type { Intake, Issue, IssueEvent } from '../domain/issues/issue.js'
import { parseIssueId } from '../domain/issues/issue.js'
import {
  applyIssueAction,
  createIssue,
  type CreateIssueCode,
  type CreateIssueMeta,
  type IssueAction,
  type IssueCode,
  type IssueContext,
} from '../domain/issues/issue-machine.js'
import { err, ok, type Result } from '../domain/result.js'
import { toLocalDate, yearOf } from '../domain/time/local-date.js'

/** Statuses in which something is still to be done (the rest are final). */
const OPEN_STATUSES: ReadonlySet<Issue['status']> = new Set(['registered', 'transferred', 'answered', 'rated'])
export const isOpen = (issue: Issue): boolean => OPEN_STATUSES.has(issue.status)

/** The open issues of older years, by partition, with the signature of the snapshot they came from. */
const OPEN_CACHE = 'open-issues.json'

/** Partitions read at once while loading (file handles, memory). */
const LOAD_CONCURRENCY = 16

type Parts = Partition<IssuesData<Issue>>

interface Loaded {
  part: Parts
  studioId: string
  year: number
  maxSeq: number
}

interface Place {
  loaded: Loaded
  index: number
}

export type ApplyCode = IssueCode | 'not_found'

export interface IssueRepoOptions {
  /** Instant of start-up (epoch ms): decides the current year and which message ids are recent. */
  now: number
  log: Logger
  /** The studio whose issue numbers start with this prefix. */
  studioOfPrefix: (prefix: string) => string | undefined
  /** An earlier year's file found damaged by the background scan (the app stops, naming it). */
  onDamage?: (e: unknown) => void
}

export class IssueRepo {
  private loaded = new Map<string, Promise<Loaded>>()
  private places = new Map<string, Place>()
  /** Open issues, loaded partitions and old ones alike (the same objects as in the partitions). */
  private openById = new Map<string, Issue>()
  /** The same open issues, per studio (/待办, reminders). */
  private openByStudio = new Map<string, Map<string, Issue>>()
  private byRegistrar = new Map<string, Set<string>>()
  private scanDone: Promise<void> = Promise.resolve()
  /** The older partitions taken from the cache, read again (for damage) and the cache rewritten. */
  private verifyDone: Promise<void> = Promise.resolve()

  private constructor(
    private readonly store: Store<any>,
    private readonly o: IssueRepoOptions,
  ) {}

  /**
   * Loads the current year's partitions (and any later one, if the clock was ever ahead), then starts
   * the background scan of earlier years for open issues.
   */
  static async open(store: Store<any>, o: IssueRepoOptions): Promise<IssueRepo> {
    const repo = new IssueRepo(store, o)
    const year = yearOf(toLocalDate(o.now))
    const all = await store.listPartitions('issues')
    const recent = all.filter((p) => p.year >= year)
    await inBatches(recent, LOAD_CONCURRENCY, (p) => repo.partition(p.studioId, p.year))
    // Newest first: last year's open issues (and recent message ids) are the ones most likely asked for.
    const old = all.filter((p) => p.year < year).sort((a, b) => b.year - a.year || a.studioId.localeCompare(b.studioId))
    repo.scanDone = repo.scan(old)
    o.log.info('issues loaded', { partitions: recent.length, issues: repo.places.size, olderPartitions: old.length })
    return repo
  }

  /** Resolves once the open issues of older years are known (from the cache or their files). */
  get scanned(): Promise<void> {
    return this.scanDone
  }

  /** Resolves once every older partition has been read (damage found) and the cache written. */
  get verified(): Promise<void> {
    return this.scanDone.then(() => this.verifyDone)
  }

  /** The issue with this id (`HP-2026-0042`), wherever it is stored. */
  async get(id: string): Promise<Issue | undefined> {
    const hit = this.peek(id)
    if (hit) return hit
    const where = this.locate(id)
    if (!where) return undefined
    const key = `${where.studioId}/${where.year}`
    if (this.loaded.has(key)) {
      await this.loaded.get(key)
      return this.peek(id)
    }
    // An old year nobody touched since start-up: read it without keeping it.
    const issues = (await this.store.peekIssues(where.studioId, where.year)) as Issue[]
    return issues.find((i) => i.id === id)
  }

  /** Registers an issue: allocates the next id of the studio-year and resolves once it is on disk. */
  async register(
    studio: { id: string; prefix: string },
    intake: Intake,
    meta: Omit<CreateIssueMeta, 'studioId' | 'prefix' | 'seq'>,
  ): Promise<Result<Issue, CreateIssueCode>> {
    const loaded = await this.partition(studio.id, yearOf(meta.today))
    return this.store.transaction(async (tx) => {
      // Inside the transaction (one at a time) and with nothing awaited before the push: the sequence
      // cannot be taken twice.
      const made = createIssue(intake, { ...meta, studioId: studio.id, prefix: studio.prefix, seq: loaded.maxSeq + 1 })
      if (!made.ok) return made
      const issue = made.value
      loaded.maxSeq = issue.seq
      loaded.part.data.issues.push(issue)
      this.index(loaded, loaded.part.data.issues.length - 1)
      // Not durable, so not registered: the number goes back, and the issue never appears later.
      tx.onAbort(() => this.forget(loaded, issue))
      await loaded.part.put(issue)
      return ok(issue)
    })
  }

  /**
   * One step of the lifecycle (issue-machine.ts decides what is allowed). `eventExtra` is merged into
   * the step's history entry (e.g. the reason a coordinator gave for a late correction). Resolves once
   * the change is on disk; a refusal writes nothing.
   */
  async apply(id: string, action: IssueAction, ctx: IssueContext, eventExtra?: Record<string, string>): Promise<Result<Issue, ApplyCode>> {
    const where = this.locate(id)
    if (!where) return err('not_found')
    const loaded = await this.partition(where.studioId, where.year)
    return this.store.transaction(async (tx) => this.step(loaded, id, action, ctx, eventExtra, tx))
  }

  private async step(loaded: Loaded, id: string, action: IssueAction, ctx: IssueContext, eventExtra: Record<string, string> | undefined, tx: Tx): Promise<Result<Issue, ApplyCode>> {
    const place = this.places.get(id)
    if (!place) return err('not_found')
    const current = loaded.part.data.issues[place.index]
    const step = applyIssueAction(current, action, ctx)
    if (!step.ok) return step
    let next = step.value
    if (eventExtra && Object.keys(eventExtra).length > 0) {
      const history = next.history.slice()
      history[history.length - 1] = { ...history[history.length - 1], ...eventExtra } as IssueEvent
      next = { ...next, history }
    }
    const updated = next
    const issues = loaded.part.data.issues
    issues[place.index] = updated
    this.index(loaded, place.index)
    // Not durable: the issue goes back to what it was.
    tx.onAbort(() => {
      if (issues[place.index] !== updated) return
      issues[place.index] = current
      this.index(loaded, place.index)
    })
    await loaded.part.put(updated)
    return ok(updated)
  }

  /** Every open issue (of one studio, or all), once the older years have been scanned. */
  async openIssues(studioId?: string): Promise<Issue[]> {
    await this.scanDone
    const out: Issue[] = []
    const source = studioId === undefined ? this.openById : this.openByStudio.get(studioId)
    for (const issue of source?.values() ?? []) out.push(issue)
    return out
  }

  /** The issues of a studio registered on one date (withdrawn ones included: the caller decides). */
  async registeredOn(studioId: string, date: string): Promise<Issue[]> {
    const loaded = await this.partition(studioId, yearOf(date))
    return loaded.part.data.issues.filter((i) => i.date === date)
  }

  /** What a person registered: this year, and earlier years' still open. Newest first. */
  async registeredBy(personId: string): Promise<Issue[]> {
    await this.scanDone
    const out: Issue[] = []
    for (const id of this.byRegistrar.get(personId) ?? []) {
      const issue = this.peek(id)
      if (issue) out.push(issue)
    }
    return out.sort((a, b) => b.createdAt - a.createdAt || b.seq - a.seq)
  }

  // ---- internals ------------------------------------------------------------------------------------

  private peek(id: string): Issue | undefined {
    const place = this.places.get(id)
    if (place) return place.loaded.part.data.issues[place.index]
    return this.openById.get(id)
  }

  private locate(id: string): { studioId: string; year: number } | undefined {
    const place = this.places.get(id)
    if (place) return { studioId: place.loaded.studioId, year: place.loaded.year }
    const open = this.openById.get(id)
    if (open) return { studioId: open.studioId, year: open.year }
    const parsed = parseIssueId(id)
    const studioId = parsed && this.o.studioOfPrefix(parsed.prefix)
    return parsed && studioId ? { studioId, year: parsed.year } : undefined
  }

  /** The partition of a studio-year, loaded and indexed once. */
  private partition(studioId: string, year: number): Promise<Loaded> {
    const key = `${studioId}/${year}`
    let p = this.loaded.get(key)
    if (!p) {
      p = this.store.issues(studioId, year).then((part) => {
        const loaded: Loaded = { part: part as unknown as Parts, studioId, year, maxSeq: 0 }
        const issues = loaded.part.data.issues
        for (let i = 0; i < issues.length; i++) {
          if (issues[i].seq > loaded.maxSeq) loaded.maxSeq = issues[i].seq
          this.index(loaded, i)
        }
        return loaded
      })
      p.catch(() => this.loaded.delete(key))
      this.loaded.set(key, p)
    }
    return p
  }

  private index(loaded: Loaded, index: number): void {
    const issue = loaded.part.data.issues[index]
    this.places.set(issue.id, { loaded, index })
    this.setOpen(issue)
    this.addRegistrar(issue)
  }

  /** Files the issue under the open indexes, or takes it out of them once it is closed. */
  private setOpen(issue: Issue): void {
    let ofStudio = this.openByStudio.get(issue.studioId)
    if (!ofStudio) this.openByStudio.set(issue.studioId, (ofStudio = new Map()))
    if (isOpen(issue)) {
      this.openById.set(issue.id, issue)
      ofStudio.set(issue.id, issue)
    } else {
      this.openById.delete(issue.id)
      ofStudio.delete(issue.id)
    }
  }

  /** Takes back a registration whose write failed: out of the partition and every index. */
  private forget(loaded: Loaded, issue: Issue): void {
    const issues = loaded.part.data.issues
    const at = issues.indexOf(issue)
    if (at < 0) return
    issues.splice(at, 1)
    this.places.delete(issue.id)
    this.unindex(issue)
    for (let i = at; i < issues.length; i++) this.places.set(issues[i].id, { loaded, index: i })
    loaded.maxSeq = issues.reduce((m, x) => Math.max(m, x.seq), 0)
  }

  private addRegistrar(issue: Issue): void {
    let ids = this.byRegistrar.get(issue.registrar)
    if (!ids) this.byRegistrar.set(issue.registrar, (ids = new Set()))
    ids.add(issue.id)
  }

  /**
   * Older partitions: keep their open issues, drop the rest. The open issues of each older partition are
   * also kept in a cache file (cache/open-issues.json) beside the snapshot's signature: a partition whose
   * snapshot has not changed since is taken from there at once, so /待办 is right as soon as the bot is
   * ready; only changed ones are read before the open issues count as known. The unchanged ones are read
   * afterwards all the same (damage is found as before) and the cache is written anew.
   */
  private async scan(parts: { studioId: string; year: number }[]): Promise<void> {
    const cached = await this.readOpenCache()
    const files = new Map<string, string[]>()
    const sigs = new Map<string, string | undefined>()
    // One folder listing per studio, then every snapshot's stat, all at once (2,070 one after another took ~0.8 s).
    await Promise.all([...new Set(parts.map((p) => p.studioId))].map(async (id) => files.set(id, await this.store.partitionFiles('issues', id))))
    await Promise.all(parts.map(async (p) => sigs.set(`${p.studioId}/${p.year}`, await this.store.partitionSignature('issues', p.studioId, p.year, files.get(p.studioId)))))
    const hits: { studioId: string; year: number }[] = []
    const misses: { studioId: string; year: number }[] = []
    for (const p of parts) {
      const key = `${p.studioId}/${p.year}`
      const entry = cached.get(key)
      const sig = sigs.get(key)
      if (entry && sig !== undefined && entry.sig === sig) {
        hits.push(p)
        for (const issue of entry.open) this.keepOpenOld(issue)
      } else misses.push(p)
    }
    const fresh = new Map<string, { sig: string; open: Issue[] }>()
    const read = async (p: { studioId: string; year: number }): Promise<boolean> => {
      const key = `${p.studioId}/${p.year}`
      // Let messages in between files: the scan must not hold up replies.
      await new Promise<void>((r) => setImmediate(r))
      if (this.loaded.has(key)) return true
      try {
        const issues = (await this.store.peekIssues(p.studioId, p.year)) as Issue[]
        if (this.loaded.has(key)) return true
        const open = issues.filter(isOpen)
        const before = cached.get(key)?.open
        if (before) for (const issue of before) if (!this.places.has(issue.id) && !open.some((o) => o.id === issue.id)) this.unindex(issue)
        for (const issue of open) this.keepOpenOld(issue)
        const sig = sigs.get(key)
        if (sig !== undefined) fresh.set(key, { sig, open })
        return true
      } catch (e) {
        // Damaged data is never dropped silently: the bot stops, naming the file (README 数据布局).
        this.o.log.error('could not scan an issues partition for open issues', { studioId: p.studioId, year: p.year, error: e })
        this.o.onDamage?.(e)
        return false
      }
    }
    for (const p of misses) if (!(await read(p))) return
    this.o.log.info('open issues of older years known', { fromCache: hits.length, read: misses.length })
    // The open issues are known: /待办 and the reminders may go on. The unchanged files are read next.
    this.verifyDone = (async () => {
      for (const p of hits) if (!(await read(p))) return
      if (misses.length === 0 && fresh.size === cached.size) return
      await this.writeOpenCache(fresh).catch((e) => this.o.log.warn('could not write the cache of open issues', { error: e }))
    })()
  }

  /** An older year's open issue, as read from its file or the cache (unless its partition is loaded). */
  private keepOpenOld(issue: Issue): void {
    if (this.places.has(issue.id)) return
    this.setOpen(issue)
    this.addRegistrar(issue)
  }

  /** Out of the open and registrar indexes (a registration taken back, or an older issue no longer open). */
  private unindex(issue: Issue): void {
    this.openById.delete(issue.id)
    this.openByStudio.get(issue.studioId)?.delete(issue.id)
    this.byRegistrar.get(issue.registrar)?.delete(issue.id)
  }

  private async readOpenCache(): Promise<Map<string, { sig: string; open: Issue[] }>> {
    const out = new Map<string, { sig: string; open: Issue[] }>()
    const raw = (await this.store.readCache(OPEN_CACHE)) as { version?: unknown; entries?: unknown } | null
    if (!raw || raw.version !== 1 || typeof raw.entries !== 'object' || raw.entries === null) return out
    for (const [key, v] of Object.entries(raw.entries as Record<string, { sig?: unknown; open?: unknown }>)) {
      if (typeof v?.sig !== 'string' || !Array.isArray(v.open)) continue
      const open = v.open.filter((i): i is Issue => typeof i === 'object' && i !== null && typeof (i as Issue).id === 'string' && Array.isArray((i as Issue).history) && isOpen(i as Issue))
      if (open.length === v.open.length) out.set(key, { sig: v.sig, open })
    }
    return out
  }

  private async writeOpenCache(entries: Map<string, { sig: string; open: Issue[] }>): Promise<void> {
    await this.store.writeCache(OPEN_CACHE, JSON.stringify({ version: 1, entries: Object.fromEntries(entries) }))
  }
}

async function inBatches<T>(items: T[], size: number, fn: (item: T) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(fn))
}
