/**
 * Calendar arithmetic in Asia/Shanghai, independent of the machine's TZ.
 *
 * A `LocalDate` is an ISO calendar date string `YYYY-MM-DD` in Asia/Shanghai; a `LocalTime` is `HH:mm`.
 * Instants are epoch milliseconds. Shanghai has been UTC+8 without daylight saving since 1991, so local
 * fields are the UTC fields of `instant + 8 h`; no Intl/TZ lookup is needed or wanted.
 */
export type LocalDate = string
export type LocalTime = string

export const SHANGHAI_OFFSET_MS = 8 * 3600_000
const DAY_MS = 86_400_000

const pad = (n: number, w = 2): string => String(n).padStart(w, '0')

/** An instant in Shanghai time with its offset (`2026-12-02T04:48:00.123+08:00`): the log's timestamps. */
export function beijingStamp(instant: number): string {
  return new Date(instant + SHANGHAI_OFFSET_MS).toISOString().replace('Z', '+08:00')
}

/** Local date of an instant (Asia/Shanghai). */
export function toLocalDate(instant: number): LocalDate {
  const d = new Date(instant + SHANGHAI_OFFSET_MS)
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`
}

/** Local wall time `HH:mm` of an instant (Asia/Shanghai). */
export function toLocalTime(instant: number): LocalTime {
  const d = new Date(instant + SHANGHAI_OFFSET_MS)
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`
}

/** The instant at which a local date and wall time happen in Asia/Shanghai. */
export function toInstant(date: LocalDate, time: LocalTime = '00:00'): number {
  const [y, m, d] = splitDate(date)
  const [hh, mm] = time.split(':').map(Number)
  return Date.UTC(y, m - 1, d, hh, mm) - SHANGHAI_OFFSET_MS
}

export function makeDate(year: number, month: number, day: number): LocalDate {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`
}

export function splitDate(date: LocalDate): [number, number, number] {
  const [y, m, d] = date.split('-').map(Number)
  return [y, m, d]
}

/** True for a real calendar date in `YYYY-MM-DD` form (rejects 2026-02-30). */
export function isValidDate(date: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return false
  const [y, m, d] = splitDate(date)
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m)
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

export function addDays(date: LocalDate, days: number): LocalDate {
  const [y, m, d] = splitDate(date)
  const t = new Date(Date.UTC(y, m - 1, d) + days * DAY_MS)
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`
}

/** Whole days from `a` to `b` (positive when b is later). */
export function daysBetween(a: LocalDate, b: LocalDate): number {
  const [ya, ma, da] = splitDate(a)
  const [yb, mb, db] = splitDate(b)
  return Math.round((Date.UTC(yb, mb - 1, db) - Date.UTC(ya, ma - 1, da)) / DAY_MS)
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: LocalDate): number {
  const [y, m, d] = splitDate(date)
  const w = new Date(Date.UTC(y, m - 1, d)).getUTCDay()
  return w === 0 ? 7 : w
}

/** The Monday of the week holding `date` (weeks run Monday–Sunday, as Chinese offices count them). */
export function weekStart(date: LocalDate): LocalDate {
  return addDays(date, 1 - isoWeekday(date))
}

export function yearOf(date: LocalDate): number {
  return Number(date.slice(0, 4))
}

/** `YYYY-MM` of a date. */
export function monthKey(date: LocalDate): string {
  return date.slice(0, 7)
}
