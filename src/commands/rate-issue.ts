import { defineCommand } from './command.js'
import { zh } from '../text/zh-CN.js'
import { RATINGS, type Rating } from '../domain/issues/issue.js'
import { asTyped, issueArgs, loadIssue, meaningful, requireHandler, step } from './issue-common.js'
import { fmtDate } from '../text/posts/issues.js'
import { refuse } from '../text/refusals.js'

/** `/反馈 HP-2026-0001 满意|基本满意|不满意 [意见]`: the constituent's rating; 不满意 reopens the issue. */
export const rateIssue = defineCommand({
  name: '反馈',
  roles: ['representative', 'coordinator'],
  mutates: true,
  help: zh.issues.cmd.feedback,
  args: issueArgs(zh.issues.cmd.feedback),
  async run({ args, ctx }, deps) {
    const t = zh.issues
    // Longest first: 基本满意 and 不满意 both end in 满意.
    const rating = [...RATINGS].sort((a, b) => b.length - a.length).find((r) => args.rest.startsWith(r)) as Rating | undefined
    if (!rating) throw refuse('issues.badRating', args.rest.split(/[\s,，、]/u)[0] ?? '')
    const comment = asTyped(ctx, meaningful(args.rest.slice(rating.length).replace(/^[\s,，、:：;；。]+/u, '').trim()))
    const issue = await loadIssue(deps, ctx, args.id)
    requireHandler(ctx, issue, '反馈')
    const next = await step(deps, ctx, issue, { type: 'feedback', rating, ...(comment ? { comment } : {}) })
    if (next.status === 'rated') return t.rated(next.id, rating)
    const due = next.status === 'transferred' ? next.deadline : next.transferBy
    return t.reopened(next.id, next.round, next.status === 'transferred' ? next.department : undefined, fmtDate(due ?? ctx.today, ctx.today))
  },
})
