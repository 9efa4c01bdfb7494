/**
 * The life of an issue (六步工作法 / 一单制) as a pure transition function, so that every rule about
 * what may follow what is in one place, testable without a chat, a clock or a store. Callers check who
 * may act and time windows (e.g. how long a registration may be withdrawn) before calling; this file
 * checks what the record itself forbids. Each call returns a NEW issue (the input is never mutated) or a
 * refusal code.
 *
 * Policies where the sources leave a choice:
 * - Deadlines are working days (State Council calendar) counted from the day after `ctx.today`: a
 *   registration must be transferred within 5; the department answers within `workingDays` (default and
 *   maximum 30) of the transfer.
 * - An extension (延期) adds at most 15 working days to the current deadline, needs a reason, must be asked
 *   before the deadline has passed, and is allowed once per handling round: a second handling after 不满意
 *   is a new assignment (重新下单) and gets its own extension.
 * - 不满意 reopens the issue (round + 1) unless `reopen: false` (the demand was explained as not
 *   satisfiable; the issue can then be archived as rated). Reopened with a department: back to
 *   `transferred` to the same department with a fresh default deadline (30 working days from today).
 *   Reopened without one (the representative answered directly): back to `registered`, due for transfer
 *   within 5 working days.
 * - An answer may come straight from `registered` (the representative replied without a department); a
 *   further answer while `answered` is appended (补充答复) until the issue is rated.
 * - Archiving needs an answer and either a rating, or a failed contact attempt (after the latest answer)
 *   plus a reason.
 * - `closed_on_spot` is final like `archived`, except that `correct` and `withdraw` still apply (both are
 *   about mistakes in the entry made minutes before). Nothing applies to `archived` or `withdrawn`.
 * - The department's side (its web work order, issue 18): 签收 `sign` once per assignment (a transfer, or
 *   a reopening to the same department), by the department the issue is transferred to; 退单 `return`
 *   (wrong department, with a reason) sends it back to `registered`, without department or deadline, due
 *   for transfer within 5 working days; 申请延期 `extend_request` (reason, 1–15 working days, before the
 *   deadline) once per assignment and never after an extension; the coordinator approves with `extend`
 *   (the requested days and reason) or declines with `extend_decline`, both only while one is pending.
 * - A message id already in the history is a replay: refused with `duplicate_message`, the issue unchanged
 *   (one inbound message causes at most one step on an issue).
 */
import { err, ok, type Result } from '../result.js'
import { type LocalDate, toLocalDate, yearOf } from '../time/local-date.js'
import {
  type Answer,
  type CorrectableField,
  formatIssueId,
  type Intake,
  type Issue,
  type IssueCorrection,
  type IssueEvent,
  type Rating,
  RATINGS,
  type WorkingDays,
} from './issue.js'
import { findPhones } from './phone.js'

export const FORWARD_WORKING_DAYS = 5
export const DEFAULT_ANSWER_WORKING_DAYS = 30
export const MAX_ANSWER_WORKING_DAYS = 30
export const MAX_EXTENSION_WORKING_DAYS = 15
/** Characters allowed in an answer, comment, reason, note or corrected content. */
export const MAX_TEXT_LENGTH = 2000
const MAX_NAME_LENGTH = 20

export type IssueAction =
  | { type: 'transfer'; department: string; workingDays?: number }
  | { type: 'answer'; text: string }
  | { type: 'onTheSpot'; text: string }
  | { type: 'feedback'; rating: Rating; comment?: string; reopen?: boolean; /** 是否解决: 已解决 true / 未解决 false. */ solved?: boolean }
  | { type: 'extend'; workingDays: number; reason: string }
  | { type: 'recordContactAttempt'; note: string; reached: boolean }
  | { type: 'archive'; reason?: string }
  | { type: 'correct'; fields: IssueCorrection }
  | { type: 'withdraw'; reason?: string }
  | { type: 'recalendar'; field: 'transferBy' | 'deadline'; date: LocalDate }
  /** The warning ladder's 催办 (yellow) or 督办 (red), recorded by the daily jobs (domain/issues/warning-level.ts). */
  | { type: 'urge'; level: 'yellow' | 'red' }
  | { type: 'sign'; department: string }
  | { type: 'return'; department: string; reason: string }
  | { type: 'extend_request'; workingDays: number; reason: string }
  | { type: 'extend_decline'; reason?: string }
