import { defineCommand } from './command.js'
import type { ReplyMessage } from '../messages/message.js'
import { dateAndPersonArgs } from './args.js'
import { zh } from '../text/zh-CN.js'
import { actor, personArg, refuseSwap, repHere, sessionFor } from './swap-common.js'
import { requestOut } from './swap-request-out.js'

/**
 * `/代班 12月10日 @李秀兰 [理由]` (or a name or person id): asks 李秀兰 to take the asker's seat. Nothing
 * changes until she answers `/同意 <编号>`; the request lapses after `swaps.expireHours` (always before
 * the session starts).
 */
export const proposeSubstitute = defineCommand({
  name: '代班',
  roles: ['representative'],
  needsStudio: true,
  mutates: true,
  help: zh.swaps.cmd.substitute,
  args: dateAndPersonArgs(zh.swaps.cmd.substitute),
  async run({ args, ctx }, deps) {
    const t = zh.swaps
    const studio = ctx.studio!
    const me = repHere(ctx, studio)
    const s = await sessionFor(deps, ctx, studio, args.dateText)
    const target = personArg(deps, args.who, args.mentions, studio.id)
    const r = await deps.swaps.propose({ kind: 'substitute', sessionId: s.id, from: me.id, to: target.id, reason: args.reason }, actor(ctx))
    if (!r.ok) return refuseSwap(deps, r, 'request', studio)
    if (r.value.existing) return t.requestExists(r.value.request.id)
    const out: ReplyMessage[] = requestOut(deps, ctx, r.value.request, s)
    return out
  },
})
