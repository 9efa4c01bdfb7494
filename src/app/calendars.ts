/**
 * One working-day calendar per studio (district extras plus the studio's own), built once and cached,
 * over the holiday sources of working-calendar.ts: the loaded State Council notices (app/holiday-notices.ts),
 * the package's data, the provisional days from the law. Loading a notice (`setNotice`) rebuilds every
 * calendar at once, so the next question any service asks is answered with it (no restart).
 */
import { createWorkingCalendar, type CalendarSpec, type NoticeDays, type WorkingCalendar, type YearSource } from '../domain/calendar/working-calendar.js'
import type { Studio } from '../domain/model.js'

export class Calendars {
  private byStudio = new Map<string, WorkingCalendar>()
  private notices = new Map<number, NoticeDays>()
  private districtCal: WorkingCalendar

  constructor(
    private readonly studios: () => Studio[],
    private readonly districtExtras: { extraHolidays: string[]; extraWorkdays: string[] },
    notices: ReadonlyMap<number, NoticeDays> = new Map(),
  ) {
    for (const [y, n] of notices) this.notices.set(y, n)
    this.districtCal = this.build(districtExtras)
  }

  get district(): WorkingCalendar {
    return this.districtCal
  }

  of(studioId: string | undefined): WorkingCalendar {
    if (!studioId) return this.districtCal
    let cal = this.byStudio.get(studioId)
    if (!cal) {
      const s = this.studios().find((x) => x.id === studioId)
      cal = s ? this.build({ extraHolidays: s.extraHolidays, extraWorkdays: s.extraWorkdays }) : this.districtCal
      this.byStudio.set(studioId, cal)
    }
    return cal
  }

  /** Where the year's days off come from (the district's view; extras are on top everywhere). */
  sourceOf(year: number): YearSource {
    return this.districtCal.sourceOf(year)
  }

  /** Years whose calendar is provisional (no notice, no package data), among `years`. */
  provisional(years: Iterable<number>): number[] {
    return [...years].filter((y) => this.sourceOf(y) === 'provisional')
  }

  notice(year: number): NoticeDays | undefined {
    return this.notices.get(year)
  }

  /** The calendars as plain data (calendarsFromSpec builds the same ones), for work in another thread. */
  spec(): CalendarSpec {
    return {
      district: { extraHolidays: [...(this.districtExtras.extraHolidays ?? [])], extraWorkdays: [...(this.districtExtras.extraWorkdays ?? [])] },
      studios: this.studios().map((s) => ({ id: s.id, extraHolidays: [...s.extraHolidays], extraWorkdays: [...s.extraWorkdays] })),
      notices: [...this.notices].map(([y, n]) => [y, { holidays: [...n.holidays], workdays: [...n.workdays] }]),
    }
  }

  /** Uses a confirmed notice from now on: every calendar is rebuilt with it. */
  setNotice(year: number, days: NoticeDays): void {
    this.notices.set(year, { holidays: [...days.holidays], workdays: [...days.workdays] })
    this.byStudio.clear()
    this.districtCal = this.build(this.districtExtras)
  }

  private build(extras: { extraHolidays?: string[]; extraWorkdays?: string[] }): WorkingCalendar {
    return createWorkingCalendar({ ...extras, notices: new Map(this.notices) })
  }
}
