/**
 * One lowdb file of the store, with group commit: mutations apply to memory at once, and every caller of
 * `commit()` waits for a write that started after its mutation. While one write is on its way, further
 * mutations pile up and go out together in the next write, so a burst of 1,000 registrations costs a
 * handful of writes, not 1,000, and no caller is told "saved" before its change is on disk.
 */
import { Low } from 'lowdb'
import type { Adapter } from 'lowdb'
import type { Journal } from './journal.js'

/**
 * A partition whose records are also journaled: `mutateItem` appends the changed record (cost ∝ the
 * record) instead of rewriting the file; the snapshot is rewritten every `compactEvery` records, in the
 * background, and by any whole-file `commit()`.
 */
export interface JournalSpec {
  journal: Journal
  /** The array of records, keyed by `id`, that journal lines upsert into. */
  collection: string
  compactEvery: number
}

export class Partition<T> {
  readonly db: Low<T>
  /** The last write queued; writes to one file never overlap, so an older snapshot never lands last. */
  private chain: Promise<void> = Promise.resolve()
  /** A queued write that has not started serialising yet. */
  private waiting: Promise<void> | null = null
  private compacting: Promise<void> | null = null

  constructor(adapter: Adapter<T>, defaultData: T, private readonly spec?: JournalSpec) {
    this.db = new Low<T>(adapter, defaultData)
  }

  get data(): T {
    return this.db.data
  }

  async load(): Promise<void> {
    await this.db.read()
    if (!this.spec) return
    const records = (await this.spec.journal.replay()) as { id: string }[]
    if (!records.length) return
    const list = (this.db.data as Record<string, { id: string }[]>)[this.spec.collection]
    const at = new Map(list.map((r, i) => [r.id, i]))
    for (const r of records) {
      const i = at.get(r.id)
      if (i === undefined) at.set(r.id, list.push(r) - 1)
      else list[i] = r
    }
  }

  /**
   * Apply `fn` (which returns the one record it added or changed) and resolve once that record is on
   * disk: a journal append where the partition has a journal, a whole-file write otherwise.
   */
  async mutateItem<R extends { id: string }>(fn: (data: T) => R): Promise<R> {
    const item = fn(this.db.data)
    if (!this.spec) {
      await this.commit()
      return item
    }
    await this.spec.journal.append([item])
    if (this.spec.journal.appended >= this.spec.compactEvery && !this.compacting) {
      this.compacting = this.commit()
        .catch(() => undefined) // the journal still holds everything; the next append tries again
        .finally(() => (this.compacting = null))
    }
    return item
  }

  /** Apply `fn` to the data in memory and resolve once it is on disk. */
  async mutate<R>(fn: (data: T) => R): Promise<R> {
    const result = fn(this.db.data)
    await this.commit()
    return result
  }

  /** Resolve when everything mutated so far is on disk. */
  commit(): Promise<void> {
    // A write that has not started yet will serialise the data after this mutation: join it.
    if (this.waiting) return this.waiting
    const next = this.chain
      .catch(() => undefined)
      .then(async () => {
        // With a journal: new appends go to a fresh generation before the snapshot is serialised, and
        // the older generations (all inside the snapshot) are deleted once it is on disk.
        const retire = this.spec ? await this.spec.journal.rotate() : undefined
        this.waiting = null
        await this.db.write()
        await retire?.()
      })
    this.waiting = next
    this.chain = next
    return next
  }

  /** Waits for a background compaction (tests, shutdown). */
  async settle(): Promise<void> {
    await this.compacting
    await this.chain.catch(() => undefined)
  }

  /** Lets pending writes land and closes the journal's file. */
  async close(): Promise<void> {
    await this.settle()
    await this.spec?.journal.close()
  }
}
