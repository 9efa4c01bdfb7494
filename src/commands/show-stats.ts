import { defineCommand } from './command.js'
import { rawArgs } from './args.js'
import { zh } from '../text/zh-CN.js'
import { computeFigures } from '../domain/stats/figures.js'
import { thisMonth } from '../domain/stats/period.js'
import { dateLong } from '../text/posts/roster.js'
import { reportInputs, scopeTitle } from './report-common.js'

/**
 * `/统计 [期间] [全区|工作室]`: the figures offices report (src/domain/stats/figures.ts has the
 * definitions), every rate with numerator and denominator. Default period: this month. A coordinator sees
 * their studio; an admin the district (with a line per studio) or a named studio. Figures hold no personal
 * data, so the reply goes where it was asked.
 */
export const showStats = defineCommand({
  name: '统计',
  roles: ['coordinator'],
  help: zh.followup.cmd.stats,
  args: rawArgs,
  async run({ args, ctx }, deps) {
    const t = zh.followup
    const { period, scope, data } = await reportInputs(deps, ctx, args.tokens, thisMonth)
    const days = (id: string) => deps.calendars.of(id)
    const f = computeFigures({ issues: data.issues, sessions: data.sessions, from: period.from, to: period.to, now: ctx.now, days })
    const byStudio =
      scope.kind === 'district'
        ? deps.directory.studios.map((s) => {
            const sf = computeFigures({
              issues: data.issues.filter((i) => i.studioId === s.id),
              sessions: data.sessions.filter((x) => x.studioId === s.id),
              from: period.from,
              to: period.to,
              now: ctx.now,
              days,
            })
            return t.studioLine(s.name, sf.received, sf.closure, sf.satisfaction, sf.overdue, sf.sessionsHeld)
          })
        : []
    return t.stats({
      title: scopeTitle(deps, scope),
      period: t.periodLabel(period.spec),
      asOf: dateLong(ctx.today),
      received: f.received,
      withdrawn: f.withdrawn,
      onTheSpot: f.onTheSpot,
      transferred: f.transferred,
      closed: f.closed,
      open: f.open,
      overdue: f.overdue,
      closure: f.closure,
      satisfaction: f.satisfaction,
      strict: f.strictSatisfaction,
      ratings: f.ratings,
      answerDays: f.answerDays,
      sessionsHeld: f.sessionsHeld,
      sessionsCancelled: f.sessionsCancelled,
      sessionsFull: f.sessionsFull,
      sessionsCheckedIn: f.sessionsCheckedIn,
      visits: f.visits,
      byCategory: f.byCategory.map((c) => t.categoryLine(c.name, c.received, c.closure, c.satisfaction)),
      byDepartment: f.byDepartment.map((d) => t.departmentLine(d.name, d.transferred, d.overdue, d.closure, d.satisfaction, d.answerDays)),
      byStudio,
    })
  },
})
