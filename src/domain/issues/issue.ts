/**
 * A constituent's issue (群众反映的问题): the paper 《联系党员群众登记表》 as plain JSON, plus the history of
 * every step taken on it. Kept flat and compact because a district stores ~200,000 of them over ten
 * years: optional fields are omitted rather than set to `undefined`, free texts live in exactly one place
 * (answers and contact notes in their arrays, not again in `history`).
 *
 * Times: `at`/`createdAt` are epoch milliseconds; `LocalDate` is `YYYY-MM-DD` in Asia/Shanghai.
 */
import type { LocalDate } from '../time/local-date.js'

/**
 * Working-day arithmetic on the State Council calendar (调休 included), implemented elsewhere.
 * Contract this folder relies on:
 * - `addWorkingDays(d, n)`: the n-th working day strictly after `d` (n ≥ 1); `d` itself never counts,
 *   whether or not it is a working day.
 * - `workingDaysBetween(a, b)`: the number of working days in (a, b] when a ≤ b, and minus the number in
 *   (b, a] when b < a; so `workingDaysBetween(a, addWorkingDays(a, n)) === n`.
 */
export interface WorkingDays { isWorkingDay(d: LocalDate): boolean; addWorkingDays(d: LocalDate, n: number): LocalDate; workingDaysBetween(a: LocalDate, b: LocalDate): number }

/**
 * registered 登记 → transferred 转办 → answered 答复 → rated 反馈 → archived 归档;
 * closed_on_spot 当场解答 (registered and closed at once); withdrawn 撤销 (a mistaken or withdrawn entry).
 */
export type IssueStatus = 'registered' | 'transferred' | 'answered' | 'rated' | 'archived' | 'closed_on_spot' | 'withdrawn'

export const RATINGS = ['满意', '基本满意', '不满意'] as const
export type Rating = (typeof RATINGS)[number]

/** The constituent as written on the form. Personal information: show only masked in groups. */
export interface Constituent {
  name: string
  /** Normalised: mobile `13812345678`, landline `022-12345678`, local `23456789`. */
  phone?: string
  address?: string
}

/** What `/登记` yields once parsed: the part of the form the registrar typed. */
export interface Intake {
  constituent: Constituent
  content: string
  category: string
  /** True when no category was stated and it was guessed from keywords (ask the registrar to confirm). */
  categoryGuessed: boolean
  /** The answer given on the spot (当场答复), which closes the issue at registration. */
  onTheSpot?: string
}

export interface Answer {
  at: number
  by: string
  /** Handling round the answer belongs to (1, then 2 for a second handling …). */
  round: number
  text: string
  /** Given on the spot at the reception, not by a department. */
  onTheSpot?: true
}

export interface Feedback {
  at: number
  by: string
  round: number
  rating: Rating
  comment?: string
  /** The constituent's 是否解决 answer (已解决 true / 未解决 false), when asked (web callback, /反馈). */
  solved?: boolean
}

export interface ContactAttempt {
  at: number
  by: string
  /** Whether the constituent was reached (for feedback); a failed attempt may justify archiving unrated. */
  reached: boolean
  note: string
}

/** Fields `correct` may change. `''` clears phone or address. */
export interface IssueCorrection {
  name?: string
  phone?: string
  address?: string
  content?: string
  category?: string
  department?: string
}
export type CorrectableField = keyof IssueCorrection

interface EventBase {
  at: number
  /** Person id, or 'system'. */
  by: string
  /** The inbound WeChat message that caused the step; a replay of it is refused (`duplicate_message`). */
  msgId?: string
}

export type IssueEvent = EventBase &
  (
    | { kind: 'register' }
    | { kind: 'on_the_spot' }
    | { kind: 'transfer'; department: string; workingDays: number; deadline: LocalDate }
    | { kind: 'answer'; round: number }
    | { kind: 'feedback'; round: number; rating: Rating; comment?: string; solved?: boolean; reopened?: true; deadline?: LocalDate }
    /** 签收: the department signed for the work order (starts the response clock); by its web link. */
    | { kind: 'sign'; department: string }
    /** 退单: the department sent it back (wrong department); the coordinator transfers it again. */
    | { kind: 'return'; department: string; reason: string }
    /** 申请延期: the department asked for more working days (once per round); the coordinator decides. */
    | { kind: 'extend_request'; workingDays: number; reason: string }
    /** The coordinator declined the department's 申请延期 (an approval is an `extend`). */
    | { kind: 'extend_decline'; reason?: string }
    /** The warning ladder: 催办 (yellow, due soon) and 督办 (red, overdue for the configured working days). */
    | { kind: 'urge'; level: 'yellow' | 'red' }
    | { kind: 'extend'; workingDays: number; reason: string; deadline: LocalDate }
    /** The due date counted again on a new holiday calendar (a State Council notice was loaded). */
    | { kind: 'recalendar'; field: 'transferBy' | 'deadline'; before: LocalDate; deadline: LocalDate }
    | { kind: 'contact'; reached: boolean }
    | { kind: 'archive'; reason?: string }
    | { kind: 'correct'; changes: { field: CorrectableField; from?: string; to?: string }[] }
    | { kind: 'withdraw'; reason?: string }
  )
export type IssueEventKind = IssueEvent['kind']

export interface Issue {
  /** `HP-2026-0042`: studio prefix, year, sequence (at least 4 digits). */
  id: string
  studioId: string
  year: number
  seq: number
  createdAt: number
  /** Registration date (Asia/Shanghai). */
  date: LocalDate
  /** Person id of whoever typed `/登记`. */
  registrar: string
  /** Person ids of the representatives on duty that day. */
  dutyReps: string[]
  constituent: Constituent
  content: string
  category: string
  categoryGuessed: boolean
  status: IssueStatus
  /** Forward-by date while `registered`: the transfer is due within 5 working days (转交时限). */
  transferBy?: LocalDate
  /** 承办单位, once transferred. */
  department?: string
  /** The department's answer deadline (办理时限), working days, extension included. */
  deadline?: LocalDate
  /** The deadline was extended in the current round. */
  extended: boolean
  /** 1, then 2 for a second handling after 不满意, … */
  round: number
  answers: Answer[]
  /** The latest rating; earlier rounds' ratings stay in `history`. */
  feedback?: Feedback
  contactAttempts: ContactAttempt[]
  archiveReason?: string
  withdrawReason?: string
  history: IssueEvent[]
}

/** `HP-2026-0042`. Sequences past 9999 simply grow a digit. */
export function formatIssueId(prefix: string, year: number, seq: number): string {
  return `${prefix}-${year}-${String(seq).padStart(4, '0')}`
}

/** Reads what a user types (`hp-2026-42` too); the caller looks the issue up by the formatted id. */
export function parseIssueId(text: string): { prefix: string; year: number; seq: number; id: string } | undefined {
  const m = /^\s*([A-Za-z]{2,3})-(\d{4})-(\d{1,6})\s*$/.exec(text)
  if (!m) return undefined
  const prefix = m[1].toUpperCase()
  const year = Number(m[2])
  const seq = Number(m[3])
  if (seq < 1) return undefined
  return { prefix, year, seq, id: formatIssueId(prefix, year, seq) }
}
