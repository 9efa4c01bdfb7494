/**
 * The daily send budget against WeChat's risk control ("操作过于频繁"; accounts restricted after a few
 * dozen messages). A cap per account and per group per Asia/Shanghai day; near a cap the less urgent
 * messages wait, so the last part of the budget is kept for what matters:
 *
 *   priority 0 — replies to people and duty announcements (and cancellations): up to the cap;
 *   priority 1 — corrections, gap alerts, calls for a volunteer: up to 90 % of the cap;
 *   priority 2 — weekly follow-ups, 督办 summaries, deadline reminders, anything else: up to 80 %.
 *
 * A cap of 0 means no cap. A message that may not go now waits (it is never dropped) until the day
 * turns or it is the most urgent thing left.
 */
export type SendPriority = 0 | 1 | 2

const SHARE: Record<SendPriority, number> = { 0: 1, 1: 0.9, 2: 0.8 }

export function budgetAllows(usedToday: number, cap: number, priority: SendPriority): boolean {
  if (!cap || cap <= 0) return true
  return usedToday < Math.floor(cap * SHARE[priority])
}
