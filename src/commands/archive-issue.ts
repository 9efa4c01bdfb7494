import { defineCommand } from './command.js'
import { zh } from '../text/zh-CN.js'
import { asTyped, issueArgs, loadIssue, step } from './issue-common.js'

/** `/归档 HP-2026-0001 [理由]`: answered and rated, or answered and unreachable after a recorded attempt. */
export const archiveIssue = defineCommand({
  name: '归档',
  roles: ['coordinator'],
  mutates: true,
  help: zh.issues.cmd.archive,
  args: issueArgs(zh.issues.cmd.archive),
  async run({ args, ctx }, deps) {
    const issue = await loadIssue(deps, ctx, args.id)
    const next = await step(deps, ctx, issue, { type: 'archive', ...(args.rest ? { reason: asTyped(ctx, args.rest) } : {}) })
    return zh.issues.archived(next.id)
  },
})