export type IssueActionType = IssueAction['type']

export interface IssueContext {
  /** Instant of the step (epoch ms). */
  at: number
  /** Person id acting. */
  by: string
  /** Local date of `at` in Asia/Shanghai; deadlines count from it. */
  today: LocalDate
  /** Inbound WeChat message that caused the step. */
  msgId?: string
  days: WorkingDays
}

type None = Record<string, never>

/** Every refusal of `applyIssueAction`, with the params the catalogue may quote. */
export type IssueCodeParams = {
  duplicate_message: { msgId: string }
  already_archived: None
  already_withdrawn: None
  /** Closed on the spot: only correct and withdraw apply. */
  already_closed: None
  already_transferred: { department: string }
  already_answered: None
  already_rated: None
  empty_department: None
  bad_working_days: { value: number; min: number; max: number }
  empty_answer: None
  too_long: { field: string; max: number }
  rate_before_answer: None
  bad_rating: { value: string }
  extend_before_transfer: None
  extension_too_long: { value: number; max: number }
  extension_needs_reason: None
  second_extension: { deadline: LocalDate }
  extension_after_deadline: { deadline: LocalDate }
  empty_note: None
  archive_before_answer: None
  /** Answered but neither rated nor a failed contact attempt recorded since the answer. */
  archive_before_feedback: None
  /** Archiving unrated (contact failed) needs a reason. */
  archive_needs_reason: None
  nothing_to_correct: None
  missing_name: None
  bad_name: { max: number }
  bad_phone: { value: string }
  empty_content: None
  empty_category: None
  department_before_transfer: None
  /** 催办/督办 of an issue with nothing due (answered, rated). */
  nothing_due: None
  /** sign / return / extend_request while the issue is not transferred (to that department). */
  not_with_department: None
  already_signed: { department: string }
  return_needs_reason: None
  second_extension_request: None
  no_extension_request: None
}
export type IssueCode = keyof IssueCodeParams

/** Refusals of `createIssue`. */
export type CreateIssueCodeParams = {
  bad_prefix: { prefix: string }
  bad_seq: { seq: number }
  missing_name: None
  empty_content: None
}
export type CreateIssueCode = keyof CreateIssueCodeParams

export interface CreateIssueMeta {
  studioId: string
  /** The studio's 2–3 capital letters (`HP`). */
  prefix: string
  /** Next sequence number of the studio in `yearOf(today)`, from 1 (allocated by the caller). */
  seq: number
  at: number
  /** Registrar's person id. */
  by: string
  today: LocalDate
  /** Representatives on duty that day. */
  dutyReps: string[]
  msgId?: string
  days: WorkingDays
}

/** The registered issue, or the closed one when the intake carries an on-the-spot answer. */
export function createIssue(intake: Intake, meta: CreateIssueMeta): Result<Issue, CreateIssueCode> {
  if (!/^[A-Z]{2,3}$/.test(meta.prefix)) return err('bad_prefix', { prefix: meta.prefix })
  if (!Number.isInteger(meta.seq) || meta.seq < 1) return err('bad_seq', { seq: meta.seq })
  if (intake.constituent.name.trim() === '') return err('missing_name')
  if (intake.content.trim() === '') return err('empty_content')
  const year = yearOf(meta.today)
  const base = eventBase(meta)
  const issue: Issue = {
    id: formatIssueId(meta.prefix, year, meta.seq),
    studioId: meta.studioId,
    year,
    seq: meta.seq,
    createdAt: meta.at,
    date: meta.today,
    registrar: meta.by,
    dutyReps: [...meta.dutyReps],
    constituent: { ...intake.constituent },
    content: intake.content,
    category: intake.category,
    categoryGuessed: intake.categoryGuessed,
    status: 'registered',
    extended: false,
    round: 1,
    answers: [],
    contactAttempts: [],
    history: [{ ...base, kind: 'register' }],
  }
  if (intake.onTheSpot === undefined) return ok({ ...issue, transferBy: meta.days.addWorkingDays(meta.today, FORWARD_WORKING_DAYS) })
  return ok({
    ...issue,
    status: 'closed_on_spot',
    answers: [{ at: meta.at, by: meta.by, round: 1, text: intake.onTheSpot, onTheSpot: true }],
    history: [...issue.history, { ...base, kind: 'on_the_spot' }],
  })
}

