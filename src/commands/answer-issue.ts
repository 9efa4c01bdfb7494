import { defineCommand } from './command.js'
import { zh } from '../text/zh-CN.js'
import { refuse } from '../text/refusals.js'
import { asTyped, issueArgs, loadIssue, requireHandler, step } from './issue-common.js'

/** `/答复 HP-2026-0001 <内容>`: the department's or the representative's answer (several lines allowed). */
export const answerIssue = defineCommand({
  name: '答复',
  roles: ['representative', 'coordinator'],
  mutates: true,
  help: zh.issues.cmd.answer,
  args: issueArgs(zh.issues.cmd.answer),
  async run({ args, ctx }, deps) {
    if (args.rest === '') throw refuse('issues.noAnswerText', zh.issues.cmd.answer.usage, zh.issues.cmd.answer.example)
    const issue = await loadIssue(deps, ctx, args.id)
    requireHandler(ctx, issue, '答复')
    const next = await step(deps, ctx, issue, { type: 'answer', text: asTyped(ctx, args.rest) })
    return zh.issues.answered(next.id, next.round)
  },
})
