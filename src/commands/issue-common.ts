/**
 * What the issue commands share: the `<编号> …` argument, finding an issue the asker may see, who may act
 * on it, running one lifecycle step, and showing an issue masked or in full.
 *
 * Privacy rule (PIPL minimum disclosure, DOMAIN.md): the full record (name, phone, address, unmasked free
 * texts) goes only to a private chat with a coordinator of the issue's studio or an admin. Everywhere else,
 * and in every group, the constituent is surname + 某 and 138****5678, the address stops at the building,
 * and phones and ID numbers inside free texts are masked.
 */
import { z } from 'zod'
import { UserError, type CommandContext, type HelpText, type RawArgs } from './command.js'
import type { Deps } from '../app/deps.js'
import { zh } from '../text/zh-CN.js'
import type { Issue } from '../domain/issues/issue.js'
import { parseIssueId } from '../domain/issues/issue.js'
import { dueDate, type IssueAction, type IssueContext } from '../domain/issues/issue-machine.js'
import { brief, maskFreeText, maskName, maskPhone } from '../domain/issues/mask.js'
import { maskAddress } from '../domain/privacy/mask-address.js'
import { describeIssueEvent, freeText } from '../app/issue-event-text.js'
import { recoverTyped } from '../domain/message/recover-typed.js'

export { freeText }
import { isoWeekday, splitDate, toLocalDate, toLocalTime, type LocalDate } from '../domain/time/local-date.js'

const t = zh.issues

// ---- arguments -----------------------------------------------------------------------------------------

export interface IssueArgs {
  /** Formatted id (`HP-2026-0042`). */
  id: string
  /** Everything after the id, trimmed (newlines kept). */
  rest: string
}

const raw = z.object({ text: z.string(), tokens: z.array(z.string()), mentions: z.array(z.string()) })
const ID_AT_START = /^([A-Za-z]{1,4}-\d{4}-\d{1,6})(?![\d-])[\s,，、:：;；]*/u

/** `<编号> [the rest]`: a missing or malformed id is answered with the command's usage. */
export function issueArgs(help: HelpText): z.ZodType<IssueArgs, RawArgs> {
  return raw.transform((a, ctx) => {
    const text = a.text.trim()
    if (text === '') {
      ctx.addIssue({ code: 'custom', message: t.noId(help.usage, help.example) })
      return z.NEVER
    }
    const m = ID_AT_START.exec(text)
    const parsed = m ? parseIssueId(m[1]) : undefined
    if (!m || !parsed) {
      ctx.addIssue({ code: 'custom', message: t.badId(text.split(/[\s,，、]/u)[0].slice(0, 30)) })
      return z.NEVER
    }
    return { id: parsed.id, rest: text.slice(m[0].length).trim() }
  }) as unknown as z.ZodType<IssueArgs, RawArgs>
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
  if (!isCoordinatorOf(ctx, issue.studioId) && !isRegistrar(ctx, issue)) throw new UserError(t.notHandler(cmd))
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
  if (!issue) throw new UserError(t.notFound(id))
  if (!ctx.asker.roles.includes('admin')) {
    const ownStudio = ctx.asker.person?.studioId === issue.studioId
    const thisGroup = ctx.chat.kind !== 'group' || ctx.studio?.id === issue.studioId
    if (!ownStudio || !thisGroup) throw new UserError(t.otherStudio(id))
  }
  return issue
}

export function stepContext(deps: Deps, ctx: CommandContext, issue: Issue): IssueContext {
  return { at: ctx.now, by: ctx.asker.person?.id ?? ctx.asker.contactId, today: ctx.today, msgId: ctx.msgId, days: deps.calendars.of(issue.studioId) }
}

/** One lifecycle step, on disk before this resolves; a refusal becomes the reply and changes nothing. */
export async function step(deps: Deps, ctx: CommandContext, issue: Issue, action: IssueAction, extra?: Record<string, string>): Promise<Issue> {
  const r = await deps.issues.apply(issue.id, action, stepContext(deps, ctx, issue), extra)
  if (!r.ok) throw new UserError((t.action[r.code] ?? t.action.not_found)(r.params))
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
  throw new UserError(t.unknownDepartment(q, hint))
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
  throw new UserError(t.unknownCategory(q, all.join(zh.common.listSep)))
}

// ---- showing an issue ----------------------------------------------------------------------------------

