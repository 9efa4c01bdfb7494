import { defineCommand } from './command.js'
import { zh } from '../text/zh-CN.js'
import { pendingExtensionRequest } from '../domain/issues/issue-machine.js'
import { asTyped, issueArgs, loadIssue, meaningful, step } from './issue-common.js'
import { refuse } from '../text/refusals.js'

/** `/驳回延期 HP-2026-0001 [理由]`: the coordinator declines the department's 申请延期; the deadline stays. */
export const declineExtension = defineCommand({
  name: '驳回延期',
  aliases: ['不同意延期'],
  roles: ['coordinator'],
  mutates: true,
  help: zh.web.cmd.decline,
  args: issueArgs(zh.web.cmd.decline),
  async run({ args, ctx }, deps) {
    const issue = await loadIssue(deps, ctx, args.id)
    if (!pendingExtensionRequest(issue)) throw refuse('web.chat.noPendingRequest', issue.id)
    const reason = asTyped(ctx, meaningful(args.rest))
    const next = await step(deps, ctx, issue, { type: 'extend_decline', ...(reason ? { reason } : {}) })
    return zh.web.chat.extensionDeclined(next.id)
  },
})
