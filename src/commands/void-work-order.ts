import { defineCommand } from './command.js'
import { zh } from '../text/zh-CN.js'
import { issueArgs, loadIssue } from './issue-common.js'
import { voidWorkOrderLinks } from '../app/work-orders.js'

/** `/作废工单 HP-2026-0001`: every work-order link of the issue stops opening at once (a link sent to the wrong person). */
export const voidWorkOrder = defineCommand({
  name: '作废工单',
  aliases: ['作废工单链接'],
  roles: ['coordinator'],
  mutates: true,
  help: zh.web.cmd.voidLink,
  args: issueArgs(zh.web.cmd.voidLink),
  async run({ args, ctx }, deps) {
    const issue = await loadIssue(deps, ctx, args.id)
    const n = await voidWorkOrderLinks(deps, issue.id)
    deps.log.info('work order links voided', { id: issue.id, n, by: ctx.asker.person?.id })
    return zh.web.chat.voided(issue.id, n)
  },
})
