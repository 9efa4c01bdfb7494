/**
 * Inbound messages are handled once. Gateways fire one message event twice and replay recent history
 * after a restart; a message id seen before is ignored.
 *
 * Two memories: every id seen by this process, in a bounded set (the newest MEMORY ids); and the durable
 * ring in state.json (`seen`), to which a message that changed data adds its id in the same transaction
 * as the change (Store.transaction's `msgId`). Ordinary chat and read-only commands write nothing; after
 * a restart a replayed read-only command may be answered again, never a change made twice.
 */
import type { Store } from '../platform/store/store.js'

/** Ids this process remembers in memory (about 100 bytes each). */
export const MEMORY = 20_000

export class SeenMessages {
  private ids = new Set<string>()
  /** Starts from the durable ring (the ids of the last data-changing messages). */
  constructor(store: Store<unknown>) {
    for (const id of store.state.data.seen) this.ids.add(id)
  }
  has(id: string): boolean {
    return this.ids.has(id)
  }
  /** Marks an id handled in memory (the oldest is forgotten beyond MEMORY). */
  mark(id: string): void {
    this.ids.add(id)
    if (this.ids.size > MEMORY) this.ids.delete(this.ids.values().next().value as string)
  }
  get size(): number {
    return this.ids.size
  }
}