/** One step of the lifecycle; see the policies at the top of the file. */
export function applyIssueAction(issue: Issue, action: IssueAction, ctx: IssueContext): Result<Issue, IssueCode> {
  if (ctx.msgId !== undefined && issue.history.some((e) => e.msgId === ctx.msgId)) {
    return err('duplicate_message', { msgId: ctx.msgId })
  }
  if (issue.status === 'archived') return err('already_archived')
  if (issue.status === 'withdrawn') return err('already_withdrawn')
  if (issue.status === 'closed_on_spot' && action.type !== 'correct' && action.type !== 'withdraw') {
    return err('already_closed')
  }
  switch (action.type) {
    case 'transfer':
      return transfer(issue, action, ctx)
    case 'answer':
      return answer(issue, action.text, ctx)
    case 'onTheSpot':
      return onTheSpot(issue, action.text, ctx)
    case 'feedback':
      return feedback(issue, action, ctx)
    case 'extend':
      return extend(issue, action, ctx)
    case 'recordContactAttempt':
      return contact(issue, action, ctx)
    case 'archive':
      return archive(issue, action.reason, ctx)
    case 'correct':
      return correct(issue, action.fields, ctx)
    case 'withdraw':
      return withdraw(issue, action.reason, ctx)
    case 'recalendar':
      return recalendar(issue, action, ctx)
    case 'urge':
      return urge(issue, action.level, ctx)
    case 'sign':
      return sign(issue, action.department, ctx)
    case 'return':
      return giveBack(issue, action, ctx)
    case 'extend_request':
      return extendRequest(issue, action, ctx)
    case 'extend_decline':
      return extendDecline(issue, action.reason, ctx)
  }
}

/** 催办/督办: only while something is due (the transfer, or the department's answer); changes nothing else. */
function urge(issue: Issue, level: 'yellow' | 'red', ctx: IssueContext): Step {
  if (dueDate(issue) === undefined) return err('nothing_due')
  return ok({ ...issue, history: push(issue, { ...eventBase(ctx), kind: 'urge', level }) })
}

/** The history since the current assignment began (the last transfer, or a reopening to a department). */
export function currentAssignment(issue: Issue): IssueEvent[] {
  for (let i = issue.history.length - 1; i >= 0; i--) {
    const e = issue.history[i]
    if (e.kind === 'transfer' || (e.kind === 'feedback' && e.reopened && issue.department !== undefined)) return issue.history.slice(i)
  }
  return []
}

/** When the department signed for the current assignment, if it did (the response clock). */
export function signedAt(issue: Issue): number | undefined {
  return currentAssignment(issue).find((e) => e.kind === 'sign')?.at
}

/** The department's extension request of the current assignment still awaiting the coordinator. */
export function pendingExtensionRequest(issue: Issue): { workingDays: number; reason: string; at: number } | undefined {
  if (issue.status !== 'transferred') return undefined
  const events = currentAssignment(issue)
  const i = events.findIndex((e) => e.kind === 'extend_request')
  if (i < 0) return undefined
  if (events.slice(i + 1).some((e) => e.kind === 'extend' || e.kind === 'extend_decline')) return undefined
  const e = events[i] as Extract<IssueEvent, { kind: 'extend_request' }>
  return { workingDays: e.workingDays, reason: e.reason, at: e.at }
}

function withDepartment(issue: Issue, department: string): Step | undefined {
  if (issue.status !== 'transferred' || issue.department === undefined || issue.department !== department.trim()) return err('not_with_department')
  return undefined
}

function sign(issue: Issue, department: string, ctx: IssueContext): Step {
  const refused = withDepartment(issue, department)
  if (refused) return refused
  if (signedAt(issue) !== undefined) return err('already_signed', { department: issue.department! })
  return ok({ ...issue, history: push(issue, { ...eventBase(ctx), kind: 'sign', department: issue.department! }) })
}

