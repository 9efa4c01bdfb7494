import { defineCommand } from './command.js'
import { rawArgs } from './args.js'
import { zh } from '../text/zh-CN.js'
import { gapNote, sessionLine, studioFor } from './roster-common.js'
import { parseMonthSpec, type MonthSpec } from '../domain/calendar/parse-user-date.js'
import { daysInMonth, makeDate, splitDate } from '../domain/time/local-date.js'
import { dateShort, timeRange } from '../text/posts/roster.js'
import { refuse } from '../text/refusals.js'

/**
 * `/值班表 [月份] [工作室]`: one month's roster (default: this month). Stored sessions as they are; dates
 * the rule yields beyond the planning horizon are listed as not yet staffed.
 */
export const monthRoster = defineCommand({
  name: '值班表',
  aliases: ['排班表'],
  roles: 'anyone',
  help: zh.roster.cmd.month,
  args: rawArgs,
  async run({ args, ctx }, deps) {
    const t = zh.roster
    // The whole text as one month first ("2026 年 12 月" arrives as three tokens).
    const whole = args.text ? parseMonthSpec(args.text, ctx.today) : undefined
    let month: MonthSpec | undefined = whole?.ok ? whole.value : undefined
    const rest: string[] = []
    for (const token of month ? [] : args.tokens) {
      const m = month ? undefined : parseMonthSpec(token, ctx.today)
      if (m?.ok) month = m.value
      else if (m && m.code === 'month.impossible') throw refuse('roster.impossibleMonth', Number(m.params?.month))
      else rest.push(token)
    }
    // A lone token that is neither a month nor a studio is most likely a mistyped month.
    if (rest.length && !month && deps.directory.findStudio(rest.join(' ')).length === 0 && /\d/u.test(rest.join(''))) {
      throw refuse('roster.badMonth', rest.join(' '))
    }
    const studio = studioFor(deps, ctx, rest.join(' '))
    const [ty, tm] = splitDate(ctx.today)
    const { year, month: mo } = month ?? { year: ty, month: tm }
    const from = makeDate(year, mo, 1)
    const to = makeDate(year, mo, daysInMonth(year, mo))
    await deps.roster.ensurePlanned(ctx.now)
    const stored = await deps.roster.sessionsBetween(studio.id, from, to, { includeCancelled: true })
    const storedDates = new Set(stored.map((s) => s.date))
    // Dates not stored: beyond the horizon (to be staffed), never in the past (nothing was held).
    const horizon = deps.roster.horizonEnd(ctx.today)
    const pending = deps.roster.ruleDates(studio, from > ctx.today ? from : ctx.today, to).filter((d) => !storedDates.has(d) && d > horizon)
    const lines = [
      ...stored.map((s) => ({ date: s.date, text: sessionLine(deps, s) })),
      ...pending.map((d) => ({ date: d, text: t.sessionLine(dateShort(d), timeRange({ time: studio.reception.time, durationMinutes: studio.reception.durationMinutes }), t.notPlanned, '') })),
    ].sort((a, b) => (a.date < b.date ? -1 : 1))
    if (lines.length === 0) return t.monthNone(studio.name, year, mo)
    return [t.monthHeader(studio.name, year, mo), t.placeLine(studio.reception.place), ...lines.map((l) => l.text), ...gapNote(deps, studio.id, from, to)].join('\n')
  },
})
