/**
 * Receipts (回执, issue 18 item 3): the constituent follows an issue with its number and the last 4 digits
 * of the phone given at registration, and rates it once answered — the same step as /反馈, in one
 * transaction with its audit record, posted to the studio's group (masked) and coordinators.
 *
 * A lookup matches only the issue whose number it names, and only when that issue has a phone ending in
 * those digits; an unknown number, a wrong digit and an issue without a phone are one and the same answer
 * (nothing tells whether the number exists). Tries are limited per number (`web.lookupsPerIssuePerHour`,
 * counted for numbers that do not exist too), besides the per-IP limit of the web server.
 */
import { parseIssueId, type Issue, type Rating } from '../domain/issues/issue.js'
import { toLocalDate } from '../domain/time/local-date.js'
import { err, ok, type Result } from '../domain/result.js'
import type { OutgoingMessage } from '../messages/message.js'
import { zh } from '../text/zh-CN.js'
import type { Deps } from './deps.js'
import type { ApplyCode } from './issue-repo.js'
import { studioPosts } from './work-orders.js'

const HOUR = 3600_000

/** The lookup path of an issue (the receipt's short link). */
export function receiptPath(issueId: string): string {
  return `/q/${issueId}`
}

/** Tries per issue number in the last hour (in memory: a restart forgets them, the per-IP limit stays). */
export class LookupLimiter {
  private tries = new Map<string, number[]>()
  constructor(
    private readonly perHour: number,
    private readonly now: () => number,
  ) {}

  /** Counts a try; false when the number has had too many this hour. */
  allow(key: string): boolean {
    const t = this.now()
    const recent = (this.tries.get(key) ?? []).filter((at) => t - at < HOUR)
    if (recent.length >= this.perHour) {
      this.tries.set(key, recent)
      return false
    }
    recent.push(t)
    this.tries.set(key, recent)
    if (this.tries.size > 10_000) for (const [k, v] of this.tries) if (v.every((at) => t - at >= HOUR)) this.tries.delete(k)
    return true
  }
}

export type LookupResult = { ok: true; issue: Issue } | { ok: false; why: 'no_match' | 'locked' }

/** The issue, when the number names one whose phone ends in `last4`. */
export async function lookUp(deps: Deps, limiter: LookupLimiter, typedId: string, last4: string): Promise<LookupResult> {
  const parsed = parseIssueId(typedId)
  const key = parsed?.id ?? typedId.trim().toUpperCase().slice(0, 30)
  if (!limiter.allow(key)) return { ok: false, why: 'locked' }
  if (!parsed || !/^\d{4}$/.test(last4)) return { ok: false, why: 'no_match' }
  const issue = await deps.issues.get(parsed.id)
  const digits = issue?.constituent.phone?.replace(/\D/g, '') ?? ''
  if (!issue || digits.length < 4 || !digits.endsWith(last4)) return { ok: false, why: 'no_match' }
  return { ok: true, issue }
}

/** The constituent's rating through the receipt: /反馈's step with 是否解决, audited, then posted. */
export async function rateByReceipt(
  deps: Deps,
  issue: Issue,
  a: { solved: boolean; rating: Rating; comment?: string },
  o: { post: (m: OutgoingMessage) => void; audit: (what: string) => Promise<unknown> },
): Promise<Result<Issue, ApplyCode>> {
  const now = deps.clock.now()
  const r = await deps.store.transaction(async () => {
    const applied = await deps.issues.apply(
      issue.id,
      { type: 'feedback', rating: a.rating, solved: a.solved, ...(a.comment ? { comment: a.comment } : {}) },
      { at: now, by: zh.web.constituentActor, today: toLocalDate(now), days: deps.calendars.of(issue.studioId) },
    )
    if (!applied.ok) return applied
    await o.audit('rate')
    return applied
  })
  if (!r.ok) return err(r.code, r.params)
  const next = r.value
  const c = zh.web.chat
  const text = next.status === 'rated' ? c.rated(next.id, a.solved, a.rating) : `${c.rated(next.id, a.solved, a.rating)}\n${c.ratedReopened(next.id, next.round)}`
  for (const m of studioPosts(deps, next.studioId, text)) o.post(m)
  deps.log.info('receipt rating', { id: next.id })
  return ok(next)
}
