import { defineCommand } from './command.js'
import { zh } from '../text/zh-CN.js'
import { asTyped, inWindow, isCoordinatorOf, isRegistrar, issueArgs, loadIssue, step } from './issue-common.js'
import { refuse } from '../text/refusals.js'

/** `/撤销 HP-2026-0001 [理由]`: the registrant within the correction window; afterwards a coordinator, with a reason. */
export const withdrawIssue = defineCommand({
  name: '撤销',
  roles: ['representative', 'coordinator'],
  mutates: true,
  help: zh.issues.cmd.withdraw,
  args: issueArgs(zh.issues.cmd.withdraw),
  async run({ args, ctx }, deps) {
    const t = zh.issues
    const issue = await loadIssue(deps, ctx, args.id)
    if (!inWindow(ctx, issue, deps)) {
      if (!isCoordinatorOf(ctx, issue.studioId)) {
        throw isRegistrar(ctx, issue) ? refuse('issues.windowOver', '撤销', deps.config.issues.correctionMinutes) : refuse('issues.notHandler', '撤销')
      }
      if (!args.rest) throw refuse('issues.needReason', '撤销', t.cmd.withdraw.example)
    }
    const next = await step(deps, ctx, issue, { type: 'withdraw', ...(args.rest ? { reason: asTyped(ctx, args.rest) } : {}) })
    return t.withdrawn(next.id)
  },
})
