import { defineCommand } from './command.js'
import { zh } from '../text/zh-CN.js'
import { MAX_EXTENSION_WORKING_DAYS } from '../domain/issues/issue-machine.js'
import { asTyped, issueArgs, loadIssue, parseWorkingDays, step } from './issue-common.js'
import { fmtDate } from '../text/posts/issues.js'
import { refuse } from '../text/refusals.js'

/** `/延期 HP-2026-0001 10 <理由>`: once per handling round, at most 15 working days (config may say less). */
export const extendIssue = defineCommand({
  name: '延期',
  roles: ['coordinator'],
  mutates: true,
  help: zh.issues.cmd.extend,
  args: issueArgs(zh.issues.cmd.extend),
  async run({ args, ctx }, deps) {
    const t = zh.issues
    const m = /^(\S+?)(?:[\s,，、:：;；]+(.*))?$/su.exec(args.rest)
    if (!m) throw refuse('common.badArgs', '延期', t.cmd.extend.usage, t.cmd.extend.example)
    const days = parseWorkingDays(m[1])
    if (days === undefined) throw refuse('issues.badDays', m[1])
    const max = Math.min(deps.config.issues.maxExtensionWorkingDays, MAX_EXTENSION_WORKING_DAYS)
    if (days > max) throw refuse('issues.action.extension_too_long', { value: days, max })
    const issue = await loadIssue(deps, ctx, args.id)
    const next = await step(deps, ctx, issue, { type: 'extend', workingDays: days, reason: asTyped(ctx, m[2] ?? '') })
    return t.extended(next.id, days, fmtDate(next.deadline!, ctx.today))
  },
})
