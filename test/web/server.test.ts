/**
 * The web server's skeleton: Chinese error pages (never fastify's English ones), the security headers,
 * CSRF on forms, the per-IP rate limit, and the audit record persisted through the store.
 */
import type { InjectOptions } from 'fastify'
import { Harness } from '../support/harness.js'
import { createWebServer, WebError, type WebServer } from '../../src/web/server.js'
import { csrfField, html, page, esc } from '../../src/web/html.js'
import { sendHtml } from '../../src/web/context.js'
import { readAudit } from '../../src/web/audit.js'
import { refuse } from '../../src/text/refusals.js'
import { zh } from '../../src/text/zh-CN.js'

let h: Harness
let web: WebServer

beforeAll(async () => {
  h = await Harness.start({ now: '2026-03-02T10:00:00+08:00' })
  web = await createWebServer(h.app.deps, {
    post: (m) => h.app.sender.post(m),
    routes: [
      (f, ctx) => {
        f.get('/form', async (_req, reply) => sendHtml(reply, page({ title: 't', body: html`<form method="post" action="/form">${csrfField(reply.generateCsrf())}<button>ok</button></form>` })))
        f.post('/form', { preHandler: ctx.csrf }, async (_req, reply) => sendHtml(reply, page({ title: 't', body: html`<p>done</p>` })))
        f.get('/limited', { config: { rateLimit: { max: 2, timeWindow: 60_000 } } }, async (_req, reply) => sendHtml(reply, page({ title: 't', body: html`<p>ok</p>` })))
        f.get('/refused', async () => {
          throw refuse('issues.notFound', 'HP-2026-0001')
        })
        f.get('/gone', async () => {
          throw new WebError(403, 'void')
        })
        f.get('/crash', async () => {
          throw new Error('boom')
        })
        f.post('/audit', async (req, reply) => {
          await ctx.audit({ at: h.clock.now(), via: 'test:1', what: 'poke', ip: ctx.ip(req) })
          return sendHtml(reply, page({ title: 't', body: html`<p>ok</p>` }))
        })
      },
    ],
  })
  await web.fastify.ready()
})
afterAll(async () => {
  await web.close()
  await h.close()
})

const inject = (o: InjectOptions) => web.fastify.inject(o)

test('an unknown page is the Chinese 404 page, with security headers and no caching', async () => {
  const r = await inject({ url: '/nothing-here' })
  expect(r.statusCode).toBe(404)
  expect(r.headers['content-type']).toContain('text/html')
  expect(r.body).toContain(zh.web.errorTitle[404])
  expect(r.body).toContain('name="viewport"')
  expect(r.body).not.toMatch(/Not Found|statusCode/)
  expect(r.headers['content-security-policy']).toContain("script-src 'none'")
  expect(r.headers['x-content-type-options']).toBe('nosniff')
  expect(r.headers['cache-control']).toBe('no-store')
})

test('a refusal is a 400 page with its catalogue wording; a WebError its own; a crash a 500 page, logged', async () => {
  const a = await inject({ url: '/refused' })
  expect(a.statusCode).toBe(400)
  expect(a.body).toContain(esc(zh.issues.notFound('HP-2026-0001')))
  const b = await inject({ url: '/gone' })
  expect(b.statusCode).toBe(403)
  expect(b.body).toContain('void')
  const c = await inject({ url: '/crash' })
  expect(c.statusCode).toBe(500)
  expect(c.body).toContain(zh.web.errorTitle[500])
  expect(c.body).not.toContain('boom')
  expect(h.log.lines.some((l) => l.includes('web request failed'))).toBe(true)
})

test('a form needs its CSRF token: missing or wrong → the Chinese 403 page; the right one passes', async () => {
  const missing = await inject({ method: 'POST', url: '/form', payload: 'x=1', headers: { 'content-type': 'application/x-www-form-urlencoded' } })
  expect(missing.statusCode).toBe(403)
  expect(missing.body).toContain(esc(zh.web.csrfExpired))
  const form = await inject({ url: '/form' })
  const token = /name="_csrf" value="([^"]+)"/.exec(form.body)![1]
  const cookie = form.cookies.map((c) => `${c.name}=${c.value}`).join('; ')
  expect(form.cookies.find((c) => c.name === '_csrf')?.httpOnly).toBe(true)
  const wrong = await inject({ method: 'POST', url: '/form', payload: `_csrf=${token}x`, headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' } })
  expect(wrong.statusCode).toBe(403)
  const right = await inject({ method: 'POST', url: '/form', payload: `_csrf=${encodeURIComponent(token)}`, headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' } })
  expect(right.statusCode).toBe(200)
  expect(right.body).toContain('done')
})

test('the rate limit answers with the Chinese 429 page', async () => {
  expect((await inject({ url: '/limited' })).statusCode).toBe(200)
  expect((await inject({ url: '/limited' })).statusCode).toBe(200)
  const r = await inject({ url: '/limited' })
  expect(r.statusCode).toBe(429)
  expect(r.body).toContain(zh.web.errorTitle[429])
})

test('an audit record is durable: it survives a restart', async () => {
  await inject({ method: 'POST', url: '/audit' })
  expect((await readAudit(h.store, 'district', 2026)).map((r) => r.what)).toEqual(['poke'])
  await h.restart({ crash: true })
  const after = await readAudit(h.store, 'district', 2026)
  expect(after).toHaveLength(1)
  expect(after[0]).toMatchObject({ via: 'test:1', what: 'poke', ip: '127.0.0.1' })
})