function giveBack(issue: Issue, a: { department: string; reason: string }, ctx: IssueContext): Step {
  const refused = withDepartment(issue, a.department)
  if (refused) return refused
  const reason = a.reason.trim()
  if (reason === '') return err('return_needs_reason')
  if (tooLong(reason)) return err('too_long', { field: 'reason', max: MAX_TEXT_LENGTH })
  const { department, deadline: _deadline, ...rest } = issue
  return ok({
    ...rest,
    status: 'registered',
    extended: false,
    transferBy: ctx.days.addWorkingDays(ctx.today, FORWARD_WORKING_DAYS),
    history: push(issue, { ...eventBase(ctx), kind: 'return', department: department!, reason }),
  })
}

function extendRequest(issue: Issue, a: { workingDays: number; reason: string }, ctx: IssueContext): Step {
  const refused = issue.department === undefined || issue.status !== 'transferred' ? err('not_with_department') : undefined
  if (refused) return refused
  const n = a.workingDays
  if (!Number.isInteger(n) || n < 1) return err('bad_working_days', { value: n, min: 1, max: MAX_EXTENSION_WORKING_DAYS })
  if (n > MAX_EXTENSION_WORKING_DAYS) return err('extension_too_long', { value: n, max: MAX_EXTENSION_WORKING_DAYS })
  const reason = a.reason.trim()
  if (reason === '') return err('extension_needs_reason')
  if (tooLong(reason)) return err('too_long', { field: 'reason', max: MAX_TEXT_LENGTH })
  if (issue.extended) return err('second_extension', { deadline: issue.deadline! })
  if (currentAssignment(issue).some((e) => e.kind === 'extend_request')) return err('second_extension_request')
  if (ctx.today > issue.deadline!) return err('extension_after_deadline', { deadline: issue.deadline! })
  return ok({ ...issue, history: push(issue, { ...eventBase(ctx), kind: 'extend_request', workingDays: n, reason }) })
}

function extendDecline(issue: Issue, rawReason: string | undefined, ctx: IssueContext): Step {
  if (!pendingExtensionRequest(issue)) return err('no_extension_request')
  const reason = rawReason?.trim() || undefined
  if (reason !== undefined && tooLong(reason)) return err('too_long', { field: 'reason', max: MAX_TEXT_LENGTH })
  return ok({ ...issue, history: push(issue, { ...eventBase(ctx), kind: 'extend_decline', ...(reason ? { reason } : {}) }) })
}

/**
 * The current due date counted again with `days` (a new holiday calendar): from the step that set it
 * (registration or a reopening: 5 working days to forward; a transfer: its working days; a reopening
 * with a department: 30), then each extension of the round on top. Undefined when it does not change,
 * or when the issue has no due date now. Pure.
 */
export function recountDue(issue: Issue, days: WorkingDays): { field: 'transferBy' | 'deadline'; before: LocalDate; after: LocalDate } | undefined {
  const field = issue.status === 'registered' ? 'transferBy' : issue.status === 'transferred' ? 'deadline' : undefined
  const before = field && issue[field]
  if (!field || !before) return undefined
  const dayOf = (at: number) => toLocalDate(at)
  let after: LocalDate | undefined
  for (const e of issue.history) {
    if (field === 'transferBy') {
      if (e.kind === 'register') after = days.addWorkingDays(issue.date, FORWARD_WORKING_DAYS)
      if (e.kind === 'feedback' && e.reopened && issue.department === undefined) after = days.addWorkingDays(dayOf(e.at), FORWARD_WORKING_DAYS)
    } else {
      if (e.kind === 'transfer') after = days.addWorkingDays(dayOf(e.at), e.workingDays)
      if (e.kind === 'feedback' && e.reopened) after = days.addWorkingDays(dayOf(e.at), DEFAULT_ANSWER_WORKING_DAYS)
      if (e.kind === 'extend' && after) after = days.addWorkingDays(after, e.workingDays)
    }
  }
  if (!after || after === before) return undefined
  return { field, before, after }
}

