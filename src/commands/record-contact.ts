import { defineCommand } from './command.js'
import { zh } from '../text/zh-CN.js'
import { asTyped, issueArgs, loadIssue, meaningful, requireHandler, step } from './issue-common.js'
import { refuse } from '../text/refusals.js'

/** `/联系 HP-2026-0001 未联系上 <说明>`: a contact attempt; failed ones allow archiving unrated. */
export const recordContact = defineCommand({
  name: '联系',
  roles: ['representative', 'coordinator'],
  mutates: true,
  help: zh.issues.cmd.contact,
  args: issueArgs(zh.issues.cmd.contact),
  async run({ args, ctx }, deps) {
    const t = zh.issues
    // Longest first: 未联系上 contains 联系上.
    const words = [...t.words.notReached.map((w) => ({ w, reached: false })), ...t.words.reached.map((w) => ({ w, reached: true }))].sort(
      (a, b) => b.w.length - a.w.length,
    )
    const hit = words.find((x) => args.rest.startsWith(x.w))
    if (!hit) throw refuse('issues.badContact')
    const note = asTyped(ctx, meaningful(args.rest.slice(hit.w.length).replace(/^[\s,，、:：;；。]+/u, '').trim()))
    const issue = await loadIssue(deps, ctx, args.id)
    requireHandler(ctx, issue, '联系')
    // A bare 无人接听 is its own note.
    const next = await step(deps, ctx, issue, { type: 'recordContactAttempt', reached: hit.reached, note: note || (hit.reached ? '' : hit.w) })
    return t.contacted(next.id, hit.reached)
  },
})
