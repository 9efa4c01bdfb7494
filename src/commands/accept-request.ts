import { defineCommand } from './command.js'
import type { ReplyMessage } from '../messages/message.js'
import { requestArgs } from './args.js'
import { zh } from '../text/zh-CN.js'
import { actor, refuseSwap, repHere, settleRequests, tell } from './swap-common.js'
import { dateShort, dutyText } from '../text/posts/roster.js'

/**
 * `/同意 7`: the one asked accepts a substitute or swap request; the duty changes now (both sessions of a
 * swap together), recorded with who asked, who accepted, when and the message, and an announced session
 * gets its correction. Refused, with why and no change, when the request is someone else's, closed,
 * lapsed, or no longer fits the duty (another accepted request or a coordinator got there first).
 */
export const acceptRequest = defineCommand({
  name: '同意',
  roles: ['representative'],
  needsStudio: true,
  mutates: true,
  help: zh.swaps.cmd.accept,
  args: requestArgs(zh.swaps.cmd.accept),
  async run({ args, ctx }, deps) {
    const t = zh.swaps
    const studio = ctx.studio!
    const { id } = args
    const me = repHere(ctx, studio)
    const r = await deps.swaps.accept(id, me.id, actor(ctx))
    if (!r.ok) return refuseSwap(deps, r, 'accept', studio, id)
    const { request, outcomes } = r.value
    const text = t.accepted({
      id,
      lines: outcomes.map((o) => t.dutyNow(dateShort(o.session.date), dutyText(deps.directory, o.session))),
      corrected: outcomes.some((o) => o.corrected),
    })
    const asker = deps.directory.contactOf(request.from)
    const notices = await settleRequests(deps, ctx, outcomes.map((o) => o.session.id))
    const out: ReplyMessage[] = [{ text, mentions: ctx.chat.kind === 'group' && asker ? [asker] : [] }, ...tell(deps, ctx, request.studioId, request.from, text), ...notices]
    return out
  },
})
