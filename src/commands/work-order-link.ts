import { defineCommand } from './command.js'
import { zh } from '../text/zh-CN.js'
import { issueArgs, loadIssue } from './issue-common.js'
import { issueWorkOrderLink } from '../app/work-orders.js'
import { qrPng } from '../app/qr.js'
import { fmtDate } from '../text/posts/issues.js'
import { refuse } from '../text/refusals.js'

/**
 * `/工单链接 HP-2026-0001`: a new work-order link and QR for the issue's current transfer, privately;
 * the earlier link is void (lost, forwarded to the wrong person, or the department was corrected).
 */
export const workOrderLink = defineCommand({
  name: '工单链接',
  roles: ['coordinator'],
  mutates: true,
  help: zh.web.cmd.newLink,
  args: issueArgs(zh.web.cmd.newLink),
  async run({ args, ctx }, deps) {
    const issue = await loadIssue(deps, ctx, args.id)
    if (issue.status !== 'transferred' || !issue.department) throw refuse('web.chat.notTransferred', issue.id)
    const link = await issueWorkOrderLink(deps, issue)
    const me = { contactId: ctx.asker.contactId }
    return [
      ...(ctx.chat.kind === 'group' ? [{ text: zh.web.chat.linkPrivately }] : []),
      { to: me, text: zh.web.chat.workOrderLink(issue.id, issue.department, link.url, fmtDate(issue.deadline!, ctx.today)) },
      { to: me, text: '', file: { name: zh.web.chat.qrName(issue.id), data: await qrPng(link.url) } },
    ]
  },
})
