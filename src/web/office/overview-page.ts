/**
 * 三率总览: a year of 响应率, 解决率, 满意率, 结案率, sessions and 接待人次, by month, by studio (the
 * district's admins) and by department, as ECharts SVG charts with the same figures in tables, every
 * rate written as /统计 writes it (`75%（3/4）`). The figures come from app/figures-service.ts, the code
 * /统计 uses.
 */
import { zh } from '../../text/zh-CN.js'
import { html, raw, type Html } from '../html.js'
import { barChartSvg } from './charts.js'
import type { YearOverview } from '../../app/figures-service.js'
import { share, type Figures, type Rate } from '../../domain/stats/figures.js'
import { dateLong } from '../../text/posts/roster.js'
import type { LocalDate } from '../../domain/time/local-date.js'

const t = zh.office
const rateText = zh.followup.rate
const pct = (r: Rate): number | null => {
  const s = share(r)
  return s === undefined ? null : Math.round(s * 1000) / 10
}

const RATES = [
  ['response', (f: { response: Rate }) => f.response],
  ['solved', (f: { solved: Rate }) => f.solved],
  ['satisfaction', (f: { satisfaction: Rate }) => f.satisfaction],
  ['closure', (f: { closure: Rate }) => f.closure],
] as const

function rateSeries<T extends { response: Rate; solved: Rate; satisfaction: Rate; closure: Rate }>(rows: readonly T[], which: readonly (typeof RATES)[number][] = RATES) {
  return which.map(([key, get]) => ({ name: t.figure[key], values: rows.map((r) => pct(get(r))), labels: rows.map((r) => rateText(get(r)).replace(/（.*）$/, '')) }))
}

function figuresRow(label: string, f: Figures): Html {
  return html`<tr><th>${label}</th><td class="num">${f.received}</td><td class="num">${f.transferred}</td><td class="num" data-figure="response">${rateText(f.response)}</td><td class="num" data-figure="solved">${rateText(f.solved)}</td><td class="num" data-figure="satisfaction">${rateText(f.satisfaction)}</td><td class="num" data-figure="closure">${rateText(f.closure)}</td><td class="num" data-figure="sessions">${f.sessionsHeld}</td><td class="num" data-figure="visits">${f.visits}</td></tr>`
}

const table = (head: readonly string[], rows: Html[]) => html`<div class="scroll"><table><thead><tr>${head.map((h) => html`<th>${h}</th>`)}</tr></thead><tbody>${rows}</tbody></table></div>`
const chart = (svg: string) => html`<div class="card chart">${raw(svg)}</div>`

export function overviewPage(o: { o: YearOverview; scope: string; district: boolean; today: LocalDate; respondWithin: number; years: number[] }): { title: string; body: Html[]; css?: string } {
  const { total, months, studios, year } = o.o
  const monthLabels = months.map((_f, k) => t.monthLabel(k + 1))
  const f = total
  const body: Html[] = [
    html`<h1>${t.overviewTitle(o.scope, year)}</h1>`,
    html`<form method="get" action="/office" class="card"><label for="year">${t.yearLabel}</label><select id="year" name="year">${o.years.map((y) => html`<option value="${y}"${y === year ? raw(' selected') : ''}>${y}</option>`)}</select><button>${t.show}</button></form>`,
    html`<div class="card" id="totals"><h2>${t.figuresHeader(year, dateLong(o.today))}</h2><dl>
<dt>${t.figure.received}</dt><dd data-figure="received">${f.received} ${t.unitPieces}</dd>
<dt>${t.figure.response}</dt><dd data-figure="response">${rateText(f.response)}</dd>
<dt>${t.figure.solved}</dt><dd data-figure="solved">${rateText(f.solved)}</dd>
<dt>${t.figure.satisfaction}</dt><dd data-figure="satisfaction">${rateText(f.satisfaction)}</dd>
<dt>${t.figure.closure}</dt><dd data-figure="closure">${rateText(f.closure)}</dd>
<dt>${t.figure.sessions}</dt><dd data-figure="sessions">${f.sessionsHeld} ${t.unitSessions}</dd>
<dt>${t.figure.visits}</dt><dd data-figure="visits">${f.visits} ${t.unitVisits}</dd>
</dl><p class="muted">${t.notes(o.respondWithin)}</p></div>`,
    chart(barChartSvg({ title: t.chartByMonth, categories: monthLabels, series: rateSeries(months), unit: 'percent', height: 320 })),
    chart(barChartSvg({ title: t.chartSessionsByMonth, categories: monthLabels, series: [{ name: t.figure.sessions, values: months.map((m) => m.sessionsHeld) }, { name: t.figure.visits, values: months.map((m) => m.visits) }], unit: 'count', height: 300 })),
    html`<h2>${t.byMonthHeader}</h2>`,
    table(t.tableHeader, months.map((m, k) => figuresRow(monthLabels[k], m))),
  ]
  if (o.district && studios.length > 1) {
    body.push(chart(barChartSvg({ title: t.chartByStudio, categories: studios.map((s) => s.name), series: rateSeries(studios.map((s) => s.f)), unit: 'percent' })))
    body.push(html`<h2>${t.byStudioHeader}</h2>`, table(t.tableHeader, studios.map((s) => figuresRow(s.name, s.f))))
  }
  const deps = f.byDepartment
  if (deps.length) {
    body.push(chart(barChartSvg({ title: t.chartByDepartment, categories: deps.map((d) => d.name), series: rateSeries(deps, RATES.slice(0, 3)), unit: 'percent' })))
    body.push(
      html`<h2>${t.byDepartmentHeader}</h2>`,
      table(
        t.departmentHeader,
        deps.map((d) => html`<tr><th>${d.name}</th><td class="num">${d.transferred}</td><td class="num">${rateText(d.response)}</td><td class="num">${rateText(d.solved)}</td><td class="num">${rateText(d.satisfaction)}</td><td class="num">${rateText(d.closure)}</td><td class="num">${d.overdue}</td></tr>`),
      ),
    )
  }
  return { title: t.overviewTitle(o.scope, year), body }
}
