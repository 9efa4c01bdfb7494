/**
 * The shapes the whole bot shares. Plain data: everything here is JSON-serialisable and is what the
 * store keeps. Times: `LocalDate`/`LocalTime` in Asia/Shanghai, instants as epoch milliseconds.
 */
import type { LocalDate, LocalTime } from './time/local-date.js'

export type Level = '市级' | '区级' | '镇级'
export type Role = 'representative' | 'coordinator' | 'admin'

/** A person in the directory (from the config or a 花名册 import). `id` is stable, e.g. `p01`. */
export interface Person {
  id: string
  name: string
  unit: string
  position: string
  level?: Level
  phone?: string
  /** Studio whose roster the person sits on (representatives) or runs (coordinators). */
  studioId?: string
  roles: Role[]
  group?: string
  specialty?: string
  active: boolean
}

/** "10日、25日" or "第二个周三" style rules, parsed (see domain/calendar/reception-rule.ts). */
export type ReceptionRule =
  | { kind: 'days'; days: number[] }
  | { kind: 'nth-weekday'; nth: number /* 1..5, or -1 = last */; weekday: number /* ISO 1..7 */ }

export interface ReceptionSettings {
  rules: ReceptionRule[]
  /** Start of a session, `HH:mm` Asia/Shanghai. */
  time: LocalTime
  durationMinutes: number
  place: string
  /** Representatives required at each session (驻室接访人数). */
  perSession: number
  /** Calendar days before the session the duty is announced. */
  announceDaysBefore: number
  /** Wall time of the announcement, `HH:mm`. */
  announceAt: LocalTime
}

export interface Studio {
  id: string
  name: string
  /** Two or three capital letters that start the issue numbers, e.g. `HP` → `HP-2026-0042`. */
  prefix: string
  reception: ReceptionSettings
  extraHolidays: LocalDate[]
  extraWorkdays: LocalDate[]
}

/** One change to a session's duty, kept forever with who and when. */
export interface DutyChange {
  at: number
  by: string // person id, or 'system'
  kind: 'planned' | 'set' | 'leave' | 'substitute' | 'swap' | 'volunteer' | 'force' | 'cancel' | 'restaff' | 'takeback'
  before: string[]
  after: string[]
  note?: string
  /** The chat message that made the change (fed back to the replay guard at start-up). */
  msgId?: string
}

/** One check-in (/签到) at a session. */
export interface Attendance {
  personId: string
  at: number
  by: string
  /** A coordinator's 补签 (for someone else, or after the session): `at` is the session's start. */
  backfill?: true
  /** When a 补签 was recorded. */
  recordedAt?: number
}

/** A duty representative's confirmation that they will come (see domain/roster/duty-confirmation.ts). */
export interface Confirmation {
  personId: string
  /** Epoch ms. */
  at: number
  /** How: the command, a quoted reply to the announcement, or by taking the seat themselves. */
  via: 'command' | 'quote' | 'took-seat'
}

/** A reception session (one studio, one date). `id` = `${studioId}/${date}`. */
export interface Session {
  id: string
  studioId: string
  date: LocalDate
  time: LocalTime
  durationMinutes: number
  place: string
  required: number
  /** Person ids on duty, in seat order. May be shorter than `required` (a gap). */
  duty: string[]
  /** Set when the duty announcement was queued for sending (the exactly-once marker). */
  announcedAt?: number
  /** The duty as it was announced; a later change posts a correction against it. */
  announcedDuty?: string[]
  cancelled?: { at: number; by: string; reason: string }
  /**
   * Check-ins (/签到), one per person at most: `at` epoch ms of the check-in, `by` the person id who
   * recorded it (the representative themselves, or a coordinator for them). Only people on `duty` check in.
   * A representative checks in themselves only from an hour before the session to its end. A coordinator's
   * record for someone else, or after the end, is a 补签 (`backfill`): `at` is then the session's own
   * start and `recordedAt` when it was recorded.
   */
  attendance: Attendance[]
  /**
   * Who of the duty confirmed they will come (/确认值班, a quoted reply to the announcement, or by taking
   * the seat themselves): only people on `duty`; coming off the duty drops one's confirmation.
   */
  confirmations?: Confirmation[]
  history: DutyChange[]
}

/**
 * A representative's duty request (请假/代班/换班), kept forever in the roster partition of its session's
 * year (`roster/<studio>/<year>.json`, `swaps`), beside the sessions. Read by the statistics and the ledger
 * export; the duty changes themselves are in the sessions' `history` (kinds `leave`, `substitute`, `swap`,
 * `volunteer`, `force`, `cancel`), with the request number in their `note`.
 *
 * - `leave` (/请假): the asker came off the session at once and the seat is open; the record stays `open`
 *   until someone takes the seat (`filled`, `decidedBy` = who took it, or `system` when a coordinator's
 *   change filled it) or the session starts with the seat still open (`expired`).
 * - `substitute` (/代班): the asker asks `to` to take their seat on `sessionId`.
 * - `swap` (/换班): the asker (on `sessionId`) and `to` (on `otherSessionId`) exchange sessions.
 * For `substitute` and `swap` nothing changes until `to` answers /同意 (`accepted`) or /拒绝 (`refused`);
 * the asker or a coordinator may withdraw it (`withdrawn`); it lapses at `expiresAt` (`expired`); a
 * cancelled session takes its open requests with it (`cancelled`).
 */
export interface SwapRequest {
  /** The short number people type (`/同意 7`): unique in the district, from `state.counters['swaps.seq']`. */
  id: string
  studioId: string
  kind: 'leave' | 'substitute' | 'swap'
  sessionId: string
  /** For a swap: the other person's session that the asker takes in exchange. */
  otherSessionId?: string
  /** Who asked (person id). */
  from: string
  /** Who must accept (substitute/swap); none for leave (the group is asked). */
  to?: string
  reason?: string
  /** Epoch ms. */
  createdAt: number
  /** Epoch ms: `swaps.expireHours` after `createdAt`, never after the start of a session it touches. */
  expiresAt: number
  /** `superseded`: a substitute or swap request that a duty change made by other means left undoable, closed at once. */
  status: 'open' | 'accepted' | 'refused' | 'withdrawn' | 'expired' | 'filled' | 'superseded' | 'cancelled'
  /** When and by whom (person id, or `system`) the request left `open`. */
  decidedAt?: number
  decidedBy?: string
  /** The chat message that made the request, and the one that decided it (replay guard). */
  msgId?: string
  decidedMsgId?: string
}
