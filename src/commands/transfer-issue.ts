import { defineCommand } from './command.js'
import { zh } from '../text/zh-CN.js'
import { MAX_ANSWER_WORKING_DAYS } from '../domain/issues/issue-machine.js'
import { issueArgs, loadIssue, parseWorkingDays, resolveDepartment, step } from './issue-common.js'
import { fmtDate } from '../text/posts/issues.js'
import { refuse } from '../text/refusals.js'
import { issueWorkOrderLink } from '../app/work-orders.js'
import { qrPng } from '../app/qr.js'
import { yearOf } from '../domain/time/local-date.js'
import type { ReplyMessage } from '../messages/message.js'

/**
 * `/转办 HP-2026-0001 区房管局 [20]`: to a configured department, deadline in working days. With the web
 * side on, the coordinator also gets the department's work-order link and its QR image privately (never in
 * the group), made in the same transaction as the transfer; an earlier link of the issue is void.
 */
export const transferIssue = defineCommand({
  name: '转办',
  roles: ['coordinator'],
  mutates: true,
  help: zh.issues.cmd.transfer,
  args: issueArgs(zh.issues.cmd.transfer),
  async run({ args, ctx }, deps) {
    const t = zh.issues
    const help = t.cmd.transfer
    const parts = args.rest.split(/[\s,，、;；]+/u).filter(Boolean)
    if (parts.length === 0) throw refuse('common.badArgs', '转办', help.usage, help.example)
    // `区房管局 10 个工作日`: the number and its unit written apart are one count of days.
    if (parts.length > 2 && /^\d+$/u.test(parts[parts.length - 2]) && t.words.dayUnits.includes(parts[parts.length - 1])) parts.splice(-2, 2, parts.slice(-2).join(''))
    // `区房管局 10 多余 参数`: the days are not last, so words follow them — ask again rather than glue
    // the words into the department and drop the days.
    if (parts.slice(1, -1).some((p) => parseWorkingDays(p) !== undefined)) throw refuse('common.badArgs', '转办', help.usage, help.example)
    let days: number | undefined
    if (parts.length > 1) {
      days = parseWorkingDays(parts[parts.length - 1])
      if (days !== undefined) parts.pop()
    }
    const typed = parts.join('')
    const issue = await loadIssue(deps, ctx, args.id)
    // `区房管局 abc`: a department, then a word that is no number of days — ask again rather than guess.
    const before = parts.slice(0, -1).join('')
    if (days === undefined && parts.length > 1 && !deps.config.issues.departments.includes(typed) && deps.config.issues.departments.includes(before)) {
      throw refuse('issues.action.bad_working_days', { value: parts[parts.length - 1], min: 1, max: MAX_ANSWER_WORKING_DAYS })
    }
    const department = resolveDepartment(deps, typed)
    const workingDays = days ?? Math.min(deps.config.issues.deadlineWorkingDays, MAX_ANSWER_WORKING_DAYS)
    const next = await step(deps, ctx, issue, { type: 'transfer', department, workingDays })
    // A deadline in a year without the State Council's notice is counted on the provisional calendar: say so.
    const year = yearOf(next.deadline!)
    const provisional = deps.calendars.of(next.studioId).sourceOf(year) === 'provisional'
    const text = t.transferred(next.id, department, workingDays, fmtDate(next.deadline!, ctx.today)) + (provisional ? `\n${t.provisionalDeadline(year)}` : '')
    const reply = department === typed ? text : `${text}\n${t.departmentResolved(typed, department)}`
    if (!deps.config.web.enabled) return reply
    const link = await issueWorkOrderLink(deps, next)
    const me = { contactId: ctx.asker.contactId }
    const privately: ReplyMessage[] = [
      { to: me, text: zh.web.chat.workOrderLink(next.id, department, link.url, fmtDate(next.deadline!, ctx.today)) },
      { to: me, text: '', file: { name: zh.web.chat.qrName(next.id), data: await qrPng(link.url) } },
    ]
    const here = ctx.chat.kind === 'group' ? `${reply}\n${zh.web.chat.linkPrivately}` : reply
    return [{ text: here }, ...privately]
  },
})
