import { defineCommand } from './command.js'
import { noArgs } from './args.js'
import { zh } from '../text/zh-CN.js'
import type { Issue } from '../domain/issues/issue.js'
import { dueDate } from '../domain/issues/issue-machine.js'
import { seesFull } from './issue-common.js'
import { listLine } from '../text/posts/issues.js'
import { LIST_LIMIT } from './my-issues.js'
import { scopeFor } from './report-common.js'

/**
 * `/待办`: a coordinator's open issues by deadline: to transfer, with departments (to chase), to rate
 * (回访), to archive. Overdue first, then by due date; those without a date (waiting on the coordinator's
 * call) after, oldest first. In a studio's group, that studio's; elsewhere a coordinator's own studio's,
 * and an admin's the whole district's.
 */
export const issueTodo = defineCommand({
  name: '待办',
  roles: ['coordinator'],
  help: zh.issues.cmd.todo,
  args: noArgs,
  async run({ ctx }, deps) {
    const t = zh.issues
    // Outside a studio's group (the liaison group, or privately) a coordinator sees their own studio's;
    // only an admin sees the whole district's: the reports' scope rule.
    const scope = ctx.studio ? undefined : scopeFor(deps, ctx, { district: false, studio: [], period: [], other: [] })
    const studio = ctx.studio ?? (scope?.kind === 'studio' ? scope.studio : undefined)
    const open = await deps.issues.openIssues(studio?.id)
    const title = studio?.name ?? deps.config.district.name
    if (open.length === 0) return t.todoNone(title)
    const sorted = [...open].sort(byUrgency)
    const shown = sorted.slice(0, LIST_LIMIT * 2)
    return [
      t.todoHeader(title, open.length),
      ...shown.map((i) => listLine(deps, i, ctx.today, seesFull(ctx, i.studioId))),
      ...(sorted.length > shown.length ? [t.more(sorted.length - shown.length)] : []),
    ].join('\n')
  },
})

function byUrgency(a: Issue, b: Issue): number {
  const da = dueDate(a) ?? '9999-12-31'
  const db = dueDate(b) ?? '9999-12-31'
  return da < db ? -1 : da > db ? 1 : a.createdAt - b.createdAt
}