function recalendar(issue: Issue, a: { field: 'transferBy' | 'deadline'; date: LocalDate }, ctx: IssueContext): Step {
  const before = issue[a.field]
  if (!before || (a.field === 'transferBy' ? issue.status !== 'registered' : issue.status !== 'transferred')) return err('nothing_to_correct')
  return ok({ ...issue, [a.field]: a.date, history: push(issue, { ...eventBase(ctx), kind: 'recalendar', field: a.field, before, deadline: a.date }) })
}

/** The date the current step is due: the transfer while registered, the answer while transferred. */
export function dueDate(issue: Issue): LocalDate | undefined {
  if (issue.status === 'registered') return issue.transferBy
  if (issue.status === 'transferred') return issue.deadline
  return undefined
}

/** Past its due date (the day after the due date at the earliest); answered or closed issues never are. */
export function isOverdue(issue: Issue, today: LocalDate): boolean {
  const due = dueDate(issue)
  return due !== undefined && today > due
}

/** Working days from today to the due date: 0 on the day itself, negative once overdue; undefined when nothing is due. */
export function workingDaysLeft(issue: Issue, today: LocalDate, days: WorkingDays): number | undefined {
  const due = dueDate(issue)
  return due === undefined ? undefined : days.workingDaysBetween(today, due)
}

// ---- transitions -------------------------------------------------------------------------------------

type Step = Result<Issue, IssueCode>

function eventBase(ctx: { at: number; by: string; msgId?: string }): { at: number; by: string; msgId?: string } {
  return ctx.msgId !== undefined ? { at: ctx.at, by: ctx.by, msgId: ctx.msgId } : { at: ctx.at, by: ctx.by }
}

function push(issue: Issue, event: IssueEvent): IssueEvent[] {
  return [...issue.history, event]
}

function tooLong(text: string): boolean {
  return text.length > MAX_TEXT_LENGTH && [...text].length > MAX_TEXT_LENGTH
}

/** The issue without its forward-by date (meaningful only while registered). */
function dropTransferBy(issue: Issue): Issue {
  const { transferBy: _dropped, ...rest } = issue
  return rest
}

function refuseOnceAnswered(issue: Issue): Step | undefined {
  if (issue.status === 'answered') return err('already_answered')
  if (issue.status === 'rated') return err('already_rated')
  return undefined
}

function transfer(issue: Issue, a: { department: string; workingDays?: number }, ctx: IssueContext): Step {
  if (issue.status === 'transferred') return err('already_transferred', { department: issue.department ?? '' })
  const refused = refuseOnceAnswered(issue)
  if (refused) return refused
  const department = a.department.trim()
  if (department === '') return err('empty_department')
  const n = a.workingDays ?? DEFAULT_ANSWER_WORKING_DAYS
  if (!Number.isInteger(n) || n < 1 || n > MAX_ANSWER_WORKING_DAYS) {
    return err('bad_working_days', { value: n, min: 1, max: MAX_ANSWER_WORKING_DAYS })
  }
  const deadline = ctx.days.addWorkingDays(ctx.today, n)
  return ok({
    ...dropTransferBy(issue),
    status: 'transferred',
    department,
    deadline,
    history: push(issue, { ...eventBase(ctx), kind: 'transfer', department, workingDays: n, deadline }),
  })
}

function answer(issue: Issue, text: string, ctx: IssueContext): Step {
  if (issue.status === 'rated') return err('already_rated')
  const t = text.trim()
  if (t === '') return err('empty_answer')
  if (tooLong(t)) return err('too_long', { field: 'answer', max: MAX_TEXT_LENGTH })
  const entry: Answer = { at: ctx.at, by: ctx.by, round: issue.round, text: t }
  return ok({
    ...dropTransferBy(issue),
    status: 'answered',
    answers: [...issue.answers, entry],
    history: push(issue, { ...eventBase(ctx), kind: 'answer', round: issue.round }),
  })
}

