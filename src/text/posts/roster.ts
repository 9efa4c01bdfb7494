/**
 * How sessions read in chat: dates with weekday, "18:00–20:00", a representative as 姓名 单位 职务, and the
 * group posts built from them (the announcement, its correction). All wording comes from zh.roster; this
 * file only picks the values. Dates and times are Asia/Shanghai wall times as stored.
 */
import type { Person, Session, Studio } from '../../domain/model.js'
import { distinguishing } from '../../domain/directory/distinct-names.js'
import type { People } from './people.js'
import type { OutgoingMessage } from '../../messages/message.js'
import { isoWeekday, splitDate, yearOf, type LocalDate } from '../../domain/time/local-date.js'
import { zh } from '../zh-CN.js'

/** 2026年12月10日（周四） */
export function dateLong(date: LocalDate): string {
  const [y, m, d] = splitDate(date)
  return zh.common.dateLong(y, m, d, zh.common.weekdays[isoWeekday(date)])
}

/** 12月10日（周四） */
export function dateShort(date: LocalDate): string {
  const [, m, d] = splitDate(date)
  return zh.common.dateShort(m, d, zh.common.weekdays[isoWeekday(date)])
}

/** `HH:mm` plus minutes, on a 24-hour dial (a session never runs past midnight in practice). */
export function addMinutes(time: string, minutes: number): string {
  const [h, m] = time.split(':').map(Number)
  const total = (((h * 60 + m + minutes) % 1440) + 1440) % 1440
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`
}

/** 18:00–20:00 */
export function timeRange(s: Pick<Session, 'time' | 'durationMinutes'>): string {
  return zh.roster.timeRange(s.time, addMinutes(s.time, s.durationMinutes))
}

/**
 * A person's name (their id when they are no longer in the directory); where others share it, with what
 * tells them apart: 张伟（卫健委）, or 张伟（编号 p13） when unit and position are the same too.
 */
export function nameOf(directory: People, personId: string): string {
  const p = directory.person(personId)
  if (!p) return personId
  return nameTold(p, directory.namesakes(p.name))
}

/** The name, told apart from `namesakes` (the others of that name) if there are any. */
export function nameTold(p: Person, namesakes: readonly Person[]): string {
  const everyone = namesakes.some((x) => x.id === p.id) ? namesakes : [...namesakes, p]
  if (everyone.length < 2) return p.name
  return zh.roster.namesake(p.name, distinguishing(p, everyone) ?? zh.roster.namesakeId(p.id))
}

/** 张明华、李秀兰, or （暂无） for nobody. */
export function names(directory: People, ids: string[]): string {
  return ids.length ? zh.roster.nameList(ids.map((id) => nameOf(directory, id))) : zh.roster.nobody
}

/** 张明华　和平区教育局 副局长 */
export function personLine(directory: People, personId: string): string {
  const p = directory.person(personId)
  return p ? zh.roster.person(p.name, p.unit, p.position) : personId
}

/** The duty in a list line: names, and the open seats if any. */
export function dutyText(directory: People, s: Session): string {
  const missing = Math.max(0, s.required - s.duty.length)
  const listed = s.duty.length ? names(directory, s.duty) : zh.roster.tbd
  return missing > 0 && s.duty.length ? `${listed}（${zh.roster.missing(missing)}）` : listed
}

/** WeChat contact ids of the people (those bound to a contact). */
export function contactsOf(directory: People, personIds: string[]): string[] {
  return personIds.map((id) => directory.contactOf(id)).filter((c): c is string => c !== undefined)
}

/** The duty announcement for the studio's group, @mentioning the duty representatives. */
export function announcementPost(directory: People, studio: Studio, s: Session, roomId: string, late: boolean, provisional = false): OutgoingMessage {
  const body = zh.roster.announcement({
    studio: studio.name,
    date: dateLong(s.date),
    time: timeRange(s),
    place: s.place,
    people: s.duty.map((id) => personLine(directory, id)),
    missing: Math.max(0, s.required - s.duty.length),
  })
  // The duty representatives are asked to confirm (/确认值班, or a quoted reply to this post).
  const asked = s.duty.length ? `${body}\n${zh.duty.announcementAsk}` : body
  // A session in a year without the State Council's notice: constituents learn the date may still move.
  const text = provisional ? `${asked}\n${zh.calendar.announcementNote(yearOf(s.date))}` : asked
  return { to: { roomId }, text: late ? zh.common.resend + text : text, mentions: contactsOf(directory, s.duty) }
}

/** The correction of an announced session: what was announced, what holds now, who is in and out. */
export function correctionPost(directory: People, studio: Studio, s: Session, before: string[], roomId: string, note?: string): OutgoingMessage {
  const added = s.duty.filter((p) => !before.includes(p))
  const removed = before.filter((p) => !s.duty.includes(p))
  const text = zh.roster.correction({
    studio: studio.name,
    date: dateLong(s.date),
    time: timeRange(s),
    before: names(directory, before),
    after: dutyText(directory, s),
    added: added.map((id) => nameOf(directory, id)),
    removed: removed.map((id) => nameOf(directory, id)),
    note,
  })
  return { to: { roomId }, text, mentions: contactsOf(directory, [...s.duty, ...removed]) }
}

/** The 更正 post for an announced session moved off a new day off (a loaded holiday notice). */
export function movedSessionPost(directory: People, studio: Studio, from: Session, to: Session, roomId: string): OutgoingMessage {
  const text = zh.calendar.movedPost({ studio: studio.name, from: dateLong(from.date), to: dateLong(to.date), time: timeRange(to), place: to.place, duty: dutyText(directory, to) })
  return { to: { roomId }, text, mentions: contactsOf(directory, to.duty) }
}
