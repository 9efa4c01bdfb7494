/**
 * The liaison office's pages (issue 18, item 4), behind a login by the one-time link of `/后台`
 * (app/office-sessions.ts): an admin sees the district, a coordinator their own studio.
 *
 *   GET  /office/login/:token   the link: a page asking to confirm (a link previewer fetching it uses nothing)
 *   POST /office/login/:token   takes the link (once), sets the session cookie, goes to the overview
 *   GET  /office                三率总览: 响应率, 解决率, 满意率, 结案率, sessions and 接待人次 of a year,
 *                               by month, studio and department, as ECharts SVG and tables (?year=2026)
 *   GET  /office/overdue        the open issues' due dates coloured green / yellow / red
 *   GET  /office/roster         a studio's month as a calendar (?studio=hpl&month=2026-12)
 *   GET  /office/issues         search by number or keyword (?q=); /office/issues/:id the record
 *   GET  /office/ledger         the ledger form; POST downloads the xlsx (written in a worker thread)
 *   POST /office/logout         ends this session
 *
 * Every request is audited (who: `session:<key>`, never the token; what; which issue), refusals too.
 * Login pages are rate-limited per IP; every form carries a CSRF token. Lists mask constituents; the
 * record shows the contact details only to the studio's own coordinator (as /查询 in their private chat
 * does), never to another studio and not to the district's admins (who act on figures, not on people).
 */
import type { FastifyReply, FastifyRequest } from 'fastify'
import { zh } from '../../text/zh-CN.js'
import { csrfField, html, page, type Html } from '../html.js'
import { sendHtml, WebError, type WebRoutes } from '../context.js'
import { SESSION_HOURS, seesStudio, type OfficeViewer } from '../../app/office-sessions.js'
import { yearOverview } from '../../app/figures-service.js'
import { overduePage } from './overdue-page.js'
import { rosterPage } from './roster-page.js'
import { detailPage, searchPage, searchIssues } from './issues-page.js'
import { exportLedgerOffThread } from '../../export/ledger-export.js'
import { TaskError } from '../../platform/worker.js'
import { parsePeriod, type PeriodCode } from '../../domain/stats/period.js'
import { refusePeriod } from '../../text/posts/followup.js'
import { refusalText } from '../../text/refusals.js'
import { parseIssueId } from '../../domain/issues/issue.js'
import { toLocalDate, yearOf } from '../../domain/time/local-date.js'

const t = zh.office
export const SESSION_COOKIE = 'lxq_office'

/** The years the overview offers: the last ten. */
export const OVERVIEW_YEARS = 10

