/**
 * How the duty desk reads: the partners of a duty with whether they confirmed, the private reminder with
 * its handoff digest (issues masked as for any representative: surname + 某, phones hidden, the privacy
 * rule of src/commands/issue-common.ts), the coordinator's notice of an unconfirmed seat. Wording from
 * zh.duty; this file picks the values.
 */
import type { Session, Studio } from '../../domain/model.js'
import type { Issue } from '../../domain/issues/issue.js'
import { isConfirmed } from '../../domain/roster/duty-confirmation.js'
import type { LocalDate } from '../../domain/time/local-date.js'
import type { People } from './people.js'
import { dateShort, dutyText, nameOf, timeRange } from './roster.js'
import { plainDate, instantText } from './swaps.js'
import { listLine, type IssueTextDeps } from './issues.js'
import { zh } from '../zh-CN.js'

const t = zh.duty

/** How many open issues the handoff lists (the rest are counted). */
export const HANDOFF_OPEN = 8

/** The others on the duty, each with 已确认 / 未确认; empty when the person sits alone. */
export function partnersText(directory: People, s: Session, personId: string): string {
  return s.duty
    .filter((p) => p !== personId)
    .map((p) => (isConfirmed(s, p) ? t.partnerConfirmed(nameOf(directory, p)) : t.partnerPending(nameOf(directory, p))))
    .join(zh.common.listSep)
}

export interface Handoff {
  open: Issue[]
  last?: { date: LocalDate; issues: Issue[] }
}

/** The private reminder to one duty representative (never full constituent data: a representative's private view). */
export function reminderText(deps: IssueTextDeps & { directory: People }, studio: Studio, s: Session, personId: string, eve: boolean, handoff: Handoff, today: LocalDate): string {
  const line = (i: Issue) => listLine(deps, i, today, false)
  const open = handoff.open.slice(0, HANDOFF_OPEN)
  return t.reminder({
    eve,
    studio: studio.name,
    date: dateShort(s.date),
    time: timeRange(s),
    place: s.place,
    partners: partnersText(deps.directory, s, personId),
    confirmed: isConfirmed(s, personId),
    plain: plainDate(s.date),
    open: open.map(line),
    openMore: handoff.open.length - open.length,
    openTotal: handoff.open.length,
    last: handoff.last && { date: dateShort(handoff.last.date), lines: handoff.last.issues.map(line) },
  })
}

/** The coordinators' private notice: `personId` has not confirmed by the deadline. */
export function unconfirmedText(directory: People, studio: Studio, s: Session, personId: string, deadline: number): string {
  return t.unconfirmedNotice({ studio: studio.name, date: dateShort(s.date), plain: plainDate(s.date), time: timeRange(s), name: nameOf(directory, personId), duty: dutyText(directory, s), deadline: instantText(deadline) })
}
