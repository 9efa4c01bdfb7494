import { defineCommand } from './command.js'
import { noArgs } from './args.js'
import { zh } from '../text/zh-CN.js'
import { dateShort, names, timeRange } from '../app/roster-posts.js'

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
      t.mineHeader(me.name),
      ...mine.map((s) => {
        const studio = deps.directory.studio(s.studioId)?.name ?? s.studioId
        const others = s.duty.filter((p) => p !== me.id)
        return t.mineLine(dateShort(s.date), timeRange(s), studio, others.length ? names(deps.directory, others) : '')
      }),
    ].join('\n')
  },
})
