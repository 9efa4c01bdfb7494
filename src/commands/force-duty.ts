import { defineCommand } from './command.js'
import { forceArgs } from './args.js'
import { zh } from '../text/zh-CN.js'
import { actor, personArg, refuseSwap, sessionFor, settleRequests } from './swap-common.js'
import { dateShort, names } from '../text/posts/roster.js'

/**
 * `/调班 12月10日 张三→王五 [理由]`: a coordinator replaces one representative by another, without asking
 * (`→王五` fills an open seat, `张三→` takes 张三 off). Allowed until the session ends, so the record can
 * say who actually sat; recorded as a forced change with the coordinator and the reason, and an announced
 * session gets its correction.
 */
export const forceDuty = defineCommand({
  name: '调班',
  roles: ['coordinator'],
  needsStudio: true,
  mutates: true,
  help: zh.swaps.cmd.force,
  args: forceArgs(zh.swaps.cmd.force),
  async run({ args, ctx }, deps) {
    const t = zh.swaps
    const studio = ctx.studio!
    const s = await sessionFor(deps, ctx, studio, args.dateText)
    const { change, mentions } = args
    const out = change.out ? personArg(deps, change.out, mentions, studio.id) : undefined
    const into = change.in ? personArg(deps, change.in, mentions, studio.id) : undefined
    const r = await deps.swaps.force(s.id, out?.id, into?.id, change.reason, actor(ctx))
    if (!r.ok) return refuseSwap(deps, r, 'force', studio)
    const { session: cur, before, corrected } = r.value
    const notices = await settleRequests(deps, ctx, [cur.id])
    return [{ text: t.forced({ date: dateShort(cur.date), before: names(deps.directory, before), after: names(deps.directory, cur.duty), missing: cur.required - cur.duty.length, corrected }) }, ...notices]
  },
})
