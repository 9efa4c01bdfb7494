import { defineCommand } from './command.js'
import { zh } from '../text/zh-CN.js'
import { RATINGS, type Rating } from '../domain/issues/issue.js'
import { asTyped, issueArgs, loadIssue, meaningful, requireHandler, step } from './issue-common.js'
import { fmtDate } from '../text/posts/issues.js'
import { refuse } from '../text/refusals.js'

/** 是否解决 as typed: 已解决 / 未解决 (and 解决了, 没解决), then a separator. */
const SOLVED = new RegExp(`^(${[...zh.issues.words.solved, ...zh.issues.words.unsolved].sort((a, b) => b.length - a.length).join('|')})[\\s,，、:：;；。]*`, 'u')

/**
 * `/反馈 HP-2026-0001 [已解决|未解决] 满意|基本满意|不满意 [意见]`: the constituent's rating; 不满意 reopens the
 * issue. 是否解决 may stand before or right after the rating (`/反馈 … 满意 已解决 …`), or be left out.
 */
export const rateIssue = defineCommand({
  name: '反馈',
  roles: ['representative', 'coordinator'],
  mutates: true,
  help: zh.issues.cmd.feedback,
  args: issueArgs(zh.issues.cmd.feedback),
  async run({ args, ctx }, deps) {
    const t = zh.issues
    let rest = args.rest
    let solved: boolean | undefined
    const takeSolved = () => {
      const m = SOLVED.exec(rest)
      if (!m || solved !== undefined) return
      solved = t.words.solved.includes(m[1])
      rest = rest.slice(m[0].length)
    }
    takeSolved()
    // Longest first: 基本满意 and 不满意 both end in 满意.
    const rating = [...RATINGS].sort((a, b) => b.length - a.length).find((r) => rest.startsWith(r)) as Rating | undefined
    if (!rating) throw refuse('issues.badRating', rest.split(/[\s,，、]/u)[0] ?? '')
    rest = rest.slice(rating.length).replace(/^[\s,，、:：;；。]+/u, '')
    takeSolved()
    const comment = asTyped(ctx, meaningful(rest.replace(/^[\s,，、:：;；。]+/u, '').trim()))
    const issue = await loadIssue(deps, ctx, args.id)
    requireHandler(ctx, issue, '反馈')
    const next = await step(deps, ctx, issue, { type: 'feedback', rating, ...(comment ? { comment } : {}), ...(solved !== undefined ? { solved } : {}) })
    if (next.status === 'rated') return t.rated(next.id, rating)
    const due = next.status === 'transferred' ? next.deadline : next.transferBy
    return t.reopened(next.id, next.round, next.status === 'transferred' ? next.department : undefined, fmtDate(due ?? ctx.today, ctx.today))
  },
})