export const officeRoutes: WebRoutes = (f, ctx) => {
  const { deps } = ctx
  const now = () => deps.clock.now()
  const audit = (req: FastifyRequest, via: string, what: string, more: { issueId?: string; scope?: string; [k: string]: unknown } = {}) =>
    ctx.audit({ at: now(), via, what, ip: ctx.ip(req), ...more })
  const scopeKey = (v: OfficeViewer) => (v.scope.kind === 'district' ? 'district' : v.scope.studioId)
  const scopeName = (v: OfficeViewer) => (v.scope.kind === 'district' ? t.scopeDistrict(deps.config.district.name) : (deps.directory.studio(v.scope.studioId)?.name ?? v.scope.studioId))
  const studioIds = (v: OfficeViewer) => (v.scope.kind === 'district' ? deps.directory.studios.map((s) => s.id) : [v.scope.studioId])

  /** The viewer of the request's session, or a 403 page saying how to log in (audited). */
  async function viewer(req: FastifyRequest): Promise<OfficeViewer> {
    const v = deps.officeSessions.viewer(req.cookies[SESSION_COOKIE])
    if (v) return v
    await audit(req, 'anonymous', 'refused:no_session', { path: req.routeOptions.url })
    throw new WebError(403, t.needLogin)
  }

  /** The shell of every office page: navigation, who is logged in, logout. */
  const shell = (v: OfficeViewer, reply: FastifyReply, title: string, body: Html | Html[], css?: string) =>
    page({
      title,
      subtitle: t.who(v.person.name, scopeName(v)),
      css: `${OFFICE_CSS}${css ?? ''}`,
      body: [
        html`<nav class="office">${(['overview', 'overdue', 'roster', 'issues', 'ledger'] as const).map((k) => html`<a href="${NAV[k]}">${t.nav[k]}</a>`)}<form method="post" action="/office/logout">${csrfField(reply.generateCsrf())}<button class="plain small">${t.nav.logout}</button></form></nav>`,
        ...(Array.isArray(body) ? body : [body]),
      ],
    })

  const limited = { config: { rateLimit: ctx.rateLimit } }

  f.get<{ Params: { token: string } }>('/office/login/:token', limited, async (req, reply) => {
    const live = deps.officeSessions.peekLogin(req.params.token)
    if (!live) {
      await audit(req, 'anonymous', 'refused:bad_login_link')
      throw new WebError(403, t.loginVoid)
    }
    await audit(req, `login:${live.key}`, 'login_page')
    const name = deps.directory.person(live.personId)?.name ?? ''
    return sendHtml(
      reply,
      page({
        title: t.loginTitle,
        body: html`<div class="card"><h1>${t.loginTitle}</h1><p>${t.loginConfirm(name)}</p><form method="post" action="/office/login/${req.params.token}">${csrfField(reply.generateCsrf())}<button>${t.loginButton}</button></form></div>`,
      }),
    )
  })

  f.post<{ Params: { token: string } }>('/office/login/:token', { ...limited, preHandler: ctx.csrf }, async (req, reply) => {
    const s = await deps.officeSessions.login(req.params.token, (x) => audit(req, `session:${x.key}`, 'login', { person: x.personId }))
    if (!s) {
      await audit(req, 'anonymous', 'refused:bad_login_link')
      throw new WebError(403, t.loginVoid)
    }
    reply.setCookie(SESSION_COOKIE, s.token, { path: '/office', httpOnly: true, sameSite: 'lax', secure: deps.web.https, maxAge: SESSION_HOURS * 3600 })
    return reply.redirect('/office', 303)
  })

  f.post('/office/logout', { preHandler: ctx.csrf }, async (req, reply) => {
    const v = await viewer(req)
    await deps.officeSessions.logout(v.session, () => audit(req, `session:${v.session}`, 'logout', { scope: scopeKey(v) }))
    reply.clearCookie(SESSION_COOKIE, { path: '/office' })
    return sendHtml(reply, page({ title: t.title, body: html`<div class="card"><p class="notice">${t.loggedOut}</p></div>` }))
  })

  f.get<{ Querystring: { year?: string } }>('/office', async (req, reply) => {
    const v = await viewer(req)
    const today = toLocalDate(now())
    const thisYear = yearOf(today)
    const typed = one(req.query.year)
    const year = typed === undefined || typed === '' ? thisYear : /^\d{4}$/.test(typed) ? Number(typed) : NaN
    if (!(year <= thisYear && year > thisYear - OVERVIEW_YEARS)) {
      await audit(req, `session:${v.session}`, 'refused:bad_year', { scope: scopeKey(v) })
      throw new WebError(400, t.badYear(thisYear - OVERVIEW_YEARS + 1, thisYear))
    }
    const o = await yearOverview(deps, studioIds(v), year, now())
    await audit(req, `session:${v.session}`, 'overview', { scope: scopeKey(v), year })
    // The charts' library (ECharts) is loaded on the first overview, not at start-up: importing it takes
    // longer than the rest of the bot's start.
    const { overviewPage } = await import('./overview-page.js')
    const { title, body, css } = overviewPage({ o, scope: scopeName(v), district: v.scope.kind === 'district', today, respondWithin: deps.config.issues.respondWithinWorkingDays, years: Array.from({ length: OVERVIEW_YEARS }, (_x, k) => thisYear - k) })
    return sendHtml(reply, shell(v, reply, title, body, css))
  })

  f.get('/office/overdue', async (req, reply) => {
    const v = await viewer(req)
    const ids = new Set(studioIds(v))
    const open = (await deps.issues.openIssues(v.scope.kind === 'studio' ? v.scope.studioId : undefined)).filter((i) => ids.has(i.studioId))
    await audit(req, `session:${v.session}`, 'overdue', { scope: scopeKey(v) })
    const { title, body } = overduePage({ deps, open, scope: scopeName(v), today: toLocalDate(now()) })
    return sendHtml(reply, shell(v, reply, title, body))
  })

  f.get<{ Querystring: { studio?: string; month?: string } }>('/office/roster', async (req, reply) => {
    const v = await viewer(req)
    const studioId = one(req.query.studio) || studioIds(v)[0]
    if (!deps.directory.studio(studioId)) throw new WebError(404, t.unknownStudio)
    if (!seesStudio(v, studioId)) {
      await audit(req, `session:${v.session}`, 'refused:other_studio', { scope: scopeKey(v), studio: studioId })
      throw new WebError(403, t.otherStudio)
    }
    const today = toLocalDate(now())
    const month = one(req.query.month) || today.slice(0, 7)
    const m = /^(\d{4})-(\d{2})$/.exec(month)
    if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) throw new WebError(400, t.badMonth)
    await audit(req, `session:${v.session}`, 'roster', { scope: scopeKey(v), studio: studioId, month })
    const { title, body, css } = await rosterPage({ deps, studioId, year: Number(m[1]), month: Number(m[2]), studios: studioIds(v) })
    return sendHtml(reply, shell(v, reply, title, body, css))
  })

  f.get<{ Querystring: { q?: string } }>('/office/issues', async (req, reply) => {
    const v = await viewer(req)
    const q = (one(req.query.q) ?? '').normalize('NFKC').trim()
    const result = q === '' ? undefined : await searchIssues(deps, studioIds(v), q, toLocalDate(now()))
    await audit(req, `session:${v.session}`, q === '' ? 'search_form' : result === 'bad' ? 'refused:bad_search' : 'search', { scope: scopeKey(v), found: result && result !== 'bad' ? result.total : undefined })
    if (result === 'bad') throw new WebError(400, t.searchTooShort)
    const { title, body } = searchPage({ deps, scope: scopeName(v), q, result, today: toLocalDate(now()) })
    return sendHtml(reply, shell(v, reply, title, body))
  })

  f.get<{ Params: { id: string } }>('/office/issues/:id', async (req, reply) => {
    const v = await viewer(req)
    const parsed = parseIssueId(req.params.id)
    const issue = parsed ? await deps.issues.get(parsed.id) : undefined
    if (!issue || !seesStudio(v, issue.studioId)) {
      await audit(req, `session:${v.session}`, issue ? 'refused:other_studio' : 'refused:no_issue', { scope: scopeKey(v), issueId: parsed?.id })
      throw new WebError(404, t.notFound(parsed?.id ?? req.params.id.slice(0, 20)))
    }
    const full = !v.admin && v.scope.kind === 'studio' && v.scope.studioId === issue.studioId
    await audit(req, `session:${v.session}`, 'issue', { scope: issue.studioId, issueId: issue.id, full })
    const { title, body } = detailPage({ deps, issue, full, today: toLocalDate(now()) })
    return sendHtml(reply, shell(v, reply, title, body))
  })

  f.get('/office/ledger', async (req, reply) => {
    const v = await viewer(req)
    await audit(req, `session:${v.session}`, 'ledger_form', { scope: scopeKey(v) })
    return sendHtml(reply, shell(v, reply, t.ledgerTitle(scopeName(v)), ledgerForm(reply, '')))
  })

  f.post<{ Body: { period?: string } }>('/office/ledger', { preHandler: ctx.csrf }, async (req, reply) => {
    const v = await viewer(req)
    const today = toLocalDate(now())
    const typed = (one(req.body?.period) ?? '').trim() || t.defaultPeriod
    const p = typed.length > 40 ? undefined : parsePeriod(typed, today)
    if (!p || !p.ok) {
      await audit(req, `session:${v.session}`, 'refused:bad_period', { scope: scopeKey(v) })
      return sendHtml(reply, shell(v, reply, t.ledgerTitle(scopeName(v)), [html`<p class="error" data-error="400">${p ? refusalText(refusePeriod((p as { code: PeriodCode }).code, typed, today)) : t.ledgerHint}</p>`, ledgerForm(reply, typed)]), 400)
    }
    const title = v.scope.kind === 'district' ? zh.followup.districtTitle(deps.config.district.name) : (deps.directory.studio(v.scope.studioId)?.name ?? '')
    let book
    try {
      book = await exportLedgerOffThread({ dataDir: deps.store.dir, studioIds: studioIds(v), period: p.value, title, now: now(), people: [...deps.directory.people], studios: [...deps.directory.studios], calendars: deps.calendars.spec(), scheme: deps.config.evaluation })
    } catch (e) {
      if (!(e instanceof TaskError)) throw e
      deps.log.error('ledger export (web) failed', { kind: e.kind, error: e.message })
      throw new WebError(500, t.ledgerFailed)
    }
    const label = zh.followup.periodLabel(p.value.spec)
    await audit(req, `session:${v.session}`, 'ledger', { scope: scopeKey(v), from: p.value.from, to: p.value.to, issues: book.issues })
    const name = t.ledgerFile(title, label)
    return reply
      .code(200)
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="ledger.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`)
      .header('cache-control', 'no-store')
      .send(Buffer.from(book.file))
  })

  function ledgerForm(reply: FastifyReply, typed: string): Html {
    return html`<div class="card"><h1>${t.nav.ledger}</h1><p class="muted">${t.ledgerHint}</p><form method="post" action="/office/ledger">${csrfField(reply.generateCsrf())}<label for="period">${t.periodLabel}</label><input type="text" id="period" name="period" value="${typed || t.defaultPeriod}" maxlength="40"><button>${t.download}</button></form></div>`
  }
}

/** A query or form field given once (a repeated one, `?q=a&q=b`, is bad input: the 400 page). */
function one(x: unknown): string | undefined {
  if (x === undefined) return undefined
  if (typeof x !== 'string') throw new WebError(400)
  return x
}

const NAV = { overview: '/office', overdue: '/office/overdue', roster: '/office/roster', issues: '/office/issues', ledger: '/office/ledger' } as const

const OFFICE_CSS = `
nav.office{display:flex;flex-wrap:wrap;align-items:center;gap:4px 12px;margin:4px 0 8px}
nav.office a{color:#b71c1c;text-decoration:none;font-size:15px}
nav.office form{margin-left:auto}
button.small{font-size:13px;padding:4px 10px;margin:0}
.chart svg{max-width:100%;height:auto}
.scroll{overflow-x:auto}
td.num{text-align:right;white-space:nowrap}
tr.green td:first-child{background:#c8e6c9}tr.yellow td:first-child{background:#fff59d}tr.red td:first-child{background:#ef9a9a}
`

