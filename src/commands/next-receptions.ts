import { defineCommand } from './command.js'
import { optionalText } from './args.js'
import { zh } from '../text/zh-CN.js'
import { gapNote, sessionLine, studioFor } from './roster-common.js'

/** How many coming sessions `/接待日` lists (two months at two a month). */
export const NEXT_LIMIT = 4

/** `/接待日 [工作室]`: the studio's next sessions with who is on duty. */
export const nextReceptions = defineCommand({
  name: '接待日',
  roles: 'anyone',
  help: zh.roster.cmd.next,
  args: optionalText,
  async run({ args, ctx }, deps) {
    const t = zh.roster
    const studio = studioFor(deps, ctx, args)
    await deps.roster.ensurePlanned(ctx.now)
    const list = await deps.roster.upcoming(studio.id, ctx.now, NEXT_LIMIT)
    if (list.length === 0) return t.nextNone(studio.name)
    return [
      t.nextHeader(studio.name),
      t.placeLine(studio.reception.place),
      ...list.map((s) => sessionLine(deps, s)),
      ...gapNote(deps, studio.id, list[0].date, list.at(-1)!.date),
    ].join('\n')
  },
})

