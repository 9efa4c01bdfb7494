import { defineCommand } from './command.js'
import { requestArgs } from './args.js'
import { zh } from '../text/zh-CN.js'
import { actor, coordinates, refuseSwap } from './swap-common.js'

/** `/撤回 7`: the asker (or a coordinator of the studio) takes back an open substitute or swap request. */
export const withdrawRequest = defineCommand({
  name: '撤回',
  roles: ['representative', 'coordinator'],
  needsStudio: true,
  mutates: true,
  help: zh.swaps.cmd.withdraw,
  args: requestArgs(zh.swaps.cmd.withdraw),
  async run({ args, ctx }, deps) {
    const t = zh.swaps
    const studio = ctx.studio!
    const { id } = args
    const req = await deps.swaps.find(id)
    const who = ctx.asker.person?.id ?? ctx.asker.contactId
    const r = await deps.swaps.withdraw(id, who, !!req && coordinates(ctx, req.studioId), actor(ctx))
    if (!r.ok) return refuseSwap(deps, r, 'withdraw', studio, id)
    return t.withdrawn(id)
  },
})
