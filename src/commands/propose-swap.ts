import { defineCommand, UserError } from './command.js'
import type { ReplyMessage } from '../messages/message.js'
import { rawArgs } from './args.js'
import { zh } from '../text/zh-CN.js'
import { actor, personArg, refuse, repHere, restAfter, sessionFor } from './swap-common.js'
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
  args: rawArgs,
  async run({ args, ctx }, deps) {
    const t = zh.swaps
    const c = t.cmd.swap
    const studio = ctx.studio!
    const me = repHere(ctx, studio)
    const [mineText, theirsText, who] = args.tokens
    if (!mineText || !theirsText) throw new UserError(t.usage(c.usage, c.example))
    if (!who) throw new UserError(t.needTarget(c.usage, c.example))
    const mine = await sessionFor(deps, ctx, studio, mineText)
    const theirs = await sessionFor(deps, ctx, studio, theirsText)
    const target = personArg(deps, who, [...args.mentions], studio.id)
    const r = await deps.swaps.propose(
      { kind: 'swap', sessionId: mine.id, otherSessionId: theirs.id, from: me.id, to: target.id, reason: restAfter(args.text, who) },
      actor(ctx),
    )
    if (!r.ok) return refuse(deps, r, 'request', studio)
    if (r.value.existing) return t.requestExists(r.value.request.id)
    const out: ReplyMessage[] = requestOut(deps, ctx, r.value.request, mine, theirs)
    return out
  },
})
