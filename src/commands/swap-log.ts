import { defineCommand } from './command.js'
import { noArgs } from './args.js'
import { zh } from '../text/zh-CN.js'
import { dateShort, nameOf } from '../text/posts/roster.js'
import { instantText } from '../text/posts/swaps.js'
import type { Deps } from '../app/deps.js'
import type { SwapRequest } from '../domain/model.js'
import { parseSessionId } from '../domain/roster/session-id.js'

/** Decided requests shown: the last RECENT_DAYS days, at most RECENT_LINES. */
const RECENT_DAYS = 14
const RECENT_LINES = 10

/** `/换班记录`: the studio's open leave, substitute and swap requests, and what was decided lately. */
export const swapLog = defineCommand({
  name: '换班记录',
  roles: ['representative', 'coordinator'],
  needsStudio: true,
  help: zh.swaps.cmd.log,
  args: noArgs,
  async run({ ctx }, deps) {
    const t = zh.swaps
    const studio = ctx.studio!
    const all = await deps.swaps.requestsOf(studio.id, ctx.now)
    const open = all.filter((r) => r.status === 'open' && r.expiresAt > ctx.now)
    const recent = all
      .filter((r) => r.status !== 'open' && (r.decidedAt ?? 0) >= ctx.now - RECENT_DAYS * 86_400_000)
      .sort((a, b) => (b.decidedAt ?? 0) - (a.decidedAt ?? 0))
      .slice(0, RECENT_LINES)
    const lines = [t.logHeader(studio.name)]
    if (open.length === 0) lines.push(t.logNone)
    for (const r of open) lines.push(await openLine(deps, r))
    if (recent.length) {
      lines.push(t.logRecentHeader)
      for (const r of recent) lines.push(t.logDone(r.id, t.kind[r.kind], day(r.sessionId), whoOf(deps, r), t.status[r.status], instantText(r.decidedAt ?? r.createdAt)))
    }
    lines.push(t.logHint)
    return lines.join('\n')
  },
})

const day = (sessionId: string): string => dateShort(parseSessionId(sessionId)!.date)

function whoOf(deps: Deps, r: SwapRequest): string {
  const from = nameOf(deps.directory, r.from)
  return r.to ? zh.swaps.logPair(from, nameOf(deps.directory, r.to)) : from
}

async function openLine(deps: Deps, r: SwapRequest): Promise<string> {
  const t = zh.swaps
  const from = nameOf(deps.directory, r.from)
  const expires = instantText(r.expiresAt)
  if (r.kind === 'leave') {
    const s = await deps.roster.session(r.sessionId)
    return t.logLeave(r.id, day(r.sessionId), from, s ? Math.max(0, s.required - s.duty.length) : 0)
  }
  const to = nameOf(deps.directory, r.to!)
  if (r.kind === 'swap') return t.logSwap(r.id, day(r.sessionId), day(r.otherSessionId!), from, to, expires)
  return t.logSubstitute(r.id, day(r.sessionId), from, to, expires)
}
