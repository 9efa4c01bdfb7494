/**
 * Open gaps (不得空岗): a studio's sessions in [from, to] that are not cancelled, have not ended at `now`,
 * and have fewer representatives on duty than the session requires. The gap guard alerts about them daily
 * and the weekly follow-up lists them (`openGaps(deps.roster, studio.id, today, addDays(today,
 * config.swaps.gapWindowDays), now)`). Sorted by date.
 */
import type { Session } from '../domain/model.js'
import { atRisk, type ReminderTimes } from '../domain/roster/duty-confirmation.js'
import type { LocalDate } from '../domain/time/local-date.js'
import type { RosterService } from './roster-service.js'

export async function openGaps(roster: RosterService, studioId: string, from: LocalDate, to: LocalDate, now: number): Promise<Session[]> {
  return (await roster.sessionsBetween(studioId, from, to)).filter((s) => s.duty.length < s.required && roster.endOf(s) > now)
}

/**
 * Seats at risk: sessions in [from, to] not started at `now` with representatives on duty who had not
 * confirmed by the deadline (`reminders.confirmBy` the day before; domain/roster/duty-confirmation.ts).
 * The gap guard lists them beside the open gaps. Sorted by date, with the people at risk.
 */
export async function seatsAtRisk(roster: RosterService, studioId: string, from: LocalDate, to: LocalDate, times: ReminderTimes, now: number): Promise<{ session: Session; people: string[] }[]> {
  const out: { session: Session; people: string[] }[] = []
  for (const s of await roster.sessionsBetween(studioId, from, to)) {
    const people = atRisk(s, times, now)
    if (people.length) out.push({ session: s, people })
  }
  return out
}
