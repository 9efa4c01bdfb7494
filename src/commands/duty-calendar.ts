import { defineCommand } from './command.js'
import type { ReplyMessage } from '../messages/message.js'
import { noArgs } from './args.js'
import { zh } from '../text/zh-CN.js'
import { makeDate, yearOf } from '../domain/time/local-date.js'

/**
 * `/日历`: an iCal file of reception sessions, Asia/Shanghai times. A coordinator (or an admin, in a
 * studio's group) gets the studio's sessions; a representative their own duties. From 1 January of this
 * year to the planning horizon, so a calendar app also shows what was sat. Asked in a group, the file goes
 * to the asker privately and the group gets one line. Each session keeps its UID; every change raises its
 * SEQUENCE; a cancelled session, or a duty the person no longer has, is sent as STATUS:CANCELLED, so
 * importing the file again updates or drops the event in a phone calendar.
 */
export const dutyCalendar = defineCommand({
  name: '日历',
  aliases: ['ical'],
  roles: ['representative', 'coordinator'],
  help: zh.roster.cmd.calendar,
  args: noArgs,
  async run({ ctx }, deps) {
    const t = zh.roster
    const me = ctx.asker.person
    if (!me) return t.calNoPerson
    const roster = deps.roster
    await roster.ensurePlanned(ctx.now)
    const from = makeDate(yearOf(ctx.today), 1, 1)
    const to = roster.horizonEnd(ctx.today)
    const coordinating = (ctx.asker.roles.includes('coordinator') || ctx.asker.roles.includes('admin')) && ctx.studio !== undefined
    const studio = coordinating ? ctx.studio! : undefined
    // A person's calendar also carries the sessions they came off and cancelled ones, marked CANCELLED.
    const sessions = studio ? await roster.sessionsBetween(studio.id, from, to, { includeCancelled: true }) : await roster.everDutiesOf(me.id, from, to)
    const current = studio ? sessions.length : sessions.filter((s) => !s.cancelled && s.duty.includes(me.id)).length
    if (sessions.length === 0) return t.calNone
    const title = studio ? studio.name : me.name
    const { sessionsToIcal } = await import('../app/roster-ical.js') // loaded on first use, not at start-up
    const data = Buffer.from(
      sessionsToIcal({
        title,
        sessions,
        personId: studio ? undefined : me.id,
        studios: (id) => deps.directory.studio(id),
        directory: deps.directory,
        startOf: (s) => roster.startOf(s),
        endOf: (s) => roster.endOf(s),
        now: ctx.now,
      }),
      'utf8',
    )
    const file: ReplyMessage = { to: { contactId: ctx.asker.contactId }, text: t.calSent(current), file: { name: t.calFile(title), data } }
    if (ctx.chat.kind === 'private') return file
    return [{ text: t.calSentPrivately(me.name) }, file]
  },
})
