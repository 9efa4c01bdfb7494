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
  kind: 'planned' | 'set' | 'leave' | 'substitute' | 'swap' | 'volunteer' | 'force' | 'cancel' | 'restaff'
  before: string[]
  after: string[]
  note?: string
  /** The chat message that made the change (fed back to the replay guard at start-up). */
  msgId?: string
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
  attendance: { personId: string; at: number; by: string }[]
  history: DutyChange[]
}

/** A duty swap request (换班/代班/请假/顶班). `id` is the short number people type (`/同意 7`). */
export interface SwapRequest {
  id: string
  studioId: string
  kind: 'leave' | 'substitute' | 'swap' | 'volunteer'
  sessionId: string
  /** For a swap: the other person's session that the asker takes in exchange. */
  otherSessionId?: string
  /** Who asked. */
  from: string
  /** Who must accept (substitute/swap); none for leave (the group is asked) or volunteer (auto-checked). */
  to?: string
  reason?: string
  createdAt: number
  expiresAt: number
  status: 'open' | 'accepted' | 'refused' | 'withdrawn' | 'expired' | 'filled'
  decidedAt?: number
  decidedBy?: string
  msgId?: string
}
