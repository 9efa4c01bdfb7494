/**
 * Counts what the bot sent, for /状态: the last message to each group, and today's sends (Asia/Shanghai
 * day) for the account and per group. In memory only: it restarts at zero with the bot (said so in
 * /状态's wording), which is enough to see the day's volume against WeChat's risk limits.
 */
import type { Target } from '../commands/command.js'
import { toLocalDate } from '../domain/time/local-date.js'

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
