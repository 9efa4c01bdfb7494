import { defineCommand } from './command.js'
import { zh } from '../text/zh-CN.js'
import { MAX_ANSWER_WORKING_DAYS } from '../domain/issues/issue-machine.js'
import { issueArgs, loadIssue, parseWorkingDays, resolveDepartment, step } from './issue-common.js'
import { fmtDate } from '../text/posts/issues.js'
import { refuse } from '../text/refusals.js'

/** `/转办 HP-2026-0001 区房管局 [20]`: to a configured department, deadline in working days. */
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
    const reply = t.transferred(next.id, department, workingDays, fmtDate(next.deadline!, ctx.today))
    return department === typed ? reply : `${reply}\n${t.departmentResolved(typed, department)}`
  },
})
