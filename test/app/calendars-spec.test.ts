/**
 * The calendars as plain data (Calendars.spec, for the ledger's worker thread) rebuild the same calendars
 * (calendarsFromSpec): the district's extra days, a studio's own, a loaded State Council notice, and a
 * studio not in the directory (the district's calendar).
 */
import { Calendars } from '../../src/app/calendars.js'
import { calendarsFromSpec } from '../../src/domain/calendar/working-calendar.js'
import { addDays } from '../../src/domain/time/local-date.js'
import type { Studio } from '../../src/domain/model.js'

const studio = (id: string, extraHolidays: string[], extraWorkdays: string[] = []): Studio =>
  ({ id, name: id, prefix: 'XX', reception: {} as Studio['reception'], extraHolidays, extraWorkdays }) as Studio

test('the same working days from the spec as from the calendars, for every studio and the district', () => {
  const district = { extraHolidays: ['2027-03-08'], extraWorkdays: ['2027-03-13'] }
  const studios = [studio('hpl', [...district.extraHolidays, '2027-04-20'], district.extraWorkdays), studio('qyl', district.extraHolidays, [...district.extraWorkdays, '2027-04-24'])]
  const notice = { holidays: ['2027-05-03', '2027-05-04', '2027-05-05'], workdays: ['2027-04-25'] }
  const cals = new Calendars(() => studios, district, new Map([[2027, notice]]))
  const spec = cals.spec()
  expect(JSON.parse(JSON.stringify(spec))).toEqual(spec)
  const fromSpec = calendarsFromSpec(spec)
  const days: string[] = []
  for (let d = '2027-03-01'; d <= '2027-05-31'; d = addDays(d, 1)) days.push(d)
  for (const id of ['hpl', 'qyl', 'nowhere', undefined]) {
    const a = cals.of(id)
    const b = fromSpec(id)
    expect([id, days.filter((d) => a.isWorkingDay(d))]).toEqual([id, days.filter((d) => b.isWorkingDay(d))])
    expect(b.workingDaysBetween('2027-03-01', '2027-05-31')).toBe(a.workingDaysBetween('2027-03-01', '2027-05-31'))
  }
  // The differences are real: the studio's own holiday, the notice's make-up Sunday.
  expect(fromSpec('hpl').isWorkingDay('2027-04-20')).toBe(false)
  expect(fromSpec('qyl').isWorkingDay('2027-04-20')).toBe(true)
  expect(fromSpec('qyl').isWorkingDay('2027-04-25')).toBe(true)
  expect(fromSpec('nowhere').isWorkingDay('2027-03-08')).toBe(false)
})
