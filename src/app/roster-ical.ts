/**
 * Reception sessions as an iCalendar file (ical-generator), every time in Asia/Shanghai:
 * `DTSTART;TZID=Asia/Shanghai:20261210T180000`, with a VTIMEZONE block for calendar apps that need one.
 *
 * Why a small time object instead of a `Date`: given a `Date` and a time zone, ical-generator formats the
 * Date with its local-time getters, i.e. in the machine's TZ, whatever zone it is told. It also accepts
 * any object shaped like a Day.js instance (its exported `ICalDayJsStub`) and formats that with
 * `tz(zone).format(…)`; `ShanghaiTime` is such an object, computed from the instant at UTC+8 (Shanghai
 * has no daylight saving since 1991), so the file is the same on a server in any TZ.
 */
import ical, { ICalCalendarMethod, ICalEventStatus, type ICalDayJsStub } from 'ical-generator'
import { calendarEntries } from '../domain/roster/calendar-entries.js'
import type { Session, Studio } from '../domain/model.js'
import { SHANGHAI_OFFSET_MS } from '../domain/time/local-date.js'
import type { Directory } from './directory.js'
import { dutyText } from '../text/posts/roster.js'
import { zh } from '../text/zh-CN.js'

export const SHANGHAI = 'Asia/Shanghai'

const VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  `TZID:${SHANGHAI}`,
  `X-LIC-LOCATION:${SHANGHAI}`,
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0800',
  'TZOFFSETTO:+0800',
  'TZNAME:CST',
  'DTSTART:19700101T000000',
  'END:STANDARD',
  'END:VTIMEZONE',
].join('\r\n')

const pad = (n: number, w = 2) => String(n).padStart(w, '0')

/** An instant that formats as Asia/Shanghai wall time (or as UTC after `utc()`). */
export class ShanghaiTime implements ICalDayJsStub {
  constructor(
    readonly instant: number,
    private readonly inUtc = false,
  ) {}
  format(fmt = 'YYYY-MM-DDTHH:mm:ss'): string {
    const d = new Date(this.instant + (this.inUtc ? 0 : SHANGHAI_OFFSET_MS))
    const f: Record<string, string> = {
      YYYY: pad(d.getUTCFullYear(), 4),
      MM: pad(d.getUTCMonth() + 1),
      DD: pad(d.getUTCDate()),
      HH: pad(d.getUTCHours()),
      mm: pad(d.getUTCMinutes()),
      ss: pad(d.getUTCSeconds()),
    }
    return fmt.replace(/YYYY|MM|DD|HH|mm|ss/g, (k) => f[k])
  }
  isValid(): boolean {
    return Number.isFinite(this.instant)
  }
  toDate(): Date {
    return new Date(this.instant)
  }
  toJSON(): string {
    return this.toDate().toISOString()
  }
  tz(zone?: string): ShanghaiTime {
    if (zone !== undefined && zone !== SHANGHAI) throw new Error(`ShanghaiTime cannot convert to ${zone}`)
    return new ShanghaiTime(this.instant)
  }
  utc(): ShanghaiTime {
    return new ShanghaiTime(this.instant, true)
  }
}

export interface CalendarInput {
  /** Whose calendar: a person's name or a studio's name. */
  title: string
  sessions: Session[]
  /** A person's calendar (their duties, and the ones they no longer have, cancelled); none: the studio's. */
  personId?: string
  studios: (id: string) => Studio | undefined
  directory: Directory
  startOf: (s: Session) => number
  endOf: (s: Session) => number
  now: number
}

/**
 * The .ics text: one event per session (domain/roster/calendar-entries.ts): UID stable per session, SEQUENCE
 * raised by every change, STATUS:CANCELLED for a cancelled session or a duty the person no longer has.
 */
export function sessionsToIcal(o: CalendarInput): string {
  // No calendar-wide zone name: ical-generator would then write DTSTAMP as a zone-less wall time (RFC 5545
  // wants UTC there). The events carry TZID; the generator still emits their VTIMEZONE block.
  const cal = ical({ name: zh.roster.calName(o.title), method: ICalCalendarMethod.PUBLISH, timezone: { name: null, generator: () => VTIMEZONE } })
  cal.x('X-WR-TIMEZONE', SHANGHAI)
  for (const e of calendarEntries(o.sessions, o.personId)) {
    const s = e.session
    const studio = o.studios(s.studioId)
    const summary = zh.roster.calSummary(studio?.name ?? s.studioId)
    cal.createEvent({
      id: `${s.id}@lianxinqiao`,
      sequence: e.sequence,
      start: new ShanghaiTime(o.startOf(s)),
      end: new ShanghaiTime(o.endOf(s)),
      timezone: SHANGHAI,
      stamp: new ShanghaiTime(o.now),
      summary: e.reason === 'removed' ? zh.roster.calRemoved(summary) : e.reason === 'session' ? zh.roster.calCancelled(summary) : summary,
      location: s.place,
      description: zh.roster.calDescription(dutyText(o.directory, s)),
      status: e.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    })
  }
  return cal.toString()
}
