/**
 * Scheduled posts: the marker ("this announcement was made") and the message itself are written in the
 * same transaction as whatever caused them (the session's announced duty, say), before anything is
 * sent; the sender removes the message from the outbox (another transaction) as soon as WeChat has
 * taken it. A restart finds the marker (no second post) and any message still in the outbox (delivered
 * then). The one window left: a crash after WeChat took a message and before its removal is durable
 * (one fsync, milliseconds) sends that message once more after the restart: at most one repeat of a
 * post that was in flight. Markers older than 120 days are pruned: the jobs only look back weeks.
 */
import { randomUUID } from 'node:crypto'
import type { Store, OutboxItem } from '../platform/store/store.js'
import type { OutgoingMessage } from '../messages/message.js'

const MARKER_TTL_MS = 120 * 86_400_000

export interface Delivery {
  send(req: OutgoingMessage, durableId?: string): Promise<void>
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
  async post(marker: string | null, reqs: OutgoingMessage[], now: number): Promise<boolean> {
    if (marker && this.has(marker)) return false
    const items: OutboxItem[] = reqs.map((r) => ({ id: randomUUID(), to: r.to, text: r.text, mentions: r.mentions, createdAt: now }))
    const st = this.store.state
    await this.store.transaction(async (tx) => {
      if (marker) await st.set('markers', marker, now)
      for (const [k, at] of Object.entries(st.data.markers)) if (at < now - MARKER_TTL_MS) await st.set('markers', k, undefined)
      await st.addOutbox(items)
      // Handed to the sender once durable, never before.
      tx.onCommit(() => this.flush())
    })
    return true
  }

  /** Hands every undelivered outbox item to the sender (at start-up, after login, after a post). */
  flush(): void {
    if (!this.delivery) return
    for (const item of this.store.state.data.outbox) {
      if (this.inFlight.has(item.id)) continue
      this.inFlight.add(item.id)
      this.delivery
        .send({ to: item.to as OutgoingMessage['to'], text: item.text, mentions: item.mentions }, item.id)
        .catch(() => undefined)
        .finally(() => this.inFlight.delete(item.id))
    }
  }

  /** The sender reports delivered items; they leave the outbox. */
  async delivered(ids: string[]): Promise<void> {
    await this.store.state.removeOutbox(ids)
  }
}
