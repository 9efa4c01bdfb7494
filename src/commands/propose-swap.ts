import { defineCommand } from './command.js'
import type { ReplyMessage } from '../messages/message.js'
import { swapArgs } from './args.js'
import { zh } from '../text/zh-CN.js'
import { actor, personArg, refuseSwap, repHere, sessionFor } from './swap-common.js'
import { requestOut } from './swap-request-out.js'

/**
 * `/换班 12月10日 12月25日 @王建国 [理由]`: the asker sits 12月10日, 王建国 sits 12月25日; once he answers
 * `/同意 <编号>` both sessions change together (all or nothing). Until then nothing changes.
 */
export const proposeSwap = defineCommand({
  name: '换班',
  roles: ['representative'],
  needsStudio: true,
  mutates: true,
  help: zh.swaps.cmd.swap,
  args: swapArgs(zh.swaps.cmd.swap),
  async run({ args, ctx }, deps) {
    const t = zh.swaps
    const studio = ctx.studio!
    const me = repHere(ctx, studio)
    const mine = await sessionFor(deps, ctx, studio, args.dateText)
    const theirs = await sessionFor(deps, ctx, studio, args.theirsText)
    const target = personArg(deps, args.who, args.mentions, studio.id)
    const r = await deps.swaps.propose(
      { kind: 'swap', sessionId: mine.id, otherSessionId: theirs.id, from: me.id, to: target.id, reason: args.reason },
      actor(ctx),
    )
    if (!r.ok) return refuseSwap(deps, r, 'request', studio)
    if (r.value.existing) return t.requestExists(r.value.request.id)
    const out: ReplyMessage[] = requestOut(deps, ctx, r.value.request, mine, theirs)
    return out
  },
})
