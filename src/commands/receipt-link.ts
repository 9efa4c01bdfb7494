import { defineCommand } from './command.js'
import { zh } from '../text/zh-CN.js'
import { isCoordinatorOf, isRegistrar, issueArgs, loadIssue } from './issue-common.js'
import { receiptPath } from '../app/receipts.js'
import { qrPng } from '../app/qr.js'
import { refuse } from '../text/refusals.js'

/**
 * `/回执 HP-2026-0001`: the constituent's lookup link and its QR image, privately, to forward or print
 * (coordinators of the studio, admins and the registrant). Asked in a group, only a pointer goes there.
 */
export const receiptLink = defineCommand({
  name: '回执',
  roles: ['representative', 'coordinator'],
  help: zh.web.cmd.receipt,
  args: issueArgs(zh.web.cmd.receipt),
  async run({ args, ctx }, deps) {
    const issue = await loadIssue(deps, ctx, args.id)
    if (!isCoordinatorOf(ctx, issue.studioId) && !isRegistrar(ctx, issue)) throw refuse('issues.notHandler', '回执')
    if (!issue.constituent.phone) throw refuse('web.chat.receiptNoPhone', issue.id)
    const url = deps.web.url(receiptPath(issue.id))
    const me = { contactId: ctx.asker.contactId }
    return [
      ...(ctx.chat.kind === 'group' ? [{ text: zh.web.chat.receiptPrivately }] : []),
      { to: me, text: zh.web.chat.receipt(issue.id, url) },
      { to: me, text: '', file: { name: zh.web.chat.receiptName(issue.id), data: await qrPng(url) } },
    ]
  },
})