function onTheSpot(issue: Issue, text: string, ctx: IssueContext): Step {
  if (issue.status === 'transferred') return err('already_transferred', { department: issue.department ?? '' })
  const refused = refuseOnceAnswered(issue)
  if (refused) return refused
  const t = text.trim()
  if (t === '') return err('empty_answer')
  if (tooLong(t)) return err('too_long', { field: 'answer', max: MAX_TEXT_LENGTH })
  return ok({
    ...dropTransferBy(issue),
    status: 'closed_on_spot',
    answers: [...issue.answers, { at: ctx.at, by: ctx.by, round: issue.round, text: t, onTheSpot: true }],
    history: push(issue, { ...eventBase(ctx), kind: 'on_the_spot' }),
  })
}

function feedback(issue: Issue, a: { rating: Rating; comment?: string; reopen?: boolean; solved?: boolean }, ctx: IssueContext): Step {
  if (issue.status === 'registered' || issue.status === 'transferred') return err('rate_before_answer')
  if (issue.status === 'rated') return err('already_rated')
  if (!(RATINGS as readonly string[]).includes(a.rating)) return err('bad_rating', { value: String(a.rating) })
  const comment = a.comment?.trim() || undefined
  if (comment !== undefined && tooLong(comment)) return err('too_long', { field: 'comment', max: MAX_TEXT_LENGTH })
  const solved = typeof a.solved === 'boolean' ? { solved: a.solved } : {}
  const given = { at: ctx.at, by: ctx.by, round: issue.round, rating: a.rating, ...(comment ? { comment } : {}), ...solved }
  const event = { ...eventBase(ctx), kind: 'feedback' as const, round: issue.round, rating: a.rating, ...(comment ? { comment } : {}), ...solved }
  if (a.rating !== '不满意' || a.reopen === false) {
    return ok({ ...issue, status: 'rated', feedback: given, history: push(issue, event) })
  }
  // 不满意: second (third …) handling.
  const round = issue.round + 1
  if (issue.department !== undefined) {
    const deadline = ctx.days.addWorkingDays(ctx.today, DEFAULT_ANSWER_WORKING_DAYS)
    return ok({
      ...issue,
      status: 'transferred',
      round,
      extended: false,
      deadline,
      feedback: given,
      history: push(issue, { ...event, reopened: true, deadline }),
    })
  }
  const transferBy = ctx.days.addWorkingDays(ctx.today, FORWARD_WORKING_DAYS)
  return ok({
    ...issue,
    status: 'registered',
    round,
    extended: false,
    transferBy,
    feedback: given,
    history: push(issue, { ...event, reopened: true, deadline: transferBy }),
  })
}

function extend(issue: Issue, a: { workingDays: number; reason: string }, ctx: IssueContext): Step {
  if (issue.status === 'registered') return err('extend_before_transfer')
  const refused = refuseOnceAnswered(issue)
  if (refused) return refused
  if (issue.deadline === undefined) return err('extend_before_transfer')
  const n = a.workingDays
  if (!Number.isInteger(n) || n < 1) return err('bad_working_days', { value: n, min: 1, max: MAX_EXTENSION_WORKING_DAYS })
  if (n > MAX_EXTENSION_WORKING_DAYS) return err('extension_too_long', { value: n, max: MAX_EXTENSION_WORKING_DAYS })
  const reason = a.reason.trim()
  if (reason === '') return err('extension_needs_reason')
  if (tooLong(reason)) return err('too_long', { field: 'reason', max: MAX_TEXT_LENGTH })
  if (issue.extended) return err('second_extension', { deadline: issue.deadline })
  if (ctx.today > issue.deadline) return err('extension_after_deadline', { deadline: issue.deadline })
  const deadline = ctx.days.addWorkingDays(issue.deadline, n)
  return ok({
    ...issue,
    deadline,
    extended: true,
    history: push(issue, { ...eventBase(ctx), kind: 'extend', workingDays: n, reason, deadline }),
  })
}

function contact(issue: Issue, a: { note: string; reached: boolean }, ctx: IssueContext): Step {
  const note = a.note.trim()
  if (note === '') return err('empty_note')
  if (tooLong(note)) return err('too_long', { field: 'note', max: MAX_TEXT_LENGTH })
  const reached = a.reached === true
  return ok({
    ...issue,
    contactAttempts: [...issue.contactAttempts, { at: ctx.at, by: ctx.by, reached, note }],
    history: push(issue, { ...eventBase(ctx), kind: 'contact', reached }),
  })
}

