/**
 * The department's work order (issue 18, item 2): `/w/<token>` shows the issue (the constituent masked
 * unless `web.departmentsSeeContacts`), its deadline in working days and its history, and takes 签收,
 * 答复, 申请延期 and 退单 (POST `/w/<token>/<action>`, each with its CSRF token and the per-IP rate limit).
 *
 * A wrong, unknown or void token gets one and the same 403 page (nothing tells which); every request with a
 * token, done or refused, leaves an audit record naming the link by a prefix of its hash.
 */
import type { FastifyReply, FastifyRequest } from 'fastify'
import { openWorkOrder, departmentStep, type DepartmentAction, type OpenWorkOrder } from '../../app/work-orders.js'
import { currentAssignment, pendingExtensionRequest, signedAt, MAX_EXTENSION_WORKING_DAYS } from '../../domain/issues/issue-machine.js'
import { toLocalDate } from '../../domain/time/local-date.js'
import { fmtStamp } from '../../text/posts/issues.js'
import { refuse } from '../../text/refusals.js'
import { zh } from '../../text/zh-CN.js'
import { tokenHash, viaToken } from '../audit.js'
import { WebError, sendHtml, type WebContext, type WebRoutes } from '../context.js'
import { csrfField, html, page, type Html } from '../html.js'
import { issueCard } from './issue-view.js'

const w = zh.web.work
const ACTIONS = ['sign', 'answer', 'extend', 'return'] as const
type ActionName = (typeof ACTIONS)[number]

interface TokenParams {
  token: string
}

export const workOrderRoutes: WebRoutes = (f, ctx) => {
  const limits = { config: { rateLimit: ctx.rateLimit } }

  f.get<{ Params: TokenParams; Querystring: { done?: string } }>('/w/:token', limits, async (req, reply) => {
    const order = await open(ctx, req, req.params.token)
    await ctx.audit({ at: ctx.deps.clock.now(), via: via(req.params.token), what: 'view', issueId: order.issue.id, ip: ctx.ip(req), scope: order.issue.studioId })
    return sendHtml(reply, render(ctx, order, reply, req.params.token, w.done[req.query.done ?? '']))
  })

  f.post<{ Params: TokenParams & { action: string }; Body: Record<string, string | undefined> }>(
    '/w/:token/:action',
    { ...limits, preHandler: ctx.csrf },
    async (req, reply) => {
      const name = req.params.action as ActionName
      if (!ACTIONS.includes(name)) throw new WebError(404)
      const order = await open(ctx, req, req.params.token)
      const action = parse(ctx, name, req.body ?? {})
      const r = await departmentStep(ctx.deps, order, action, {
        ip: ctx.ip(req),
        post: (m) => ctx.post(m),
        audit: (what, issueId) => ctx.audit({ at: ctx.deps.clock.now(), via: via(req.params.token), what, issueId, ip: ctx.ip(req), scope: order.issue.studioId }),
      })
      if (!r.ok) {
        await ctx.audit({ at: ctx.deps.clock.now(), via: via(req.params.token), what: `refused:${name}:${r.code}`, issueId: order.issue.id, ip: ctx.ip(req), scope: order.issue.studioId })
        throw refuse(`issues.action.${r.code}` as 'issues.action.not_found', r.params)
      }
      // 退单 voids the link: the confirmation is this page, not a redirect to a link that no longer opens.
      if (name === 'return') return sendHtml(reply, page({ title: w.title(order.issue.id), subtitle: w.subtitle(order.entry.department), body: html`<div class="notice" data-done="return">${w.done.return}</div>` }))
      return reply.redirect(`/w/${req.params.token}?done=${name}`, 303)
    },
  )
}

function via(token: string): string {
  return viaToken('work', tokenHash(token))
}

/** The live or view-only work order, or the one 403 page for every bad token (audited). */
async function open(ctx: WebContext, req: FastifyRequest, token: string): Promise<OpenWorkOrder> {
  const order = await openWorkOrder(ctx.deps, token)
  if (order) return order
  await ctx.audit({ at: ctx.deps.clock.now(), via: via(token), what: 'refused:bad_token', ip: ctx.ip(req) })
  throw new WebError(403, w.voidLink)
}

