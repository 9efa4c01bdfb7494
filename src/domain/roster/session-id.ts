/** A session's id is `<studio>/<date>` (`hpl/2026-12-10`): one session per studio and day. */
import type { LocalDate } from '../time/local-date.js'

export const sessionIdOf = (studioId: string, date: LocalDate): string => `${studioId}/${date}`

/** studio id and date of a session id (`hpl/2026-12-10`). */
export function parseSessionId(id: string): { studioId: string; date: LocalDate } | undefined {
  const at = id.lastIndexOf('/')
  if (at <= 0) return undefined
  const date = id.slice(at + 1)
  return /^\d{4}-\d{2}-\d{2}$/.test(date) ? { studioId: id.slice(0, at), date } : undefined
}
