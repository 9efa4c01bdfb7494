/**
 * A studio's month as a calendar (Monday first): each reception day with its time, the representatives
 * on duty (named as the group's posts name them), a gap or a cancellation marked; links to the month
 * before and after, and to the other studios the viewer may see.
 */
import { zh } from '../../text/zh-CN.js'
import { weekdayHeader } from '../../text/sections/office.js'
import { html, type Html } from '../html.js'
import type { Deps } from '../../app/deps.js'
import { daysInMonth, isoWeekday, makeDate } from '../../domain/time/local-date.js'
import { dutyText, timeRange } from '../../text/posts/roster.js'
import type { Session } from '../../domain/model.js'

const t = zh.office
const key = (y: number, m: number) => `${y}-${String(m).padStart(2, '0')}`

export async function rosterPage(o: { deps: Deps; studioId: string; year: number; month: number; studios: string[] }): Promise<{ title: string; body: Html[]; css: string }> {
  const { deps, year, month } = o
  const studio = deps.directory.studio(o.studioId)!
  const first = makeDate(year, month, 1)
  const last = makeDate(year, month, daysInMonth(year, month))
  const sessions = await deps.roster.sessionsBetween(o.studioId, first, last, { includeCancelled: true })
  const byDate = new Map<string, Session[]>()
  for (const s of sessions) byDate.set(s.date, [...(byDate.get(s.date) ?? []), s])
  const cells: Html[] = []
  for (let k = 1; k < isoWeekday(first); k++) cells.push(html`<td class="empty"></td>`)
  for (let d = 1; d <= daysInMonth(year, month); d++) {
    const date = makeDate(year, month, d)
    const here = byDate.get(date) ?? []
    cells.push(
      html`<td${here.length ? html` class="session" data-date="${date}"` : ''}><div class="day">${d}</div>${here.map(
        (s) => html`<div class="s">${timeRange(s)}${s.cancelled ? t.cancelled : ''}<br>${s.cancelled ? '' : dutyText(deps.directory, s)}${!s.cancelled && s.duty.length < s.required ? html` <span class="bad">${t.gap(s.required - s.duty.length)}</span>` : ''}</div>`,
      )}</td>`,
    )
  }
  while (cells.length % 7) cells.push(html`<td class="empty"></td>`)
  const weeks: Html[] = []
  for (let k = 0; k < cells.length; k += 7) weeks.push(html`<tr>${cells.slice(k, k + 7)}</tr>`)
  const prev = month === 1 ? key(year - 1, 12) : key(year, month - 1)
  const next = month === 12 ? key(year + 1, 1) : key(year, month + 1)
  const title = t.rosterTitle(studio.name, t.monthName(year, month))
  const link = (studioId: string, m: string) => `/office/roster?studio=${encodeURIComponent(studioId)}&month=${m}`
  return {
    title,
    css: `table.cal td{vertical-align:top;height:64px;width:14.2%;font-size:12px;padding:3px}table.cal td.session{background:#fff8e1}.day{font-weight:600}.s{margin-top:2px}`,
    body: [
      html`<h1>${title}</h1>`,
      o.studios.length > 1 ? html`<p>${o.studios.map((id) => html`<a href="${link(id, key(year, month))}">${deps.directory.studio(id)?.name ?? id}</a> `)}</p>` : html``,
      html`<p><a href="${link(o.studioId, prev)}">‹ ${prev}</a> · <a href="${link(o.studioId, next)}">${next} ›</a></p>`,
      html`<div class="scroll"><table class="cal"><thead><tr>${weekdayHeader().map((w) => html`<th>${w}</th>`)}</tr></thead><tbody>${weeks}</tbody></table></div>`,
      sessions.length ? html`` : html`<p class="card">${t.noSessions}</p>`,
    ],
  }
}
