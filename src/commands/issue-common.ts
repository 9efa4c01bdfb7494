/**
 * What the issue commands share: the `<编号> …` argument, finding an issue the asker may see, who may act
 * on it, running one lifecycle step (how an issue reads is src/text/posts/issues.ts).
 *
 * Privacy rule (PIPL minimum disclosure, DOMAIN.md): the full record (name, phone, address, unmasked free
 * texts) goes only to a private chat with a coordinator of the issue's studio or an admin. Everywhere else,
 * and in every group, the constituent is surname + 某 and 138****5678, the address stops at the building,
 * and phones and ID numbers inside free texts are masked.
 */
import type { z } from 'zod'
import type { CommandContext, HelpText, RawArgs } from './command.js'
import type { Deps } from '../app/deps.js'
import { zh } from '../text/zh-CN.js'
import type { Issue } from '../domain/issues/issue.js'
import { parseIssueId } from '../domain/issues/issue.js'
import type { IssueAction, IssueContext } from '../domain/issues/issue-machine.js'
import { freeText } from '../text/posts/issue-events.js'
import { recoverTyped } from '../domain/message/recover-typed.js'
import { refuse } from '../text/refusals.js'
import { argsOf } from './args.js'

export { freeText }

const t = zh.issues

// ---- arguments -----------------------------------------------------------------------------------------

export interface IssueArgs {
  /** Formatted id (`HP-2026-0042`). */
  id: string
  /** Everything after the id, trimmed (newlines kept). */
  rest: string
}

const ID_AT_START = /^([A-Za-z]{1,4}-\d{4}-\d{1,6})(?![\d-])[\s,，、:：;；]*/u

/** `<编号> [the rest]`: a missing or malformed id is answered with the command's usage. */
export function issueArgs(help: HelpText): z.ZodType<IssueArgs, RawArgs> {
  return argsOf((a) => {
    const text = a.text.trim()
    if (text === '') throw refuse('issues.noId', help.usage, help.example)
    const m = ID_AT_START.exec(text)
    const parsed = m ? parseIssueId(m[1]) : undefined
    if (!m || !parsed) throw refuse('issues.badId', text.split(/[\s,，、]/u)[0].slice(0, 30))
    return { id: parsed.id, rest: text.slice(m[0].length).trim() }
  })
}

// ---- who may do what ------------------------------------------------------------------------------------

/** An admin, or a coordinator of this studio (roles in a group are already limited to the group's studio). */
export function isCoordinatorOf(ctx: CommandContext, studioId: string): boolean {
  const roles = ctx.asker.roles
  return roles.includes('admin') || (roles.includes('coordinator') && ctx.asker.person?.studioId === studioId)
}

export function isRegistrar(ctx: CommandContext, issue: Issue): boolean {
  return ctx.asker.person !== undefined && ctx.asker.person.id === issue.registrar
}

/** The full record is shown only in a private chat with a coordinator of the studio or an admin. */
export function seesFull(ctx: CommandContext, studioId: string): boolean {
  return ctx.chat.kind === 'private' && isCoordinatorOf(ctx, studioId)
}

/** Coordinators of the studio (and admins) or the registrant: answers, feedback, contact attempts. */
export function requireHandler(ctx: CommandContext, issue: Issue, cmd: string): void {
  if (!isCoordinatorOf(ctx, issue.studioId) && !isRegistrar(ctx, issue)) throw refuse('issues.notHandler', cmd)
}

/** Within the registrant's own correction window (`issues.correctionMinutes` after registration). */
export function inWindow(ctx: CommandContext, issue: Issue, deps: Deps): boolean {
  return isRegistrar(ctx, issue) && ctx.now - issue.createdAt <= deps.config.issues.correctionMinutes * 60_000
}

/**
 * The issue, if the asker may see it: admins any; others only their own studio's, and in a group only
 * the group's studio's.
 */
