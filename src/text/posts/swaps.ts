/**
 * How duty requests, the call for a volunteer, the gap alert, the cancellation notice and the expiry notice
 * read in chat. All wording comes from zh.swaps; this file picks the values. Instants are shown as
 * Asia/Shanghai wall time (`12月8日（周二） 09:00`).
 */
import type { Session, Studio, SwapRequest } from '../../domain/model.js'
import type { Candidate } from '../../domain/roster/plan-roster.js'
import { splitDate, toLocalDate, toLocalTime, type LocalDate } from '../../domain/time/local-date.js'
import type { People } from './people.js'
import type { OutgoingMessage } from '../../messages/message.js'
import { contactsOf, dateShort, dutyText, nameOf, names, timeRange } from './roster.js'
import { zh } from '../zh-CN.js'

const t = zh.swaps

/** 12月8日（周二） 09:00 */
export function instantText(at: number): string {
  return t.when(dateShort(toLocalDate(at)), toLocalTime(at))
}

/** 12月10日, as people type it back in a command (no weekday). */
export function plainDate(date: LocalDate): string {
  const [, m, d] = splitDate(date)
  return t.plainDate(m, d)
}

/** What a substitute or swap request asks for, as its notice and the expiry notice say it. */
export function requestWhat(directory: People, r: SwapRequest, s: Session, other?: Session): string {
  if (r.kind === 'swap' && other) return t.whatSwap(nameOf(directory, r.from), nameOf(directory, r.to!), dateShort(s.date), dateShort(other.date))
  return t.whatSubstitute(dateShort(s.date), timeRange(s))
}

/** The request as posted for the one asked (@mentioned). */
export function requestNotice(directory: People, r: SwapRequest, s: Session, other?: Session): string {
  return t.requestMade({ id: r.id, from: nameOf(directory, r.from), to: nameOf(directory, r.to!), what: requestWhat(directory, r, s, other), expires: instantText(r.expiresAt) })
}

/** `张三（今年 2 次）、李四（今年 3 次）` */
export function candidateText(directory: People, list: Candidate[]): string[] {
  return list.map((c) => t.candidate(nameOf(directory, c.personId), c.duties))
}

/** The call for a volunteer after a leave, @mentioning the suggested representatives. */
export function leaveCallPost(directory: People, studio: Studio, s: Session, leaver: string, reason: string | undefined, list: Candidate[], roomId: string): OutgoingMessage {
  const text = t.leaveCall({
    studio: studio.name,
    name: nameOf(directory, leaver),
    date: dateShort(s.date),
    plain: plainDate(s.date),
    time: timeRange(s),
    reason,
    missing: Math.max(0, s.required - s.duty.length),
    candidates: candidateText(directory, list),
  })
  return { to: { roomId }, text, mentions: contactsOf(directory, list.map((c) => c.personId)) }
}

export interface GapLine {
  session: Session
  /** People whose leave opened a seat (open leave requests). */
  left: string[]
  /** People on the duty who had not confirmed by the deadline (the seat is at risk). */
  atRisk?: string[]
  candidates: Candidate[]
}

/** The daily gap alert, @mentioning the coordinators, the people on those sessions and those on leave. */
export function gapAlertPost(directory: People, studio: Studio, gaps: GapLine[], windowDays: number, roomId: string): OutgoingMessage {
  const lines = gaps.flatMap((g) => [
    g.session.duty.length < g.session.required
      ? t.gapLine(dateShort(g.session.date), timeRange(g.session), g.session.duty.length ? names(directory, g.session.duty) : zh.roster.tbd, g.session.required - g.session.duty.length)
      : zh.duty.gapRiskLine(dateShort(g.session.date), timeRange(g.session), names(directory, g.session.duty)),
    ...(g.left.length ? [t.gapLeft(names(directory, g.left))] : []),
    ...(g.atRisk?.length ? [zh.duty.gapAtRisk(names(directory, g.atRisk))] : []),
    ...(g.candidates.length ? [t.gapSuggest(candidateText(directory, g.candidates).join(zh.common.listSep))] : []),
  ])
  const people = [...directory.coordinatorsOf(studio.id).map((p) => p.id), ...gaps.flatMap((g) => [...g.session.duty, ...g.left])]
  return { to: { roomId }, text: t.gapAlert({ studio: studio.name, lines, window: windowDays }), mentions: [...new Set(contactsOf(directory, people))] }
}

/** The cancellation notice for the studio's group, @mentioning the duty representatives. */
export function cancelNoticePost(directory: People, studio: Studio, s: Session, reason: string, announced: boolean, roomId: string): OutgoingMessage {
  const text = t.cancelNotice({ studio: studio.name, date: dateShort(s.date), time: timeRange(s), place: s.place, reason, duty: dutyText(directory, s), announced })
  return { to: { roomId }, text, mentions: contactsOf(directory, s.duty) }
}

/** Tells the asker their request was closed because the duty was changed by other means (privately, else in the group). */
export function filledNotice(directory: People, r: SwapRequest, s: Session, other: Session | undefined, roomId: string | undefined): OutgoingMessage | undefined {
  const text = t.filledNotice({ id: r.id, to: nameOf(directory, r.to!), what: requestWhat(directory, r, s, other), duty: dutyText(directory, s) })
  const contact = directory.contactOf(r.from)
  if (contact) return { to: { contactId: contact }, text }
  return roomId ? { to: { roomId }, text: `@${nameOf(directory, r.from)} ${text}` } : undefined
}

/** Tells the asker their request lapsed: privately when their WeChat contact is known, else in the group. */
export function expiredNotice(directory: People, r: SwapRequest, s: Session, other: Session | undefined, roomId: string | undefined): OutgoingMessage | undefined {
  const text = t.expiredNotice({ id: r.id, to: nameOf(directory, r.to!), what: requestWhat(directory, r, s, other) })
  const contact = directory.contactOf(r.from)
  if (contact) return { to: { contactId: contact }, text }
  return roomId ? { to: { roomId }, text: `@${nameOf(directory, r.from)} ${text}` } : undefined
}
