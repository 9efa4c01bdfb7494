/**
 * Counts what the bot sent, for /状态: the last message to each group, and today's sends (Asia/Shanghai
 * day) for the account and per group. In memory only: it restarts at zero with the bot (said so in
 * /状态's wording), which is enough to see the day's volume against WeChat's risk limits.
 */
import type { OutgoingMessage, Target } from '../messages/message.js'
import type { Clock } from '../platform/clock.js'
import type { Logger } from '../platform/logger.js'
import { toLocalDate } from '../domain/time/local-date.js'
import { budgetAllows, type SendPriority } from '../domain/budget/send-budget.js'
import { zh } from '../text/zh-CN.js'

export class SentCounter {
  readonly lastPostTo = new Map<string, number>()
  private day = ''
  private total = 0
  private byRoom = new Map<string, number>()

  record(to: Target, at: number): void {
    this.roll(at)
    this.total++
    if ('roomId' in to) {
      this.lastPostTo.set(to.roomId, at)
      this.byRoom.set(to.roomId, (this.byRoom.get(to.roomId) ?? 0) + 1)
    }
  }

  today(now: number): { total: number; byRoom: ReadonlyMap<string, number> } {
    this.roll(now)
    return { total: this.total, byRoom: this.byRoom }
  }

  private roll(at: number): void {
    const d = toLocalDate(at)
    if (d === this.day) return
    this.day = d
    this.total = 0
    this.byRoom = new Map()
  }
}

/** A post's priority for the budget: replies 0; duty announcements 0; corrections and gap alerts 1; the rest 2. */
export function postPriority(req: OutgoingMessage, durable: boolean): SendPriority {
  if (!durable) return 0
  if (zh.budget.first.some((t) => req.text.startsWith(t))) return 0
  if (zh.budget.next.some((t) => req.text.startsWith(t))) return 1
  return 2
}

/** The sender's budget from the configured caps and today's counts (see domain/budget/send-budget.ts). */
export function sendBudget(caps: { account: number; perGroup: number }, sent: SentCounter, clock: Clock, log: Logger, deferredCount: { n: number }) {
  if (!caps.account && !caps.perGroup) return undefined
  return {
    priorityOf: postPriority,
    allows(to: Target, priority: number): boolean {
      const today = sent.today(clock.now())
      const p = Math.min(2, Math.max(0, priority)) as SendPriority
      if (!budgetAllows(today.total, caps.account, p)) return false
      return !('roomId' in to) || budgetAllows(today.byRoom.get(to.roomId) ?? 0, caps.perGroup, p)
    },
    deferred(req: OutgoingMessage, priority: number): void {
      deferredCount.n++
      const to = 'roomId' in req.to ? req.to.roomId : req.to.contactId
      log.warn(zh.budget.deferred(to, priority, req.text.split('\n')[0].slice(0, 40)))
    },
  }
}
