/**
 * Issue search and the record. Search takes an issue number, or a keyword (2–30 characters) matched in
 * the content, category and department of this year's and last year's issues of the viewer's studios
 * (newest first, at most RESULTS shown); constituents masked in the list. The record is /查询's text
 * (text/posts/issues.ts renderRecord), in full only for the studio's own coordinator.
 */
import { zh } from '../../text/zh-CN.js'
import { html, multiline, type Html } from '../html.js'
import type { Deps } from '../../app/deps.js'
import type { Issue } from '../../domain/issues/issue.js'
import { parseIssueId } from '../../domain/issues/issue.js'
import { brief, maskFreeText, maskName } from '../../domain/issues/mask.js'
import { renderRecord, stateText } from '../../text/posts/issues.js'
import { collectLedger, storeSource } from '../../export/ledger-source.js'
import { makeDate, yearOf, type LocalDate } from '../../domain/time/local-date.js'

const t = zh.office
export const RESULTS = 50

export interface SearchResult {
  total: number
  issues: Issue[]
}

/** The issues matching `q` the viewer may see, or 'bad' (a keyword too short or too long). */
export async function searchIssues(deps: Deps, studioIds: readonly string[], q: string, today: LocalDate): Promise<SearchResult | 'bad'> {
  const id = parseIssueId(q)
  if (id) {
    const issue = await deps.issues.get(id.id)
    return { total: issue && studioIds.includes(issue.studioId) ? 1 : 0, issues: issue && studioIds.includes(issue.studioId) ? [issue] : [] }
  }
  const n = [...q].length
  if (n < 2 || n > 30) return 'bad'
  const data = await collectLedger(storeSource(deps.store), [...studioIds], makeDate(yearOf(today) - 1, 1, 1), today)
  const hits = data.issues.filter((i) => i.content.includes(q) || i.category.includes(q) || (i.department ?? '').includes(q))
  hits.sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : -1))
  return { total: hits.length, issues: hits.slice(0, RESULTS) }
}

export function searchPage(o: { deps: Deps; scope: string; q: string; result?: SearchResult; today: LocalDate }): { title: string; body: Html[] } {
  const r = o.result
  const body: Html[] = [
    html`<h1>${t.issuesTitle(o.scope)}</h1><form method="get" action="/office/issues" class="card"><label for="q">${t.searchLabel}</label><input type="text" id="q" name="q" value="${o.q}" maxlength="60"><button>${t.searchButton}</button><p class="muted">${t.searchHint}</p></form>`,
  ]
  if (r) {
    body.push(html`<p id="found">${r.total ? t.results(r.total, r.issues.length) : t.noResults}</p>`)
    if (r.issues.length)
      body.push(
        html`<div class="scroll"><table><thead><tr>${t.issueHeader.map((h) => html`<th>${h}</th>`)}</tr></thead><tbody>${r.issues.map(
          (i) => html`<tr><td><a href="/office/issues/${i.id}">${i.id}</a></td><td>${i.date}</td><td>${maskName(i.constituent.name)}</td><td>${brief(maskFreeText(i.content))}</td><td>${stateText(o.deps, i, o.today)}</td></tr>`,
        )}</tbody></table></div>`,
      )
  }
  return { title: t.issuesTitle(o.scope), body }
}

export function detailPage(o: { deps: Deps; issue: Issue; full: boolean; today: LocalDate }): { title: string; body: Html[] } {
  return {
    title: t.detailTitle(o.issue.id),
    body: [html`<h1>${t.detailTitle(o.issue.id)}</h1><div class="card" id="record">${multiline(renderRecord(o.deps, o.issue, o.today, o.full))}</div>${o.full ? '' : html`<p class="muted">${t.masked}</p>`}`],
  }
}