function archive(issue: Issue, rawReason: string | undefined, ctx: IssueContext): Step {
  if (issue.status === 'registered' || issue.status === 'transferred') return err('archive_before_answer')
  const reason = rawReason?.trim() || undefined
  if (reason !== undefined && tooLong(reason)) return err('too_long', { field: 'reason', max: MAX_TEXT_LENGTH })
  if (issue.status === 'answered') {
    const lastAnswer = issue.answers[issue.answers.length - 1]
    const failed = issue.contactAttempts.some((c) => !c.reached && c.at >= (lastAnswer?.at ?? 0))
    if (!failed) return err('archive_before_feedback')
    if (reason === undefined) return err('archive_needs_reason')
  }
  return ok({
    ...issue,
    status: 'archived',
    ...(reason ? { archiveReason: reason } : {}),
    history: push(issue, { ...eventBase(ctx), kind: 'archive', ...(reason ? { reason } : {}) }),
  })
}

function correct(issue: Issue, fields: IssueCorrection, ctx: IssueContext): Step {
  const next: Issue = { ...issue, constituent: { ...issue.constituent } }
  const changes: { field: CorrectableField; from?: string; to?: string }[] = []
  const note = (field: CorrectableField, from: string | undefined, to: string | undefined): void => {
    changes.push({ field, ...(from ? { from } : {}), ...(to ? { to } : {}) })
  }

  if (fields.name !== undefined) {
    const name = fields.name.trim()
    if (name === '') return err('missing_name')
    if (/\d/.test(name) || [...name].length > MAX_NAME_LENGTH) return err('bad_name', { max: MAX_NAME_LENGTH })
    if (name !== issue.constituent.name) {
      note('name', issue.constituent.name, name)
      next.constituent.name = name
    }
  }
  if (fields.phone !== undefined) {
    const raw = fields.phone.trim()
    let phone: string | undefined
    if (raw !== '') {
      const found = findPhones(raw, true)
      if (found.length !== 1 || !found[0].phone) return err('bad_phone', { value: raw })
      phone = found[0].phone
    }
    if (phone !== issue.constituent.phone) {
      note('phone', issue.constituent.phone, phone)
      if (phone) next.constituent.phone = phone
      else delete next.constituent.phone
    }
  }
  if (fields.address !== undefined) {
    const address = fields.address.trim() || undefined
    if (address !== undefined && tooLong(address)) return err('too_long', { field: 'address', max: MAX_TEXT_LENGTH })
    if (address !== issue.constituent.address) {
      note('address', issue.constituent.address, address)
      if (address) next.constituent.address = address
      else delete next.constituent.address
    }
  }
  if (fields.content !== undefined) {
    const content = fields.content.trim()
    if (content === '') return err('empty_content')
    if (tooLong(content)) return err('too_long', { field: 'content', max: MAX_TEXT_LENGTH })
    if (content !== issue.content) {
      note('content', issue.content, content)
      next.content = content
    }
  }
  if (fields.category !== undefined) {
    const category = fields.category.trim()
    if (category === '') return err('empty_category')
    if (category !== issue.category || issue.categoryGuessed) {
      note('category', issue.category, category)
      next.category = category
      next.categoryGuessed = false
    }
  }
  if (fields.department !== undefined) {
    if (issue.department === undefined) return err('department_before_transfer')
    const department = fields.department.trim()
    if (department === '') return err('empty_department')
    if (department !== issue.department) {
      note('department', issue.department, department)
      next.department = department
    }
  }
  if (changes.length === 0) return err('nothing_to_correct')
  next.history = push(issue, { ...eventBase(ctx), kind: 'correct', changes })
  return ok(next)
}

function withdraw(issue: Issue, rawReason: string | undefined, ctx: IssueContext): Step {
  const reason = rawReason?.trim() || undefined
  if (reason !== undefined && tooLong(reason)) return err('too_long', { field: 'reason', max: MAX_TEXT_LENGTH })
  return ok({
    ...dropTransferBy(issue),
    status: 'withdrawn',
    ...(reason ? { withdrawReason: reason } : {}),
    history: push(issue, { ...eventBase(ctx), kind: 'withdraw', ...(reason ? { reason } : {}) }),
  })
}
