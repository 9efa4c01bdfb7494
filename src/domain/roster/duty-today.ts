/**
 * Who is on duty today (/今天值班): today's session of the studio, if any (cancelled or over included, so
 * the answer can say so), and the next session after it that is not cancelled. Pure; instants in epoch ms,
 * dates Asia/Shanghai.
 */
import type { Session } from '../model.js'
import { toInstant, toLocalDate } from '../time/local-date.js'

export interface DutyToday {
  today?: Session
  /** Today's session has ended (its duty is what was, not what will be). */
  todayOver: boolean
  next?: Session
}

export function dutyToday(sessions: readonly Session[], now: number): DutyToday {
  const date = toLocalDate(now)
  const sorted = [...sessions].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
  const today = sorted.find((s) => s.date === date)
  const next = sorted.find((s) => s.date > date && !s.cancelled)
  const todayOver = !!today && toInstant(today.date, today.time) + today.durationMinutes * 60_000 <= now
  return { today, todayOver, next }
}
