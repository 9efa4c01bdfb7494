/**
 * Scheduled posts are exactly-once: the marker ("this announcement was made") and the message itself
 * are written to state.json in one atomic write before anything is sent; the sender removes the message
 * from the outbox once WeChat has taken it. A restart finds the marker (no second post) and any message
 * still in the outbox (delivered then). Markers older than 120 days are pruned: the jobs only look back
 * weeks.
 */
import { randomUUID } from 'node:crypto'
import type { Store, OutboxItem } from '../platform/store/store.js'
import type { SendRequest } from './dispatcher.js'

const MARKER_TTL_MS = 120 * 86_400_000

export interface Delivery {
  send(req: SendRequest, durableId?: string): Promise<void>
}

export class Outbox {
  private delivery: Delivery | null = null
  private inFlight = new Set<string>()

  constructor(private readonly store: Store<unknown>) {}

  attach(delivery: Delivery): void {
    this.delivery = delivery
  }

  has(marker: string): boolean {
    return marker in this.store.state.data.markers
  }

  /**
   * Queues posts under a marker, once: returns false (and queues nothing) when the marker exists.
   * Resolves once marker and posts are on disk; delivery follows.
   */
  async post(marker: string | null, reqs: SendRequest[], now: number): Promise<boolean> {
    if (marker && this.has(marker)) return false
    const items: OutboxItem[] = reqs.map((r) => ({ id: randomUUID(), to: r.to, text: r.text, mentions: r.mentions, createdAt: now }))
    await this.store.state.mutate((s) => {
      if (marker) s.markers[marker] = now
      for (const [k, at] of Object.entries(s.markers)) if (at < now - MARKER_TTL_MS) delete s.markers[k]
      s.outbox.push(...items)
    })
    this.flush()
    return true
  }

  /** Hands every undelivered outbox item to the sender (at start-up, after login, after a post). */
  flush(): void {
    if (!this.delivery) return
    for (const item of this.store.state.data.outbox) {
      if (this.inFlight.has(item.id)) continue
      this.inFlight.add(item.id)
      this.delivery
        .send({ to: item.to as SendRequest['to'], text: item.text, mentions: item.mentions }, item.id)
        .catch(() => undefined)
        .finally(() => this.inFlight.delete(item.id))
    }
  }

  /** The sender reports delivered items; they leave the outbox. */
  async delivered(ids: string[]): Promise<void> {
    const gone = new Set(ids)
    await this.store.state.mutate((s) => {
      s.outbox = s.outbox.filter((i) => !gone.has(i.id))
    })
  }
}
