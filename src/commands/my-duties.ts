import { defineCommand } from './command.js'
import { noArgs } from './args.js'
import { zh } from '../text/zh-CN.js'
import { dateShort, names, timeRange, nameOf } from '../text/posts/roster.js'
import { yearOf } from '../domain/time/local-date.js'
import type { Deps } from '../app/deps.js'

function provisionalNote(deps: Deps, years: number[]): string[] {
  const provisional = deps.calendars.provisional(years)
  return provisional.length ? [zh.roster.yearUncovered(provisional)] : []
}

/** `/我的值班`: the asker's own coming duties, with whom they sit (works in a private chat too). */
export const myDuties = defineCommand({
  name: '我的值班',
  roles: ['representative'],
  help: zh.roster.cmd.mine,
  args: noArgs,
  async run({ ctx }, deps) {
    const t = zh.roster
    const me = ctx.asker.person!
    await deps.roster.ensurePlanned(ctx.now)
    const mine = (await deps.roster.dutiesOf(me.id, ctx.today, deps.roster.horizonEnd(ctx.today))).filter((s) => deps.roster.endOf(s) > ctx.now)
    if (mine.length === 0) return t.mineNone(me.name)
    return [
      t.mineHeader(nameOf(deps.directory, me.id)),
      ...mine.map((s) => {
        const studio = deps.directory.studio(s.studioId)?.name ?? s.studioId
        const others = s.duty.filter((p) => p !== me.id)
        return t.mineLine(dateShort(s.date), timeRange(s), studio, others.length ? names(deps.directory, others) : '')
      }),
      // Duties in a year still on the provisional holiday calendar: the dates may move.
      ...provisionalNote(deps, [...new Set(mine.map((s) => yearOf(s.date)))]),
    ].join('\n')
  },
})
