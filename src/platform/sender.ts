/**
 * The one way out to WeChat. Every outgoing message goes through this queue, which
 *  - paces sends per account: at least a random gap in [min, max] ms between two sends (WeChat's risk
 *    control punishes bursts);
 *  - merges queued texts to the same chat into one message when a backlog builds, never past the
 *    message-length limit (a longer single text is split at line breaks);
 *  - sends replies to people before scheduled posts, so a backlog of posts never delays a receipt;
 *  - uploads a file beside the queue: texts to other chats keep going out while a ledger of several MB
 *    goes over the gateway (its own chat and other files wait for it);
 *  - @mentions contacts by id (the transport resolves ids, never names);
 *  - retries a failed send with growing pauses, and holds everything while the gateway is logged out,
 *    so nothing queued is lost across a reconnect; a message leaves the queue only once sent.
 * Durable items (scheduled posts from the store's outbox) report delivery through `onDelivered` so the
 * outbox entry is removed only after WeChat took the message.
 *
 * Every text to a group passes the group gate (`maskGroupText`) as it is queued, before merging and
 * splitting: whatever a command or a job wrote, no run of 7+ digits, ID number or e-mail address of a
 * constituent reaches a group (PIPL minimum disclosure). Private chats are not gated: coordinators see
 * the full record there.
 */
import type { OutgoingMessage } from '../messages/message.js'
import type { Target } from '../messages/message.js'
import type { Logger } from './logger.js'
import { maskGroupText } from '../domain/privacy/mask-group-text.js'

export interface Transport {
  isReady(): boolean
  /**
   * The failure says the gateway is unreachable (not that this message is bad): the sender then waits
   * for the gateway as long as it takes, without spending the message's retries.
   */
  isUnreachable?(e: unknown): boolean
  sendText(to: Target, text: string, mentions: string[]): Promise<void>
  sendFile(to: Target, name: string, data: Buffer): Promise<void>
}

export interface Timer {
  now(): number
  sleep(ms: number): Promise<void>
}

export const realTimer: Timer = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
}

export interface SenderOptions {
  gapMs: [number, number]
  maxChars: number
  retries: number
  /** 0 ≤ x < 1; injected for deterministic tests. */
  random?: () => number
  /** Called with the durable ids of items that reached WeChat. */
  onDelivered?: (durableIds: string[]) => Promise<void> | void
  /** Separator between merged texts. */
  mergeSeparator?: string
  /**
   * The last gate on every text to a group; `maskGroupText` unless replaced. Only the property test
   * replaces it (by the identity, to prove that its leak check can fail); production never does.
   */
  groupGate?: (text: string) => string
  /** Called once per message WeChat took (a merged batch counts once per text or file sent). */
  onSent?: (to: Target) => void
  /**
   * The daily send budget: may a message of this priority (0 most urgent) go to this chat now? A message
   * it refuses waits in the queue (never dropped); the queue is looked at again every minute and on
   * every new message. Absent: no budget.
   */
  budget?: {
    priorityOf(req: OutgoingMessage, durable: boolean): number
    allows(to: Target, priority: number): boolean
    /** Called once per message the first time the budget makes it wait. */
    deferred?(req: OutgoingMessage, priority: number): void
  }
}

interface Item extends OutgoingMessage {
  durableId?: string
  /** Told the budget deferred it (once). */
  deferredTold?: boolean
  /**
   * The rest of a text too long for one message, after its first part went out: the parts still to send
   * and the queued items they carry (resolved once the last part is sent). Sent alone, never merged.
   */
  rest?: { pieces: string[]; items: Item[] }
  done: () => void
  failed: (e: unknown) => void
}

const key = (t: Target) => ('roomId' in t ? `r:${t.roomId}` : `c:${t.contactId}`)

export class Sender {
  private queue: Item[] = []
  private running = false
  private lastSentAt = -Infinity
  private wakers: (() => void)[] = []
  private idleWaiters: (() => void)[] = []
  /** Everything still queued is waiting for the send budget (idle() then resolves). */
  private onlyDeferred = false
  private recheck: ReturnType<typeof setTimeout> | undefined
  /** The file being uploaded beside the queue, and its chat (see startUpload). */
  private upload: { chat: string; task: Promise<void> } | null = null
  /** Counts for the benchmark and the tests. */
  readonly stats = { requested: 0, sent: 0, merged: 0, retries: 0, failed: 0, sendTimes: [] as number[] }

  constructor(
    private readonly transport: Transport,
    private readonly opts: SenderOptions,
    private readonly log: Logger,
    private readonly timer: Timer = realTimer,
  ) {}

  /** Queue a message; resolves once it is sent (rejects only after every retry failed). */
  send(req: OutgoingMessage, durableId?: string): Promise<void> {
    this.stats.requested++
    const text = 'roomId' in req.to ? (this.opts.groupGate ?? maskGroupText)(req.text) : req.text
    return new Promise<void>((done, failed) => {
      this.queue.push({ ...req, text, durableId, done, failed })
      // A new message may be one the budget lets out: look at the queue again (also if a loop that
      // found only deferred messages is just ending).
      this.onlyDeferred = false
      this.kick()
    })
  }

