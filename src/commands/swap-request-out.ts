/**
 * Where a new substitute or swap request is shown: in the group it was made in, @mentioning the one asked;
 * from a private chat, privately to the one asked (else in the studio's group), with a line for the asker.
 */
import type { CommandContext } from './command.js'
import type { ReplyMessage } from '../messages/message.js'
import type { Deps } from '../app/deps.js'
import type { Session, SwapRequest } from '../domain/model.js'
import { requestNotice } from '../text/posts/swaps.js'
import { nameOf } from '../text/posts/roster.js'
import { zh } from '../text/zh-CN.js'
import { tell } from './swap-common.js'

export function requestOut(deps: Deps, ctx: CommandContext, r: SwapRequest, s: Session, other?: Session): ReplyMessage[] {
  const text = requestNotice(deps.directory, r, s, other)
  if (ctx.chat.kind === 'group') {
    const contact = deps.directory.contactOf(r.to!)
    return [{ text, mentions: contact ? [contact] : [] }]
  }
  return [...tell(deps, ctx, r.studioId, r.to!, text), { text: zh.swaps.requestSentPrivately(r.id, nameOf(deps.directory, r.to!)) }]
}
