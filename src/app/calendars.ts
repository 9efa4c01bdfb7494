/**
 * One working-day calendar per studio (district extras plus the studio's own), built once and cached.
 */
import { createWorkingCalendar, type WorkingCalendar } from '../domain/calendar/working-calendar.js'
import type { Studio } from '../domain/model.js'

export class Calendars {
  private byStudio = new Map<string, WorkingCalendar>()
  readonly district: WorkingCalendar

  constructor(private readonly studios: () => Studio[], districtExtras: { extraHolidays: string[]; extraWorkdays: string[] }) {
    this.district = createWorkingCalendar(districtExtras)
  }

  of(studioId: string | undefined): WorkingCalendar {
    if (!studioId) return this.district
    let cal = this.byStudio.get(studioId)
    if (!cal) {
      const s = this.studios().find((x) => x.id === studioId)
      cal = s ? createWorkingCalendar({ extraHolidays: s.extraHolidays, extraWorkdays: s.extraWorkdays }) : this.district
      this.byStudio.set(studioId, cal)
    }
    return cal
  }
}
