import { defineCommand } from './command.js'
import { rawArgs } from './args.js'
import { zh } from '../text/zh-CN.js'
import { mergeFigures, type Figures } from '../domain/stats/figures.js'
import { needingAttention, type StudioFigures } from '../domain/stats/attention.js'
import { thisMonth } from '../domain/stats/period.js'
import { dateLong } from '../text/posts/roster.js'
import { districtStatsTexts } from '../text/posts/followup.js'
import { nextTurn, reportRequest, scopeTitle, studioFigures } from './report-common.js'

/**
 * `/统计 [期间] [全区|工作室]`: the figures offices report (src/domain/stats/figures.ts has the
 * definitions), every rate with numerator and denominator. Default period: this month. A coordinator sees
 * their studio; an admin the district or a named studio. Figures hold no personal data, so the reply goes
 * where it was asked.
 *
 * The district (全区) answers in two messages: its figures, and the studios that need attention
 * (domain/stats/attention.ts); the line of every studio is in the ledger, which the reply names. Its
 * figures are computed studio by studio (each studio's years read, counted and let go, a turn of the
 * event loop between two studios), so even ten years of a city neither stall the bot nor fill its memory;
 * periods longer than ten years are refused (domain/stats/period.ts).
 */
export const showStats = defineCommand({
  name: '统计',
  roles: ['coordinator'],
  help: zh.followup.cmd.stats,
  args: rawArgs,
  async run({ args, ctx }, deps) {
    const t = zh.followup
    const { period, scope } = reportRequest(deps, ctx, args.tokens, thisMonth)
    const label = t.periodLabel(period.spec)
    const lines = (f: Figures) => ({
      title: scopeTitle(deps, scope),
      period: label,
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
      response: f.response,
      respondWithin: deps.config.issues.respondWithinWorkingDays,
      solved: f.solved,
      ratings: f.ratings,
      answerDays: f.answerDays,
      sessionsHeld: f.sessionsHeld,
      sessionsCancelled: f.sessionsCancelled,
      sessionsFull: f.sessionsFull,
      sessionsCheckedIn: f.sessionsCheckedIn,
      visits: f.visits,
      byCategory: f.byCategory.map((c) => t.categoryLine(c.name, c.received, c.closure, c.satisfaction)),
      byDepartment: f.byDepartment.map((d) => t.departmentLine(d.name, d.transferred, d.overdue, d.closure, d.satisfaction, d.answerDays, d.response, d.solved)),
    })
    if (scope.kind === 'studio') return t.stats({ ...lines(await studioFigures(deps, scope.studio.id, period, ctx.now)), byStudio: [] })

    const rows: StudioFigures[] = []
    for (const s of deps.directory.studios) {
      rows.push({ id: s.id, name: s.name, f: await studioFigures(deps, s.id, period, ctx.now) })
      await nextTurn()
    }
    const f = mergeFigures(period.from, period.to, rows.map((r) => r.f))
    return districtStatsTexts({ stats: lines(f), attention: needingAttention(rows), studios: rows.length, period: label, maxChars: deps.config.bot.maxMessageChars }).map((text) => ({ text }))
  },
})
