/**
 * The append-only side of a partition: an acknowledged change to one record appends that record as one
 * JSON line and fsyncs it (cost ∝ the record, not the file), while the lowdb snapshot beside it is
 * rewritten only now and then (compaction). Files: `<name>.log.<generation>` beside `<name>.json`.
 *
 * Generations make compaction safe under concurrent appends: a snapshot first *rotates* to a new
 * generation (later appends go there), writes the snapshot, and only then deletes the older generations,
 * whose records the snapshot holds. Loading replays every remaining generation over the snapshot, in
 * order, upserting by `id`; a torn last line of a generation (a kill -9 during an append, never
 * acknowledged) is skipped.
 */
import { promises as fs } from 'node:fs'
import path from 'node:path'
import { StoreError, syncDir } from './atomic-json-file.js'
import { zh } from '../../text/zh-CN.js'

export interface JournalOptions {
  fsync: boolean
}

export class Journal {
  private gen = 1
  /** The generation whose file this process created (its name still to be made durable otherwise). */
  private createdGen = 0
  private pending: string[] = []
  private waiting: Promise<void> | null = null
  private chain: Promise<void> = Promise.resolve()
  /** Lines appended since the last snapshot. */
  appended = 0

  constructor(readonly base: string, private readonly opts: JournalOptions) {}

  private fileOf(gen: number): string {
    return `${this.base}.log.${gen}`
  }

  /** Generations on disk, oldest first. */
  async generations(): Promise<number[]> {
    const dir = path.dirname(this.base)
    const prefix = `${path.basename(this.base)}.log.`
    let names: string[]
    try {
      names = await fs.readdir(dir)
    } catch {
      return []
    }
    return names
      .filter((n) => n.startsWith(prefix) && /^\d+$/.test(n.slice(prefix.length)))
      .map((n) => Number(n.slice(prefix.length)))
      .sort((a, b) => a - b)
  }

  /** Every record on disk, oldest first; afterwards appends go to a fresh generation. */
  async replay(): Promise<unknown[]> {
    const out: unknown[] = []
    const gens = await this.generations()
    for (const g of gens) {
      const text = await fs.readFile(this.fileOf(g), 'utf8')
      const lines = text.split('\n')
      for (let i = 0; i < lines.length; i++) {
        const line = lines[i]
        if (!line) continue
        try {
          out.push(JSON.parse(line))
        } catch (e) {
          // Only the very end of a generation may be torn: an append cut by the crash that ended the
          // process writing it (a restart always starts a new generation).
          const isTail = lines.slice(i + 1).every((l) => l === '')
          if (!isTail) throw new StoreError(zh.store.corruptJournal(this.fileOf(g), i + 1, (e as Error).message), this.fileOf(g))
        }
      }
    }
    this.gen = (gens[gens.length - 1] ?? 0) + 1
    this.appended = out.length
    return out
  }

  /** Appends records; resolves once they are on disk. Concurrent appends share one write and fsync. */
  append(records: unknown[]): Promise<void> {
    for (const r of records) this.pending.push(JSON.stringify(r) + '\n')
    this.appended += records.length
    if (this.waiting) return this.waiting
    const next = this.chain
      .catch(() => undefined)
      .then(async () => {
        this.waiting = null
        const body = this.pending.join('')
        this.pending = []
        await this.write(body)
      })
    this.waiting = next
    this.chain = next
    return next
  }

  /** One append: open, write, fsync, close (no handle stays open between writes). */
  private async write(body: string): Promise<void> {
    const file = this.fileOf(this.gen)
    const fresh = this.createdGen !== this.gen
    if (fresh) await fs.mkdir(path.dirname(file), { recursive: true })
    const h = await fs.open(file, 'a')
    try {
      await h.appendFile(body, 'utf8')
      if (this.opts.fsync) await h.sync()
    } finally {
      await h.close()
    }
    if (fresh) {
      if (this.opts.fsync) await syncDir(path.dirname(file)) // the new file's name is durable too
      this.createdGen = this.gen
    }
  }

  /**
   * Starts a new generation and returns a function that deletes the older ones; call it once a snapshot
   * holding everything appended so far is on disk.
   */
  async rotate(): Promise<() => Promise<void>> {
    // Appends already queued belong to the old generation: let them land first.
    await this.chain.catch(() => undefined)
    const old = this.gen
    this.gen = old + 1
    this.appended = 0
    return async () => {
      for (const g of await this.generations()) if (g <= old) await fs.rm(this.fileOf(g), { force: true })
    }
  }

  /** Lets queued appends land. */
  async close(): Promise<void> {
    await this.chain.catch(() => undefined)
  }
}
