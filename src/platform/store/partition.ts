/**
 * One lowdb snapshot file of the store (a roster or issues studio-year), held in memory. It is never
 * written on its own: a change is made durable by the store's transaction (one line of the data
 * folder's write-ahead log) and reaches the snapshot file at the next compaction.
 *
 * Two ways to say what changed, both inside `store.transaction` (or as a transaction of their own):
 * - `commit()`: the whole partition (roster files, a few kilobytes a studio-year); a failed transaction
 *   puts the partition back as it was at its last durable state;
 * - `put(record)`: one record of the collection (issues), upserted by id; the caller undoes its own
 *   in-memory change with `onAbort` (the issue repository keeps indexes over the records).
 */
import { Low } from 'lowdb'
import type { Adapter } from 'lowdb'

export interface PartitionHost {
  /** Marks the whole partition changed in the current transaction (one of its own when there is none). */
  changed(part: Partition<any>): Promise<void>
  /** Records one upserted record in the current transaction (one of its own when there is none). */
  put(part: Partition<any>, record: { id: string }): Promise<void>
  transaction<R>(fn: () => Promise<R>): Promise<R>
}

export type PartitionKind = 'file' | 'records'

export class Partition<T> {
  readonly db: Low<T>
  /** JSON of the partition's last durable content (`file` partitions): what a failed transaction restores. */
  durable = ''

  constructor(
    /** `roster/<studio>/<year>` or `issues/<studio>/<year>`: the name in log records. */
    readonly key: string,
    adapter: Adapter<T>,
    defaultData: T,
    readonly kind: PartitionKind,
    private readonly host: PartitionHost,
    /** Name of the array that `put` records upsert into. */
    readonly collection?: string,
  ) {
    this.db = new Low<T>(adapter, defaultData)
  }

  get data(): T {
    return this.db.data
  }

  /** The whole partition changed; resolves once durable (or, inside a transaction, once that commits). */
  commit(): Promise<void> {
    return this.host.changed(this)
  }

  /** Applies `fn` to the data and makes the whole partition's change durable. */
  mutate<R>(fn: (data: T) => R): Promise<R> {
    return this.host.transaction(async () => {
      const r = fn(this.db.data)
      await this.host.changed(this)
      return r
    })
  }

  /** One record upserted (already changed in memory by the caller); resolves once durable. */
  put(record: { id: string }): Promise<void> {
    return this.host.put(this, record)
  }

  /** Applies a record from the log: upsert by id into the collection. */
  upsert(record: { id: string }): void {
    const list = (this.db.data as Record<string, { id: string }[]>)[this.collection!]
    const at = list.findIndex((r) => r.id === record.id)
    if (at < 0) list.push(record)
    else list[at] = record
  }

  /** Puts the partition back to its last durable content (a failed transaction). */
  restore(): void {
    if (this.durable) this.db.data = JSON.parse(this.durable) as T
  }
}
