/**
 * What the web side's route plugins share with the server (src/web/server.ts): the context each is
 * given, the explicit error page, and how a page is sent.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest, preHandlerHookHandler } from 'fastify'
import type { Deps } from '../app/deps.js'
import type { OutgoingMessage } from '../messages/message.js'
import type { AuditRecord } from '../platform/store/store.js'
import type { AuditInput } from './audit.js'

/** What every route plugin is given. */
export interface WebContext {
  deps: Deps
  /** Posts chat messages through the app's sender (its group gate masks group messages). */
  post(messages: OutgoingMessage | readonly OutgoingMessage[]): void
  /** Writes an audit record (joins the current transaction, if any). */
  audit(input: AuditInput): Promise<AuditRecord>
  /** preHandler that checks the form's CSRF token (403 page when missing or wrong). */
  csrf: preHandlerHookHandler
  /** Per-IP rate limit for token and lookup endpoints (`config: { rateLimit: ctx.rateLimit }`). */
  rateLimit: { max: number; timeWindow: number }
  /** The client's address (behind a proxy when `web.trustProxy`), for the audit and per-IP limits. */
  ip(req: FastifyRequest): string
}

/** A route plugin: registers its routes on the (encapsulated) instance. */
export type WebRoutes = (f: FastifyInstance, ctx: WebContext) => Promise<void> | void

/** An explicit page with a status and a Chinese text (e.g. a void link: 403 with how to get a new one). */
export class WebError extends Error {
  constructor(
    readonly statusCode: number,
    readonly text?: string,
  ) {
    super(`web ${statusCode}`)
    this.name = 'WebError'
  }
}

/** Sends a page (200 unless said otherwise), never cached (pages show live, personal data). */
export function sendHtml(reply: FastifyReply, body: string, status = 200): FastifyReply {
  return reply.code(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(body)
}