function maxDays(ctx: WebContext): number {
  return Math.min(ctx.deps.config.issues.maxExtensionWorkingDays, MAX_EXTENSION_WORKING_DAYS)
}

/** The form's fields as the action; wrong input is a refusal (400 page that says how to do it right). */
function parse(ctx: WebContext, name: ActionName, body: Record<string, string | undefined>): DepartmentAction {
  const text = (k: string) => String(body[k] ?? '').trim()
  const max = ctx.deps.config.issues.maxLength
  switch (name) {
    case 'sign':
      return { type: 'sign' }
    case 'answer':
      if (text('text') === '') throw refuse('issues.action.empty_answer', {})
      if ([...text('text')].length > max) throw refuse('issues.action.too_long', { field: 'answer', max })
      return { type: 'answer', text: text('text') }
    case 'extend': {
      const days = /^\d{1,3}$/.test(text('days')) ? Number(text('days')) : NaN
      if (!Number.isInteger(days) || days < 1 || days > maxDays(ctx)) throw new WebError(400, w.badDays(maxDays(ctx)))
      return { type: 'extend_request', workingDays: days, reason: text('reason') }
    }
    case 'return':
      return { type: 'return', reason: text('reason') }
  }
}

function render(ctx: WebContext, order: OpenWorkOrder, reply: FastifyReply, token: string, done: string | undefined): string {
  const { issue, entry } = order
  const now = ctx.deps.clock.now()
  const today = toLocalDate(now)
  const signed = signedAt(issue)
  const pending = pendingExtensionRequest(issue)
  const s = w.statusLine
  const status =
    issue.status !== 'transferred'
      ? s.answered
      : [signed !== undefined ? s.signed(fmtStamp(signed, today)) : s.waitingSign, pending ? s.pendingExtension(pending.workingDays) : ''].filter(Boolean).join('；')
  const csrf = csrfField(reply.generateCsrf())
  const action = (a: ActionName) => `/w/${token}/${a}`
  const forms: Html[] = []
  if (order.live && signed === undefined) {
    forms.push(html`<div class="card"><h2>${w.sign.title}</h2><p class="muted">${w.sign.hint}</p><form method="post" action="${action('sign')}">${csrf}<button type="submit" name="go" value="sign">${w.sign.button}</button></form></div>`)
  }
  if (order.live && signed !== undefined) {
    forms.push(html`<div class="card"><h2>${w.answer.title}</h2><form method="post" action="${action('answer')}">${csrf}<label for="text">${w.answer.label}</label><textarea id="text" name="text" maxlength="${ctx.deps.config.issues.maxLength}" required></textarea><button type="submit">${w.answer.button}</button></form></div>`)
    const asked = issue.extended || currentAssignment(issue).some((e) => e.kind === 'extend_request')
    if (!asked) {
      forms.push(html`<div class="card"><h2>${w.extend.title}</h2><p class="muted">${w.extend.once}</p><form method="post" action="${action('extend')}">${csrf}<label for="days">${w.extend.days(maxDays(ctx))}</label><input type="number" id="days" name="days" min="1" max="${maxDays(ctx)}" required><label for="reason-x">${w.extend.reason}</label><input type="text" id="reason-x" name="reason" required><button type="submit">${w.extend.button}</button></form></div>`)
    }
  }
  if (order.live) {
    forms.push(html`<div class="card"><h2>${w.giveBack.title}</h2><p class="muted">${w.giveBack.hint}</p><form method="post" action="${action('return')}">${csrf}<label for="reason-r">${w.giveBack.reason}</label><input type="text" id="reason-r" name="reason" required><button type="submit" class="plain">${w.giveBack.button}</button></form></div>`)
  }
  return page({
    title: w.title(issue.id),
    subtitle: w.subtitle(entry.department),
    body: [
      html`<h1>${w.title(issue.id)}</h1>`,
      done ? html`<div class="notice" data-done="1">${done}</div>` : html``,
      issueCard(ctx.deps, issue, today, { full: ctx.deps.config.web.departmentsSeeContacts, status }),
      ...forms,
    ],
  })
}
