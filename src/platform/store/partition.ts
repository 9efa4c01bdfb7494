/**
 * One lowdb file of the store, with group commit: mutations apply to memory at once, and every caller of
 * `commit()` waits for a write that started after its mutation. While one write is on its way, further
 * mutations pile up and go out together in the next write, so a burst of 1,000 registrations costs a
 * handful of writes, not 1,000, and no caller is told "saved" before its change is on disk.
 */
import { Low } from 'lowdb'
import type { Adapter } from 'lowdb'

export class Partition<T> {
  readonly db: Low<T>
  /** The last write queued; writes to one file never overlap, so an older snapshot never lands last. */
  private chain: Promise<void> = Promise.resolve()
  /** A queued write that has not started serialising yet. */
  private waiting: Promise<void> | null = null

  constructor(adapter: Adapter<T>, defaultData: T) {
    this.db = new Low<T>(adapter, defaultData)
  }

  get data(): T {
    return this.db.data
  }

  async load(): Promise<void> {
    await this.db.read()
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
      .then(() => {
        this.waiting = null
        return this.db.write()
      })
    this.waiting = next
    this.chain = next
    return next
  }

}