export function fmtDate(d: LocalDate, today: LocalDate): string {
  const [y, m, day] = splitDate(d)
  const w = zh.common.weekdays[isoWeekday(d)]
  return d.slice(0, 4) === today.slice(0, 4) ? zh.common.dateShort(m, day, w) : zh.common.dateLong(y, m, day, w)
}

export function fmtStamp(at: number, today: LocalDate): string {
  const d = toLocalDate(at)
  const [y, m, day] = splitDate(d)
  return t.stamp(d.slice(0, 4) === today.slice(0, 4) ? undefined : y, m, day, toLocalTime(at))
}

export function personName(deps: Deps, id: string): string {
  if (id === 'system') return t.system
  return deps.directory.person(id)?.name ?? id
}

/** Name and phone of the constituent, masked unless `full`. */
export function constituentText(issue: Issue, full: boolean): string {
  const c = issue.constituent
  const name = full ? c.name : maskName(c.name)
  const phone = c.phone ? (full ? c.phone : maskPhone(c.phone)) : undefined
  return phone ? `${name} ${phone}` : name
}

export function addressText(address: string | undefined, full: boolean): string | undefined {
  if (!address) return undefined
  return full ? address : maskFreeText(maskAddress(address))
}


export { brief }

/** The due date and working days left (or overdue), for the step the issue waits on. */
export function dueText(deps: Deps, issue: Issue, today: LocalDate): string | undefined {
  const due = dueDate(issue)
  if (!due) return undefined
  return t.dueLine(fmtDate(due, today), deps.calendars.of(issue.studioId).workingDaysBetween(today, due))
}

/** Where an issue stands, one line (lists). */
export function stateText(deps: Deps, issue: Issue, today: LocalDate): string {
  const s = t.stateLine
  const due = dueDate(issue)
  const urgency = (): string => {
    if (!due) return ''
    const left = deps.calendars.of(issue.studioId).workingDaysBetween(today, due)
    return left < 0 ? s.overdue(-left) : left <= deps.config.issues.remindWorkingDaysBefore ? s.left(left) : ''
  }
  switch (issue.status) {
    case 'registered':
      return s.registered(fmtDate(issue.transferBy ?? today, today)) + urgency()
    case 'transferred':
      return s.transferred(issue.department ?? '', fmtDate(issue.deadline ?? today, today)) + urgency()
    case 'answered':
      return s.answered
    case 'rated':
      return s.rated(issue.feedback?.rating ?? '')
    default:
      return s.final(t.status[issue.status])
  }
}

export function listLine(deps: Deps, issue: Issue, today: LocalDate, full: boolean): string {
  return t.listLine(issue.id, full ? issue.constituent.name : maskName(issue.constituent.name), brief(freeText(issue.content, full)), stateText(deps, issue, today))
}

/** The whole record with its history (/查询). */
export function renderRecord(deps: Deps, issue: Issue, today: LocalDate, full: boolean): string {
  const studio = deps.directory.studio(issue.studioId)?.name ?? issue.studioId
  const names = (ids: string[]) =>
    ids.length === 1 && ids[0] === issue.registrar
      ? t.byRegistrar(personName(deps, ids[0]))
      : ids.length
        ? ids.map((id) => personName(deps, id)).join(zh.common.listSep)
        : zh.common.none
  const status = issue.status === 'transferred' && issue.department ? t.statusWith(t.status[issue.status], issue.department) : t.status[issue.status]
  return t.record({
    id: issue.id,
    status,
    studio,
    date: fmtDate(issue.date, today),
    registrar: personName(deps, issue.registrar),
    duty: names(issue.dutyReps),
    who: constituentText(issue, full),
    address: addressText(issue.constituent.address, full),
    content: freeText(issue.content, full),
    category: issue.category + (issue.categoryGuessed ? t.guessed : ''),
    department: issue.department,
    due: dueText(deps, issue, today),
    dueLabel: t.dueLabel[issue.status],
    answers: issue.answers.map((a) => t.answerLine(a.round, fmtStamp(a.at, today), personName(deps, a.by), freeText(a.text, full), a.onTheSpot === true)),
    feedback: issue.feedback ? t.feedbackLine(issue.feedback.rating, issue.feedback.round, issue.feedback.comment && freeText(issue.feedback.comment, full)) : undefined,
    history: issue.history.map((e) => t.eventLine(fmtStamp(e.at, today), personName(deps, e.by), describeIssueEvent(issue, e, { full, date: (d) => fmtDate(d, today) }))),
    masked: !full,
  })
}

