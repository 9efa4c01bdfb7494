/**
 * How an issue reads on a page (the work order, the constituent's lookup): the same wordings and the
 * same masking as in chat (src/text/posts/issues.ts), escaped for HTML.
 */
import type { Deps } from '../../app/deps.js'
import type { Issue } from '../../domain/issues/issue.js'
import type { LocalDate } from '../../domain/time/local-date.js'
import { addressText, constituentText, dueText, fmtDate, fmtStamp, personName } from '../../text/posts/issues.js'
import { describeIssueEvent, freeText } from '../../text/posts/issue-events.js'
import { zh } from '../../text/zh-CN.js'
import { html, multiline, type Html } from '../html.js'

const f = zh.web.work.fields

/** The record: who (masked unless `full`), what, where it stands, its answers and history. */
export function issueCard(deps: Deps, issue: Issue, today: LocalDate, o: { full: boolean; status: string }): Html {
  const studio = deps.directory.studio(issue.studioId)?.name ?? issue.studioId
  const address = addressText(issue.constituent.address, o.full)
  const due = dueText(deps, issue, today)
  return html`<div class="card"><dl>
<dt>${f.id}</dt><dd><b>${issue.id}</b></dd>
<dt>${f.status}</dt><dd>${o.status}</dd>
<dt>${f.studio}</dt><dd>${studio}</dd>
<dt>${f.date}</dt><dd>${fmtDate(issue.date, today)}</dd>
<dt>${f.who}</dt><dd>${constituentText(issue, o.full)}${o.full ? '' : html` <span class="muted">${zh.web.work.masked}</span>`}</dd>
${address ? html`<dt>${f.address}</dt><dd>${address}</dd>` : ''}
<dt>${f.content}</dt><dd>${multiline(freeText(issue.content, o.full))}</dd>
<dt>${f.category}</dt><dd>${issue.category}</dd>
${issue.department ? html`<dt>${f.department}</dt><dd>${issue.department}</dd>` : ''}
${due ? html`<dt>${f.deadline}</dt><dd>${due}</dd>` : ''}
</dl></div>
${answersCard(deps, issue, today, o.full)}
<div class="card"><h2>${f.history}</h2><ol class="history">${issue.history.map(
    (e) => html`<li><span class="muted">${fmtStamp(e.at, today)}</span> ${personName(deps, e.by)}：${describeIssueEvent(issue, e, { full: o.full, date: (d) => fmtDate(d, today) })}</li>`,
  )}</ol></div>`
}

export function answersCard(deps: Deps, issue: Issue, today: LocalDate, full: boolean): Html | '' {
  if (issue.answers.length === 0) return ''
  return html`<div class="card"><h2>${f.answers}</h2>${issue.answers.map(
    (a) => html`<p><span class="muted">${fmtStamp(a.at, today)} ${personName(deps, a.by)}</span><br>${multiline(freeText(a.text, full))}</p>`,
  )}</div>`
}
