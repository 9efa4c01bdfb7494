/**
 * 超期预警: every open issue with a due date, coloured by the warning ladder (domain/issues/
 * warning-level.ts, the settings of the reminders and the 督办), most urgent first. Masked as in a group:
 * the list may be read over a shoulder; the record (issues-page.ts) is one tap away.
 */
import { zh } from '../../text/zh-CN.js'
import { html, type Html } from '../html.js'
import type { Deps } from '../../app/deps.js'
import type { Issue } from '../../domain/issues/issue.js'
import { byUrgency, urgesOf, warningOf, type Warning } from '../../domain/issues/warning-level.js'
import { brief, maskFreeText, maskName } from '../../domain/issues/mask.js'
import { dateShort } from '../../text/posts/roster.js'
import type { LocalDate } from '../../domain/time/local-date.js'

const t = zh.office

export function overduePage(o: { deps: Deps; open: readonly Issue[]; scope: string; today: LocalDate }): { title: string; body: Html[] } {
  const { deps } = o
  const settings = { yellowWithinWorkingDays: deps.config.issues.remindWorkingDaysBefore, redAfterWorkingDays: deps.config.weekly.escalateAfterWorkingDays }
  const rows: { issue: Issue; w: Warning }[] = []
  for (const issue of o.open) {
    const w = warningOf(issue, o.today, deps.calendars.of(issue.studioId), settings)
    if (w) rows.push({ issue, w })
  }
  rows.sort(byUrgency)
  const n = { green: 0, yellow: 0, red: 0 }
  for (const r of rows) n[r.w.colour]++
  const line = ({ issue: i, w }: { issue: Issue; w: Warning }) => {
    const urged = [...new Set(urgesOf(i).map((u) => zh.issues.event.urge(u.level)))].join('、')
    return html`<tr class="${w.colour}" data-colour="${w.colour}"><td>${t.colour[w.colour]}</td><td><a href="/office/issues/${i.id}">${i.id}</a></td><td>${deps.directory.studio(i.studioId)?.name ?? i.studioId}</td><td>${maskName(i.constituent.name)}</td><td>${brief(maskFreeText(i.content))}</td><td>${i.status === 'registered' ? t.stageRegistered : t.stageTransferred(i.department ?? '')}</td><td>${dateShort(w.due)}</td><td>${w.colour === 'red' ? t.late(w.late ?? 1, w.escalated) : t.left(w.left ?? 0)}${urged ? html`<br><span class="muted">${t.urged(urged)}</span>` : ''}</td></tr>`
  }
  return {
    title: t.overdueTitle(o.scope),
    body: [
      html`<h1>${t.overdueTitle(o.scope)}</h1><p class="muted">${t.overdueLegend(settings.yellowWithinWorkingDays, settings.redAfterWorkingDays)}</p><p id="counts">${t.counts(n.green, n.yellow, n.red)}</p>`,
      rows.length ? html`<div class="scroll"><table><thead><tr>${t.overdueHeader.map((h) => html`<th>${h}</th>`)}</tr></thead><tbody>${rows.map(line)}</tbody></table></div>` : html`<p class="card">${t.noneOpen}</p>`,
    ],
  }
}
