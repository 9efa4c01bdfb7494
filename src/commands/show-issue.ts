import { defineCommand } from './command.js'
import { zh } from '../text/zh-CN.js'
import { issueArgs, loadIssue, seesFull } from './issue-common.js'
import { renderRecord } from '../text/posts/issues.js'

/** `/查询 HP-2026-0001`: the record and its history; in full only privately to coordinators and admins. */
export const showIssue = defineCommand({
  name: '查询',
  roles: ['representative', 'coordinator'],
  help: zh.issues.cmd.query,
  args: issueArgs(zh.issues.cmd.query),
  async run({ args, ctx }, deps) {
    const issue = await loadIssue(deps, ctx, args.id)
    return renderRecord(deps, issue, ctx.today, seesFull(ctx, issue.studioId))
  },
})