export async function loadIssue(deps: Deps, ctx: CommandContext, id: string): Promise<Issue> {
  const issue = await deps.issues.get(id)
  if (!issue) throw refuse('issues.notFound', id)
  if (!ctx.asker.roles.includes('admin')) {
    const ownStudio = ctx.asker.person?.studioId === issue.studioId
    const thisGroup = ctx.chat.kind !== 'group' || ctx.studio?.id === issue.studioId
    if (!ownStudio || !thisGroup) throw refuse('issues.otherStudio', id)
  }
  return issue
}

export function stepContext(deps: Deps, ctx: CommandContext, issue: Issue): IssueContext {
  return { at: ctx.now, by: ctx.asker.person?.id ?? ctx.asker.contactId, today: ctx.today, msgId: ctx.msgId, days: deps.calendars.of(issue.studioId) }
}

/** One lifecycle step, on disk before this resolves; a refusal becomes the reply and changes nothing. */
export async function step(deps: Deps, ctx: CommandContext, issue: Issue, action: IssueAction, extra?: Record<string, string>): Promise<Issue> {
  const r = await deps.issues.apply(issue.id, action, stepContext(deps, ctx, issue), extra)
  if (!r.ok) throw refuse(t.action[r.code] ? `issues.action.${r.code}` : 'issues.action.not_found', r.params)
  deps.log.info('issue step', { id: issue.id, step: action.type, by: ctx.asker.person?.id })
  return r.value
}

// ---- words people type -----------------------------------------------------------------------------

/** A free text cut out of the normalised arguments, as the person typed it (stored text is what was typed). */
export function asTyped(ctx: CommandContext, value: string): string {
  return recoverTyped(value, ctx.typed)
}

/** A comment or note that is only punctuation (`满意！`) is no comment. */
export function meaningful(text: string): string {
  return /^[\p{P}\p{S}\s]*$/u.test(text) ? '' : text
}

/** A count of working days as typed: `20`, `20天`, `20个工作日`. */
export function parseWorkingDays(s: string): number | undefined {
  const m = /^(\d{1,4})\s*(.*)$/su.exec(s.trim())
  return m && (m[2] === '' || t.words.dayUnits.includes(m[2])) ? Number(m[1]) : undefined
}

/** The configured department this text names: exact, or the one that contains it (`房管局` → `区房管局`). */
export function resolveDepartment(deps: Deps, typed: string): string {
  const all = deps.config.issues.departments
  const q = typed.trim()
  const exact = all.find((d) => d === q)
  if (exact) return exact
  const near = all.filter((d) => d.includes(q) || (q.length >= 2 && q.includes(d)))
  if (near.length === 1) return near[0]
  const similar = near.length > 1 ? near : closeByCharacters(q, all)
  const hint = similar.length > 0 ? t.nearDepartments(similar.join(zh.common.listSep)) : t.allDepartments(all.join(zh.common.listSep))
  throw refuse('issues.unknownDepartment', q, hint)
}

/** Departments sharing the most characters with the typed name (at least two), best first, at most 3. */
function closeByCharacters(q: string, all: readonly string[]): string[] {
  const chars = new Set([...q])
  return all
    .map((d) => ({ d, n: [...new Set([...d])].filter((c) => chars.has(c)).length }))
    .filter((x) => x.n >= 2)
    .sort((a, b) => b.n - a.n)
    .slice(0, 3)
    .map((x) => x.d)
}

/** The configured category this text names (exact, or the one containing it). */
export function resolveCategory(deps: Deps, typed: string): string {
  const all = deps.config.issues.categories
  const q = typed.trim()
  const exact = all.find((c) => c === q)
  if (exact) return exact
  const near = all.filter((c) => q.length >= 2 && (c.includes(q) || q.includes(c)))
  if (near.length === 1) return near[0]
  throw refuse('issues.unknownCategory', q, all.join(zh.common.listSep))
}
