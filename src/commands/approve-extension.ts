import { defineCommand } from './command.js'
import { zh } from '../text/zh-CN.js'
import { pendingExtensionRequest } from '../domain/issues/issue-machine.js'
import { issueArgs, loadIssue, step } from './issue-common.js'
import { fmtDate } from '../text/posts/issues.js'
import { refuse } from '../text/refusals.js'

/**
 * `/同意延期 HP-2026-0001`: the coordinator approves the department's 申请延期 from its work order: the
 * same step as `/延期` with the days and reason the department gave (the configured maximum applies).
 */
export const approveExtension = defineCommand({
  name: '同意延期',
  roles: ['coordinator'],
  mutates: true,
  help: zh.web.cmd.approve,
  args: issueArgs(zh.web.cmd.approve),
  async run({ args, ctx }, deps) {
    const issue = await loadIssue(deps, ctx, args.id)
    const asked = pendingExtensionRequest(issue)
    if (!asked) throw refuse('web.chat.noPendingRequest', issue.id)
    const max = deps.config.issues.maxExtensionWorkingDays
    if (asked.workingDays > max) throw refuse('issues.action.extension_too_long', { value: asked.workingDays, max })
    const next = await step(deps, ctx, issue, { type: 'extend', workingDays: asked.workingDays, reason: asked.reason })
    return zh.web.chat.extensionApproved(next.id, asked.workingDays, fmtDate(next.deadline!, ctx.today))
  },
})
