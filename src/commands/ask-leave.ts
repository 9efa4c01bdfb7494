import { defineCommand } from './command.js'
import type { ReplyMessage } from '../messages/message.js'
import { dateArgs } from './args.js'
import { zh } from '../text/zh-CN.js'
import { actor, refuseSwap, repHere, sessionFor } from './swap-common.js'
import { dateShort, dutyText, timeRange, nameOf } from '../text/posts/roster.js'
import { leaveCallPost } from '../text/posts/swaps.js'

/** How many representatives the call for a volunteer suggests (and @mentions). */
export const LEAVE_SUGGEST = 3

/**
 * `/请假 12月10日 [理由]`: the asker comes off the session at once and the seat opens (recorded with who,
 * when and the message; an announced session gets its correction). The group is asked for a volunteer,
 * with the fairest representatives suggested and @mentioned; the gap guard keeps asking daily inside its
 * window until the seat is taken.
 */
export const askLeave = defineCommand({
  name: '请假',
  roles: ['representative'],
  needsStudio: true,
  mutates: true,
  help: zh.swaps.cmd.leave,
  args: dateArgs(zh.swaps.cmd.leave),
  async run({ args, ctx }, deps) {
    const t = zh.swaps
    const studio = ctx.studio!
    const me = repHere(ctx, studio)
    const s = await sessionFor(deps, ctx, studio, args.dateText)
    const r = await deps.swaps.leave(s.id, me.id, args.rest, actor(ctx))
    if (!r.ok) return refuseSwap(deps, r, 'leave', studio)
    const { request, outcome } = r.value
    const cur = outcome.session
    const done = [
      t.leaveDone({ name: nameOf(deps.directory, me.id), date: dateShort(cur.date), time: timeRange(cur), id: request.id, duty: dutyText(deps.directory, cur) }),
      ...(outcome.corrected ? [zh.roster.setCorrected] : []),
    ]
    const room = deps.directory.roomOf(studio.id)
    if (!room) return done.join('\n')
    const candidates = await deps.swaps.candidates(cur, [me.id], LEAVE_SUGGEST, ctx.now)
    const call = leaveCallPost(deps.directory, studio, cur, me.id, args.rest, candidates, room)
    const out: ReplyMessage[] = ctx.chat.kind === 'group' ? [{ text: done.join('\n') }, call] : [{ text: [...done, t.leavePrivately].join('\n') }, call]
    return out
  },
})
