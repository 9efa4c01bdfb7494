/**
 * Inbound messages are handled once. Gateways fire one message event twice and replay recent history
 * after a restart; a message id seen before is ignored. Ids are kept in memory and in state.json (a ring
 * of the most recent ones); commands that change data also keep the id in the record they write, and
 * the features feed those back in at start-up, so even an id whose ring write was lost to a kill -9 is
 * still recognised.
 */
import type { Store } from '../platform/store/store.js'

export const SEEN_RING = 5000

export class SeenMessages {
  private ids = new Set<string>()
  constructor(private readonly store: Store<unknown>) {
    for (const id of store.state.data.seen) this.ids.add(id)
  }
  has(id: string): boolean {
    return this.ids.has(id)
  }
  /** Ids harvested from stored records (issue histories, duty changes, swap answers). */
  addKnown(ids: Iterable<string>): void {
    for (const id of ids) this.ids.add(id)
  }
  /** Marks an id handled; the ring reaches disk with this or the next write of state.json. */
  mark(id: string): Promise<void> {
    this.ids.add(id)
    const seen = this.store.state.data.seen
    seen.push(id)
    if (seen.length > SEEN_RING) seen.splice(0, seen.length - SEEN_RING)
    return this.store.state.commit()
  }
}
