import { defineCommand } from './command.js'
import { textArg } from './args.js'
import { zh } from '../text/zh-CN.js'
import { actor, coordinates, refuse, requestNumber } from './swap-common.js'

/** `/撤回 7`: the asker (or a coordinator of the studio) takes back an open substitute or swap request. */
export const withdrawRequest = defineCommand({
  name: '撤回',
  roles: ['representative', 'coordinator'],
  needsStudio: true,
  mutates: true,
  help: zh.swaps.cmd.withdraw,
  args: textArg,
  async run({ args, ctx }, deps) {
    const t = zh.swaps
    const studio = ctx.studio!
    const id = requestNumber(args, t.cmd.withdraw.usage, t.cmd.withdraw.example)
    const req = await deps.swaps.find(id)
    const who = ctx.asker.person?.id ?? ctx.asker.contactId
    const r = await deps.swaps.withdraw(id, who, !!req && coordinates(ctx, req.studioId), actor(ctx))
    if (!r.ok) return refuse(deps, r, 'withdraw', studio, id)
    return t.withdrawn(id)
  },
})
