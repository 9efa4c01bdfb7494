/**
 * `/状态` (admins, privately): the bot's own health — the WeChat connection and since when, the
 * logged-in account, messages queued, the last message to each studio's group and the liaison group,
 * the holiday calendar's coverage for this year and next, whether the data folder is writable and its
 * free space, and today's sends (account and busiest group).
 */
import { promises as fs, constants } from 'node:fs'
import { defineCommand } from './command.js'
import { noArgs } from './args.js'
import { zh } from '../text/zh-CN.js'
import { toLocalDate, toLocalTime } from '../domain/time/local-date.js'

const when = (at: number) => `${toLocalDate(at)} ${toLocalTime(at)}`

export const showStatus = defineCommand({
  name: '状态',
  roles: ['admin'],
  where: 'private',
  help: zh.status.cmd,
  args: noArgs,
  async run(_input, deps) {
    const t = zh.status
    const now = deps.clock.now()
    const s = deps.botStatus?.()
    const lines: string[] = [t.title]
    const c = s?.connection
    if (c) {
      lines.push(t.connection(t.states[c.state] ?? c.state, c.since ? when(c.since) : undefined))
      if (c.account) lines.push(t.account(c.account.name, c.account.id))
    } else lines.push(t.connectionUnknown)
    lines.push(t.queued(s?.queued ?? 0))
    lines.push(t.lastPostsHeader)
    const roomName = new Map<string, string>()
    for (const studio of deps.directory.studios) {
      const room = deps.directory.roomOf(studio.id)
      if (!room) {
        lines.push(t.unboundStudio(studio.name))
        continue
      }
      roomName.set(room, studio.name)
      const at = s?.lastPostTo.get(room)
      lines.push(s?.removedRooms?.has(room) ? t.removed(studio.name) : t.lastPost(studio.name, at === undefined ? undefined : when(at)))
    }
    const liaison = deps.directory.liaisonRoom()
    if (liaison) {
      roomName.set(liaison, zh.identity.liaisonName)
      const at = s?.lastPostTo.get(liaison)
      lines.push(t.lastPost(zh.identity.liaisonName, at === undefined ? undefined : when(at)))
    }
    const year = Number(toLocalDate(now).slice(0, 4))
    lines.push(t.calendar([year, year + 1].map((y) => ({ year: y, covered: deps.calendars.district.isYearCovered(y) }))))
    const dir = deps.store.dir
    const writable = await fs.access(dir, constants.W_OK).then(() => true, () => false)
    const free = await fs.statfs(dir).then((st) => Math.floor((st.bavail * st.bsize) / 1024 / 1024), () => undefined)
    lines.push(t.data(dir, writable, free))
    const today = s?.sentToday
    let busiest: { room: string; n: number } | undefined
    for (const [room, n] of today?.byRoom ?? []) if (!busiest || n > busiest.n) busiest = { room: roomName.get(room) ?? room, n }
    lines.push(t.sentToday(today?.total ?? 0, busiest))
    if (s?.budget) lines.push(t.budget(s.budget.account, s.budget.perGroup, s.budget.deferred))
    return lines.join('\n')
  },
})
