import { defineCommand } from './command.js'
import { noArgs } from './args.js'
import { zh } from '../text/zh-CN.js'
import { seesFull } from './issue-common.js'
import { listLine } from '../text/posts/issues.js'

/** How many issues one reply lists (the rest are counted). */
export const LIST_LIMIT = 20

/** `/我的登记`: what I registered this year, and earlier ones still open, newest first. */
export const myIssues = defineCommand({
  name: '我的登记',
  roles: ['representative', 'coordinator'],
  help: zh.issues.cmd.mine,
  args: noArgs,
  async run({ ctx }, deps) {
    const t = zh.issues
    const mine = await deps.issues.registeredBy(ctx.asker.person!.id)
    if (mine.length === 0) return t.mineNone
    const shown = mine.slice(0, LIST_LIMIT)
    return [
      t.mineHeader(mine.length),
      ...shown.map((i) => listLine(deps, i, ctx.today, seesFull(ctx, i.studioId))),
      ...(mine.length > shown.length ? [t.more(mine.length - shown.length)] : []),
    ].join('\n')
  },
})
