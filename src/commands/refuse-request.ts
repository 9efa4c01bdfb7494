import { defineCommand } from './command.js'
import type { ReplyMessage } from '../messages/message.js'
import { requestArgs } from './args.js'
import { zh } from '../text/zh-CN.js'
import { actor, refuseSwap, repHere, tell } from './swap-common.js'
import { nameOf } from '../text/posts/roster.js'

/** `/拒绝 7`: the one asked declines; the duty stays and the asker is told. */
export const refuseRequest = defineCommand({
  name: '拒绝',
  roles: ['representative'],
  needsStudio: true,
  mutates: true,
  help: zh.swaps.cmd.refuse,
  args: requestArgs(zh.swaps.cmd.refuse),
  async run({ args, ctx }, deps) {
    const t = zh.swaps
    const studio = ctx.studio!
    const { id } = args
    const me = repHere(ctx, studio)
    const r = await deps.swaps.refuse(id, me.id, actor(ctx))
    if (!r.ok) return refuseSwap(deps, r, 'answer', studio, id)
    const text = t.refused(id, nameOf(deps.directory, me.id), nameOf(deps.directory, r.value.from))
    const asker = deps.directory.contactOf(r.value.from)
    const out: ReplyMessage[] = [{ text, mentions: ctx.chat.kind === 'group' && asker ? [asker] : [] }, ...tell(deps, ctx, r.value.studioId, r.value.from, text)]
    return out
  },
})
