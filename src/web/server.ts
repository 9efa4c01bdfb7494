/**
 * The web side's server (issue 18), inside the bot's process: the same Deps (store, its lock, its
 * transactions, the directory, the clock) and the same sender for what it posts to WeChat.
 *
 * fastify 5 with its maintained plugins: @fastify/helmet (security headers), @fastify/cookie,
 * @fastify/csrf-protection (every form; checked in a preHandler: `ctx.csrf`), @fastify/rate-limit (per
 * route: `config: { rateLimit: ctx.rateLimit }` on every token and lookup endpoint), @fastify/formbody.
 * Route plugins (`WebRoutes`) are registered in order: the department's and constituent's pages
 * (src/web/pages), the liaison office's (src/web/office).
 *
 * Errors never show fastify's English pages: 404, a refusal (UserError: 400 with its catalogue wording),
 * a `WebError`, a bad CSRF token (403), a rate limit (429) and anything else (500, logged without the
 * URL, which may carry a token) get the Chinese page of src/web/html.ts.
 */
import Fastify, { type FastifyInstance, type FastifyReply, type preHandlerHookHandler } from 'fastify'
import fastifyCookie from '@fastify/cookie'
import fastifyCsrf from '@fastify/csrf-protection'
import fastifyRateLimit from '@fastify/rate-limit'
import fastifyHelmet from '@fastify/helmet'
import fastifyFormbody from '@fastify/formbody'
import type { Deps } from '../app/deps.js'
import type { OutgoingMessage } from '../messages/message.js'
import { UserError } from '../messages/user-error.js'
import { refusalText } from '../text/refusals.js'
import { zh } from '../text/zh-CN.js'
import { errorPage } from './html.js'
import { sendHtml } from './context.js'
import { writeAudit } from './audit.js'
import { hostForUrl } from '../app/web-address.js'
import { WebError, type WebContext, type WebRoutes } from './context.js'
import { defaultRoutes } from './routes.js'

export { WebError, defaultRoutes, type WebContext, type WebRoutes }

export interface WebServerOptions {
  routes?: readonly WebRoutes[]
  /** Where chat messages go: the app's sender (`app.sender.post`). */
  post: (m: OutgoingMessage) => void
}

export interface WebServer {
  fastify: FastifyInstance
  ctx: WebContext
  /**
   * Listens on web.host:web.port; resolves with the local address. `fallback`: when the port is taken,
   * take a free one instead (the demo); otherwise rejects with a `WebListenError` whose message is Chinese.
   */
  listen(o?: { fallback?: boolean }): Promise<string>
  close(): Promise<void>
}

export class WebListenError extends Error {}

export async function createWebServer(deps: Deps, o: WebServerOptions): Promise<WebServer> {
  const cfg = deps.config.web
  const f = Fastify({ logger: false, trustProxy: cfg.trustProxy, bodyLimit: 256 * 1024, routerOptions: { maxParamLength: 200 } })
  const https = deps.web.https

  await f.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: true,
      directives: {
        'script-src': ["'none'"],
        'img-src': ["'self'", 'data:'],
        // Plain http on loopback (the demo) must not be upgraded; behind HTTPS it is the default.
        'upgrade-insecure-requests': https ? [] : null,
      },
    },
    strictTransportSecurity: https ? undefined : false,
    referrerPolicy: { policy: 'no-referrer' },
  })
  await f.register(fastifyCookie)
  await f.register(fastifyCsrf, { cookieOpts: { path: '/', httpOnly: true, sameSite: 'lax', secure: https } })
  await f.register(fastifyRateLimit, {
    global: false,
    errorResponseBuilder: (_req, context) => Object.assign(new WebError(429), { statusCode: context.statusCode }),
  })
  await f.register(fastifyFormbody)

  f.setNotFoundHandler((_req, reply) => sendPage(reply, 404, errorPage(404)))
  f.setErrorHandler((e: Error & { statusCode?: number; code?: string }, req, reply) => {
    if (e instanceof UserError) return sendPage(reply, 400, errorPage(400, refusalText(e)))
    if (e instanceof WebError) return sendPage(reply, e.statusCode, errorPage(e.statusCode, e.text))
    if (typeof e.code === 'string' && e.code.startsWith('FST_CSRF')) return sendPage(reply, 403, errorPage(403, zh.web.csrfExpired))
    const status = e.statusCode ?? 500
    if (status >= 400 && status < 500) return sendPage(reply, status === 429 ? 429 : status === 404 ? 404 : status === 403 ? 403 : 400, errorPage(status))
    deps.log.error('web request failed', { method: req.method, route: req.routeOptions.url, error: e })
    return sendPage(reply, 500, errorPage(500))
  })

  const ctx: WebContext = {
    deps,
    post(messages) {
      for (const m of Array.isArray(messages) ? messages : [messages as OutgoingMessage]) o.post(m)
    },
    audit: (input) => writeAudit(deps.store, input),
    csrf: (req, reply, done) => (f as unknown as { csrfProtection: preHandlerHookHandler }).csrfProtection.call(f, req, reply, done),
    rateLimit: { max: cfg.ratePerMinute, timeWindow: 60_000 },
    ip: (req) => req.ip,
  }

  for (const routes of o.routes ?? defaultRoutes) await f.register(async (scope) => routes(scope, ctx))


  return {
    fastify: f,
    ctx,
    async listen(lo) {
      const tryOn = async (port: number): Promise<string> => {
        await f.listen({ host: cfg.host, port })

        const addr = f.server.address()
        const actual = typeof addr === 'object' && addr ? addr.port : port
        const local = `http://${hostForUrl(cfg.host)}:${actual}`
        deps.web.listening = local
        return local
      }
      try {
        return await tryOn(cfg.port)
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code
        if (code === 'EADDRINUSE' && lo?.fallback) return tryOn(0)
        if (code === 'EADDRINUSE') throw new WebListenError(zh.web.portBusy(cfg.host, cfg.port))
        throw new WebListenError(zh.web.listenFailed(cfg.host, cfg.port, (e as Error).message))
      }
    },
    async close() {
      await f.close()
    },
  }
}

function sendPage(reply: FastifyReply, status: number, body: string): FastifyReply {
  return sendHtml(reply, body, status)
}
