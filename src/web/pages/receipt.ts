/**
 * The constituent's lookup (issue 18, item 3): `/q/<编号>` (the receipt's short link and QR) or `/q`
 * asks for the number and the last 4 digits of the phone; the progress shows masked as in a group; once
 * answered, the constituent says whether it was solved and rates it (the same step as /反馈).
 *
 * The digits travel only in POST bodies (never a URL, never a log or an audit record). Every POST carries
 * its CSRF token and is rate-limited per IP, and tries are counted per issue number (app/receipts.ts).
 */
import type { FastifyReply, FastifyRequest } from 'fastify'
import { LookupLimiter, lookUp, rateByReceipt, receiptPath } from '../../app/receipts.js'
import { RATINGS, type Issue, type Rating } from '../../domain/issues/issue.js'
import { toLocalDate } from '../../domain/time/local-date.js'
import { fmtDate } from '../../text/posts/issues.js'
import { refuse } from '../../text/refusals.js'
import { zh } from '../../text/zh-CN.js'
import { WebError, sendHtml, type WebContext, type WebRoutes } from '../context.js'
import { csrfField, html, page, type Html } from '../html.js'
import { answersCard } from './issue-view.js'

const l = zh.web.lookup

type Body = Record<string, string | undefined>

export const receiptRoutes: WebRoutes = (f, ctx) => {
  const limiter = new LookupLimiter(ctx.deps.config.web.lookupsPerIssuePerHour, () => ctx.deps.clock.now())
  const limits = { config: { rateLimit: ctx.rateLimit } }

  f.get('/q', limits, async (_req, reply) => sendHtml(reply, askPage(reply, '')))
  f.get<{ Params: { id: string } }>('/q/:id', limits, async (req, reply) => sendHtml(reply, askPage(reply, req.params.id.slice(0, 30))))

  f.post<{ Body: Body }>('/q', { ...limits, preHandler: ctx.csrf }, async (req, reply) => {
    const issue = await check(ctx, limiter, req, reply)
    if (!issue) return reply
    await ctx.audit({ at: ctx.deps.clock.now(), via: `receipt:${issue.id}`, what: 'lookup', issueId: issue.id, ip: ctx.ip(req), scope: issue.studioId })
    return sendHtml(reply, progressPage(ctx, reply, issue, field(req.body, 'last4')))
  })

  f.post<{ Body: Body }>('/q/rate', { ...limits, preHandler: ctx.csrf }, async (req, reply) => {
    const issue = await check(ctx, limiter, req, reply)
    if (!issue) return reply
    const body = req.body ?? {}
    const solved = field(body, 'solved') === 'yes' ? true : field(body, 'solved') === 'no' ? false : undefined
    const rating = (RATINGS as readonly string[]).includes(field(body, 'rating')) ? (field(body, 'rating') as Rating) : undefined
    if (solved === undefined) throw new WebError(400, l.rate.needSolved)
    if (!rating) throw new WebError(400, l.rate.needRating)
    const comment = field(body, 'comment')
    const max = ctx.deps.config.issues.maxLength
    if ([...comment].length > max) throw refuse('issues.action.too_long', { field: 'comment', max })
    const audit = (what: string) => ctx.audit({ at: ctx.deps.clock.now(), via: `receipt:${issue.id}`, what, issueId: issue.id, ip: ctx.ip(req), scope: issue.studioId })
    const r = await rateByReceipt(ctx.deps, issue, { solved, rating, ...(comment ? { comment } : {}) }, { post: (m) => ctx.post(m), audit })
    if (!r.ok) {
      await audit(`refused:rate:${r.code}`)
      throw refuse(`issues.action.${r.code}` as 'issues.action.not_found', r.params)
    }
    const done = r.value.status === 'rated' ? l.rate.thanks : l.rate.reopened
    return sendHtml(reply, progressPage(ctx, reply, r.value, field(body, 'last4'), done))
  })
}

function field(body: Body | undefined, k: string): string {
  return String(body?.[k] ?? '').trim().slice(0, 4000)
}

/** The matched issue, or the one "not matched" (or "locked") page already sent. */
async function check(ctx: WebContext, limiter: LookupLimiter, req: FastifyRequest<{ Body: Body }>, reply: FastifyReply): Promise<Issue | undefined> {
  const id = field(req.body, 'id').slice(0, 30)
  const r = await lookUp(ctx.deps, limiter, id, field(req.body, 'last4'))
  if (r.ok) return r.issue
  await ctx.audit({ at: ctx.deps.clock.now(), via: 'receipt', what: `refused:lookup:${r.why}`, ip: ctx.ip(req) })
  sendHtml(reply, askPage(reply, id, r.why === 'locked' ? l.locked : l.notMatched), r.why === 'locked' ? 429 : 400)
  return undefined
}

function askPage(reply: FastifyReply, id: string, error?: string): string {
  return page({
    title: l.title,
    body: html`<h1>${l.title}</h1>${error ? html`<div class="error" data-refused="1">${error}</div>` : ''}<div class="card"><p>${l.intro}</p>
<form method="post" action="/q">${csrfField(reply.generateCsrf())}
<label for="id">${l.id}</label><input type="text" id="id" name="id" value="${id}" autocomplete="off" required>
<label for="last4">${l.last4}</label><input type="tel" id="last4" name="last4" inputmode="numeric" pattern="[0-9]{4}" maxlength="4" autocomplete="off" required>
<button type="submit">${l.button}</button></form></div>`,
  })
}

function statusText(issue: Issue): string {
  const s = l.status
  if (issue.status === 'transferred') return s.transferred(issue.department ?? '')
  return s[issue.status]
}

function progressPage(ctx: WebContext, reply: FastifyReply, issue: Issue, last4: string, done?: string): string {
  const today = toLocalDate(ctx.deps.clock.now())
  const r = l.rate
  const deadline = issue.status === 'transferred' && issue.deadline ? html`<p>${l.deadline(fmtDate(issue.deadline, today))}</p>` : ''
  const rateForm: Html | '' =
    issue.status === 'answered'
      ? html`<div class="card"><h2>${r.title}</h2><form method="post" action="/q/rate">${csrfField(reply.generateCsrf())}
<input type="hidden" name="id" value="${issue.id}"><input type="hidden" name="last4" value="${last4}">
<label>${r.solved}</label><div class="choices"><label><input type="radio" name="solved" value="yes" required> ${r.solvedYes}</label><label><input type="radio" name="solved" value="no"> ${r.solvedNo}</label></div>
<label>${r.rating}</label><div class="choices">${RATINGS.map((x) => html`<label><input type="radio" name="rating" value="${x}" required> ${x}</label>`)}</div>
<label for="comment">${r.comment}</label><textarea id="comment" name="comment" maxlength="${ctx.deps.config.issues.maxLength}"></textarea>
<button type="submit">${r.button}</button></form></div>`
      : ''
  const yours = issue.feedback && issue.status !== 'answered' ? html`<p>${l.yourRating(issue.feedback.solved, issue.feedback.rating)}</p>` : ''
  return page({
    title: l.title,
    body: [
      html`<h1>${l.progress}</h1>`,
      done ? html`<div class="notice" data-done="rate">${done}</div>` : html``,
      html`<div class="card"><p><b>${issue.id}</b></p><p>${statusText(issue)}</p>${deadline}${yours}</div>`,
      answersCard(ctx.deps, issue, today, false) || html``,
      rateForm || html``,
      html`<p class="muted"><a href="${receiptPath(issue.id)}">${zh.web.back}</a></p>`,
    ],
  })
}
