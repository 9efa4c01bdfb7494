/**
 * Work orders (工单, issue 18 item 2): the link /转办 gives the department, and the department's steps
 * taken through it. A chat command and the web page take the same lifecycle step (issue-machine.ts) through
 * the same repository, so a 签收 or 答复 on the page is what /答复 would have recorded.
 *
 * A link is a `work` web token (web-tokens.ts: random, stored hashed, compared in constant time) naming the
 * issue, the department and the transfer it was made for (that transfer event's instant). It is void once
 * the issue has moved on: another transfer (a new link, the old one revoked at once), a 退单, a close
 * (archived, withdrawn), or the coordinator's /作废工单. While the issue is answered or rated the link
 * still opens (the department sees its answer), without actions; a reopening to the same department
 * makes it live again.
 */
import { toLocalDate } from '../domain/time/local-date.js'
import type { Issue, IssueEvent } from '../domain/issues/issue.js'
import type { IssueAction } from '../domain/issues/issue-machine.js'
import { err, ok, type Result } from '../domain/result.js'
import type { OutgoingMessage } from '../messages/message.js'
import { freeText } from '../text/posts/issue-events.js'
import { zh } from '../text/zh-CN.js'
import type { Deps } from './deps.js'
import type { ApplyCode } from './issue-repo.js'
import type { StoredToken } from './web-tokens.js'

export const WORK_KIND = 'work'

export interface WorkToken extends StoredToken {
  issueId: string
  department: string
  /** Instant of the transfer event the link was made for. */
  transferAt: number
}

export interface OpenWorkOrder {
  key: string
  entry: WorkToken
  issue: Issue
  /** The department may act (the issue is transferred to it); else the page only shows it. */
  live: boolean
}

/** The transfer event the issue is under now (the last one), if any. */
export function lastTransfer(issue: Issue): Extract<IssueEvent, { kind: 'transfer' }> | undefined {
  for (let i = issue.history.length - 1; i >= 0; i--) {
    const e = issue.history[i]
    if (e.kind === 'transfer') return e
  }
  return undefined
}

/**
 * A new link for the issue's current transfer; the issue's earlier links are revoked. Joins the
 * transaction it runs in (the /转办 command's).
 */
export async function issueWorkOrderLink(deps: Deps, issue: Issue): Promise<{ url: string; key: string }> {
  const transfer = lastTransfer(issue)
  if (issue.status !== 'transferred' || !issue.department || !transfer) throw new Error(`issue ${issue.id} is not transferred`)
  await deps.webTokens.revokeWhere(WORK_KIND, (e) => e.issueId === issue.id)
  const { token, key } = await deps.webTokens.issue(WORK_KIND, { issueId: issue.id, department: issue.department, transferAt: transfer.at })
  return { url: deps.web.url(`/w/${token}`), key }
}

/** Voids every work-order link of an issue; how many there were. */
export function voidWorkOrderLinks(deps: Deps, issueId: string): Promise<number> {
  return deps.webTokens.revokeWhere(WORK_KIND, (e) => e.issueId === issueId)
}

/** The work order a token opens, or undefined when the token is unknown, wrong or void (indistinguishable). */
export async function openWorkOrder(deps: Deps, token: string): Promise<OpenWorkOrder | undefined> {
  const found = deps.webTokens.check<WorkToken>(token, WORK_KIND)
  if (!found) return undefined
  const issue = await deps.issues.get(found.entry.issueId)
  if (!issue) return undefined
  const sameTransfer = lastTransfer(issue)?.at === found.entry.transferAt && issue.department === found.entry.department
  if (!sameTransfer) return undefined
  if (issue.status === 'transferred') return { ...found, issue, live: true }
  if (issue.status === 'answered' || issue.status === 'rated') return { ...found, issue, live: false }
  return undefined
}

export type DepartmentAction =
  | { type: 'sign' }
  | { type: 'answer'; text: string }
  | { type: 'extend_request'; workingDays: number; reason: string }
  | { type: 'return'; reason: string }

/**
 * One step by the department through its link: the lifecycle step, its audit record and (for 退单) the
 * link's revocation in ONE transaction; then the posts to the studio's group and coordinators (the group
 * gate masks what goes to the group). A refusal changes nothing and posts nothing.
 */
export async function departmentStep(
  deps: Deps,
  order: OpenWorkOrder,
  action: DepartmentAction,
  o: { ip?: string; post: (m: OutgoingMessage) => void; audit: (what: string, issueId: string) => Promise<unknown> },
): Promise<Result<Issue, ApplyCode>> {
  const issue = order.issue
  const department = order.entry.department
  const step: IssueAction =
    action.type === 'sign'
      ? { type: 'sign', department }
      : action.type === 'return'
        ? { type: 'return', department, reason: action.reason }
        : action.type === 'answer'
          ? { type: 'answer', text: action.text }
          : { type: 'extend_request', workingDays: action.workingDays, reason: action.reason }
  const now = deps.clock.now()
  const r = await deps.store.transaction(async () => {
    // Only while the issue is with this department (the page may be stale): the machine checks sign,
    // return and extend_request; an answer through a link is refused here once it is not.
    const current = await deps.issues.get(issue.id)
    if (!current || current.status !== 'transferred' || current.department !== department) return err('not_with_department' as const, {})
    const applied = await deps.issues.apply(issue.id, step, { at: now, by: department, today: toLocalDate(now), days: deps.calendars.of(issue.studioId) })
    if (!applied.ok) return applied
    await o.audit(action.type, issue.id)
    if (action.type === 'return') await voidWorkOrderLinks(deps, issue.id)
    return applied
  })
  if (!r.ok) return r
  deps.log.info('work order step', { id: issue.id, step: action.type })
  for (const m of departmentPosts(deps, r.value, action, department)) o.post(m)
  return ok(r.value)
}

/** What the group and the studio's coordinators are told of a department's step. */
function departmentPosts(deps: Deps, issue: Issue, action: DepartmentAction, department: string): OutgoingMessage[] {
  const c = zh.web.chat
  const text =
    action.type === 'sign'
      ? c.signed(issue.id, department)
      : action.type === 'answer'
        ? c.answered(issue.id, department, issue.round, action.text)
        : action.type === 'extend_request'
          ? c.extendRequested(issue.id, department, action.workingDays, action.reason)
          : c.returned(issue.id, department, action.reason)
  return studioPosts(deps, issue.studioId, text)
}

/**
 * A message for a studio's group (masked: free texts are masked here, and the sender's group gate checks
 * again) and, in full, privately to its coordinators.
 */
export function studioPosts(deps: Deps, studioId: string, text: string): OutgoingMessage[] {
  const out: OutgoingMessage[] = []
  const room = deps.directory.roomOf(studioId)
  if (room) out.push({ to: { roomId: room }, text: freeText(text, false) })
  for (const p of deps.directory.coordinatorsOf(studioId)) {
    const contactId = deps.directory.contactOf(p.id)
    if (contactId) out.push({ to: { contactId }, text })
  }
  return out
}
