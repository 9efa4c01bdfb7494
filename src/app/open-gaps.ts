/**
 * Open gaps (不得空岗): a studio's sessions in [from, to] that are not cancelled, have not ended at `now`,
 * and have fewer representatives on duty than the session requires. The gap guard alerts about them daily
 * and the weekly follow-up lists them (`openGaps(deps.roster, studio.id, today, addDays(today,
 * config.swaps.gapWindowDays), now)`). Sorted by date.
 */
import type { Session } from '../domain/model.js'
import type { LocalDate } from '../domain/time/local-date.js'
import type { RosterService } from './roster-service.js'

export async function openGaps(roster: RosterService, studioId: string, from: LocalDate, to: LocalDate, now: number): Promise<Session[]> {
  return (await roster.sessionsBetween(studioId, from, to)).filter((s) => s.duty.length < s.required && roster.endOf(s) > now)
}