  /** Fire-and-forget variant: failures are logged, never thrown. */
  post(req: OutgoingMessage, durableId?: string): void {
    this.send(req, durableId).catch((e) => this.log.error('message dropped after retries', { to: req.to, error: e }))
  }

  get pending(): number {
    return this.queue.length
  }

  /** Queued messages the send budget has made wait (they go out once it allows them). */
  get deferredNow(): number {
    return this.queue.filter((it) => it.deferredTold).length
  }

  /** What is still queued waits only for the send budget (nothing can go out before the next look). */
  get waitingForBudget(): boolean {
    return !this.running && this.onlyDeferred && this.queue.length > 0
  }

  /** The gateway is back (login): resume sending. */
  wake(): void {
    for (const w of this.wakers.splice(0)) w()
    this.onlyDeferred = false
    this.kick()
  }

  /** Resolves when nothing is queued or being sent. */
  idle(): Promise<void> {
    if (!this.running && (this.queue.length === 0 || this.onlyDeferred)) return Promise.resolve()
    return new Promise((r) => this.idleWaiters.push(r))
  }

  private kick(): void {
    if (this.running) return
    this.running = true
    this.onlyDeferred = false
    void this.loop().finally(() => {
      this.running = false
      if (this.queue.length && !this.onlyDeferred) this.kick()
      else {
        for (const w of this.idleWaiters.splice(0)) w()
        // Deferred by the budget: look again in a minute (the day may have turned).
        if (this.queue.length && !this.recheck) {
          this.recheck = setTimeout(() => {
            this.recheck = undefined
            this.kick()
          }, 60_000)
          this.recheck.unref?.()
        }
      }
    })
  }

  private async loop(): Promise<void> {
    while (this.queue.length || this.upload) {
      while (!this.transport.isReady()) await this.waitForWake(1000)
      const gap = this.gap()
      const wait = this.lastSentAt + gap - this.timer.now()
      if (wait > 0) await this.timer.sleep(wait)
      const batch = this.takeBatch()
      if (!batch.length) {
        // Nothing may go before the file being uploaded (its chat, or another file): wait for it.
        if (this.upload) {
          await this.upload.task
          continue
        }
        this.onlyDeferred = true
        return
      }
      if (batch[0].file) {
        this.startUpload(batch[0])
        continue
      }
      const head = batch[0]
      const items = head.rest ? head.rest.items : batch
      const pieces = head.rest ? head.rest.pieces : splitText(batch.map((b) => b.text).join(this.opts.mergeSeparator ?? '\n\n'), this.opts.maxChars)
      // The @mentions go with the first part only.
      const mentions = head.rest ? [] : [...new Set(batch.flatMap((b) => b.mentions ?? []))]
      try {
        await this.withRetry(() => this.transport.sendText(head.to, pieces[0], mentions))
        if (pieces.length > 1) {
          // The other parts go back to the head of the queue, one per turn: a reply to someone may go
          // between two parts of the liaison office's long summary instead of waiting for all of them.
          this.queue.unshift({ ...items[0], deferredTold: false, rest: { pieces: pieces.slice(1), items } })
          continue
        }
        this.stats.merged += items.length - 1
        await this.delivered(items)
      } catch (e) {
        this.stats.failed += items.length
        for (const b of items) b.failed(e)
      }
    }
  }

  /**
   * A file (a ledger of several MB takes seconds over the gateway) is uploaded beside the queue: texts to
   * other chats keep going out, paced, so a receipt never waits for someone else's ledger. Its own chat
   * waits (order within a chat is kept), and so does any other file (one upload at a time). Its caption
   * goes back to the head of the queue and is sent, paced, as soon as the file is through.
   */
  private startUpload(item: Item): void {
    this.lastSentAt = this.timer.now()
    const task = (async () => {
      try {
        await this.withRetry(() => this.transport.sendFile(item.to, item.file!.name, item.file!.data))
      } catch (e) {
        this.stats.failed++
        item.failed(e)
        return
      }
      if (item.text) this.queue.unshift({ ...item, file: undefined })
      else await this.delivered([item])
    })()
    this.upload = {
      chat: key(item.to),
      task: task.finally(() => {
        this.upload = null
      }),
    }
  }

  /** WeChat took these (one message): count it, report durable ones to the outbox, resolve their sends. */
  private async delivered(batch: Item[]): Promise<void> {
    this.opts.onSent?.(batch[0].to)
    const durable = batch.map((b) => b.durableId).filter((x): x is string => !!x)
    // Called inside a promise, so a callback that throws synchronously is logged like one that rejects
    // and never turns a message WeChat already took into a reported failure.
    if (durable.length) await Promise.resolve().then(() => this.opts.onDelivered?.(durable)).catch((e) => this.log.error('outbox update failed', { error: e }))
    for (const b of batch) b.done()
  }

  private gap(): number {
    const [min, max] = this.opts.gapMs
    const r = this.opts.random ? this.opts.random() : Math.random()
    return min + Math.floor(r * Math.max(0, max - min))
  }

