import { defineCommand } from './command.js'
import { dateArgs } from './args.js'
import { zh } from '../text/zh-CN.js'
import { actor, refuseSwap, repHere, sessionFor, settleRequests } from './swap-common.js'
import { dateShort, dutyText, nameOf } from '../text/posts/roster.js'

/**
 * `/顶班 12月10日`: the asker takes an open seat at once, first come first served (the service checks and
 * changes the duty in one locked step, with compare-and-set): of two volunteers for the last seat exactly
 * one gets it, the other is told who did. An open leave on the session is marked filled by the volunteer.
 */
export const volunteer = defineCommand({
  name: '顶班',
  roles: ['representative'],
  needsStudio: true,
  mutates: true,
  help: zh.swaps.cmd.volunteer,
  args: dateArgs(zh.swaps.cmd.volunteer),
  async run({ args, ctx }, deps) {
    const t = zh.swaps
    const studio = ctx.studio!
    const me = repHere(ctx, studio, t.notRepVolunteer(studio.name))
    const s = await sessionFor(deps, ctx, studio, args.dateText)
    const r = await deps.swaps.volunteer(s.id, me.id, actor(ctx))
    if (!r.ok) return refuseSwap(deps, r, 'volunteer', studio)
    const { session: cur, corrected } = r.value.outcome
    const notices = await settleRequests(deps, ctx, [cur.id])
    return [{ text: t.volunteered({ name: nameOf(deps.directory, me.id), date: dateShort(cur.date), duty: dutyText(deps.directory, cur), missing: cur.required - cur.duty.length, corrected }) }, ...notices]
  },
})
