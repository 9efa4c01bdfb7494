import { defineCommand } from './command.js'
import { dateArgs } from './args.js'
import { zh } from '../text/zh-CN.js'
import { actor, refuseSwap, sessionFor } from './swap-common.js'
import { dateShort } from '../text/posts/roster.js'
import { cancelNoticePost } from '../text/posts/swaps.js'
import { refuse } from '../text/refusals.js'

/** The exactly-once marker of a session's cancellation notice. */
export const cancelMarker = (sessionId: string): string => `cancel:${sessionId}`

/**
 * `/取消接待 12月25日 社区停电检修`: a coordinator cancels a session that has not started, with a reason.
 * The session is never staffed, announced or corrected again; its open requests lapse with it; the group
 * gets a notice (through the outbox, exactly once) @mentioning the representatives who were on duty.
 */
export const cancelSession = defineCommand({
  name: '取消接待',
  roles: ['coordinator'],
  needsStudio: true,
  mutates: true,
  help: zh.swaps.cmd.cancel,
  args: dateArgs(zh.swaps.cmd.cancel),
  async run({ args, ctx }, deps) {
    const t = zh.swaps
    const studio = ctx.studio!
    const reason = args.rest
    if (!reason) throw refuse('swaps.needReason')
    const s = await sessionFor(deps, ctx, studio, args.dateText)
    const room = deps.directory.roomOf(studio.id)
    const r = await deps.swaps.cancelSession(s.id, reason, actor(ctx))
    if (!r.ok) {
      // A crash after the cancellation and before its notice: the next attempt posts the notice owed.
      if (r.code === 'session.already-cancelled' && room && s.cancelled && !deps.outbox.has(cancelMarker(s.id))) {
        await deps.outbox.post(cancelMarker(s.id), [cancelNoticePost(deps.directory, studio, s, s.cancelled.reason, deps.roster.isAnnounced(s), room)], ctx.now)
      }
      return refuseSwap(deps, r, 'cancel', studio)
    }
    if (room) await deps.outbox.post(cancelMarker(s.id), [cancelNoticePost(deps.directory, studio, r.value.session, reason, r.value.announced, room)], ctx.now)
    const voided = r.value.closed.length ? [t.requestsVoided(r.value.closed.length)] : []
    // In the group the notice is the answer; privately the coordinator is told it went out.
    if (ctx.chat.kind === 'group' && room) return voided.length ? voided.join('\n') : null
    return [t.cancelDone(dateShort(s.date), !!room), ...voided].join('\n')
  },
})