  /** The head item plus, when a backlog built, the next texts to the same chat that fit in one message. */
  private takeBatch(): Item[] {
    // Replies to people come before scheduled posts (outbox items): a morning of announcements, or the
    // first start of a city's bot, must not leave a /登记 waiting minutes for its receipt.
    // While a file is uploaded, its chat waits (order within a chat) and so do other files.
    const upload = this.upload
    // A file also waits for the parts still to send of a long text to its chat.
    const continued = new Set(this.queue.filter((it) => it.rest).map((it) => key(it.to)))
    const blocked = (it: Item) => (upload !== null && (it.file !== undefined || key(it.to) === upload.chat)) || (it.file !== undefined && continued.has(key(it.to)))
    let pick: number
    if (this.opts.budget) {
      // The most urgent message the budget lets out now (replies first among equals); none: all wait.
      const b = this.opts.budget
      pick = -1
      let best = Infinity
      this.queue.forEach((it, i) => {
        if (blocked(it)) return
        const p = b.priorityOf(it, it.durableId !== undefined) + (it.durableId === undefined ? 0 : 0.5)
        if (p >= best) return
        if (b.allows(it.to, Math.floor(p))) {
          best = p
          pick = i
        } else if (!it.deferredTold) {
          it.deferredTold = true
          b.deferred?.(it, Math.floor(p))
        }
      })
      if (pick < 0) return []
    } else {
      const firstReply = this.queue.findIndex((it) => it.durableId === undefined && !blocked(it))
      pick = firstReply >= 0 ? firstReply : this.queue.findIndex((it) => !blocked(it))
      if (pick < 0) return []
    }
    const [head] = this.queue.splice(pick, 1)
    const batch = [head]
    if (head.file || head.rest || head.text.length >= this.opts.maxChars) return batch
    let length = head.text.length
    const sep = (this.opts.mergeSeparator ?? '\n\n').length
    const b = this.opts.budget
    const prio = (it: Item) => (b ? b.priorityOf(it, it.durableId !== undefined) : 0)
    const sameKind = (it: Item) => (it.durableId === undefined) === (head.durableId === undefined) && prio(it) === prio(head)
    for (let i = 0; i < this.queue.length; ) {
      const it = this.queue[i]
      const sameChat = key(it.to) === key(head.to) && sameKind(it)
      if (sameChat && !it.file && !it.rest && length + sep + it.text.length <= this.opts.maxChars) {
        batch.push(it)
        length += sep + it.text.length
        this.queue.splice(i, 1)
      } else if (sameChat) break // keep order within a chat
      else i++
    }
    return batch
  }

  private async withRetry(fn: () => Promise<void>): Promise<void> {
    let outage = 0
    for (let attempt = 0; ; attempt++) {
      while (!this.transport.isReady()) await this.waitForWake(1000)
      try {
        await fn()
        this.lastSentAt = this.timer.now()
        this.stats.sent++
        this.stats.sendTimes.push(this.lastSentAt)
        if (this.stats.sendTimes.length > 10_000) this.stats.sendTimes.splice(0, 5_000)
        return
      } catch (e) {
        if (this.transport.isUnreachable?.(e)) {
          // The gateway is down and its client has not noticed (no logout): keep the message, try again
          // with pauses growing to 10 s, and do not count this against its retries.
          attempt--
          const pause = Math.min(10_000, 500 * 2 ** outage++)
          if (outage === 1) this.log.warn('gateway unreachable; holding outgoing messages until it answers', { error: (e as Error).message })
          await Promise.race([this.timer.sleep(pause), this.waitForWake(pause)])
          continue
        }
        outage = 0
        if (attempt >= this.opts.retries) throw e
        this.stats.retries++
        const pause = Math.min(60_000, Math.max(500, this.opts.gapMs[1]) * 2 ** attempt)
        this.log.warn('send failed, will retry', { attempt: attempt + 1, pauseMs: pause, error: (e as Error).message })
        await Promise.race([this.timer.sleep(pause), this.waitForWake(pause)])
      }
    }
  }

  private waitForWake(maxMs: number): Promise<void> {
    return new Promise((resolve) => {
      // A waiter that timed out leaves the list; otherwise a long logout (polled once a second) would
      // pile up one stale waiter per second until the next wake().
      const done = () => {
        const i = this.wakers.indexOf(done)
        if (i >= 0) this.wakers.splice(i, 1)
        resolve()
      }
      this.wakers.push(done)
      void this.timer.sleep(maxMs).then(done)
    })
  }
}

/** Splits a text into pieces of at most `max` characters, at line breaks where possible. */
export function splitText(text: string, max: number): string[] {
  if (text.length <= max) return [text]
  const out: string[] = []
  let cur = ''
  for (const line of text.split('\n')) {
    let rest = line
    while (rest.length > max) {
      if (cur) (out.push(cur), (cur = ''))
      out.push(rest.slice(0, max))
      rest = rest.slice(max)
    }
    if (cur && cur.length + 1 + rest.length > max) (out.push(cur), (cur = ''))
    cur = cur ? `${cur}\n${rest}` : rest
  }
  if (cur) out.push(cur)
  return out
}
