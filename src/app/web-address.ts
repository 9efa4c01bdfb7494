/**
 * Where the web side is reached: `web.publicUrl` when configured (behind nginx with HTTPS), else
 * `http://host:port` of the running server. Commands give links with `url(path)`; the web server sets
 * the actual address once it listens (a port chosen by the system, the demo's fallback).
 */
import type { Config } from '../config/schema.js'

export class WebAddress {
  private local: string

  constructor(private readonly config: Config['web']) {
    this.local = `http://${hostForUrl(config.host)}:${config.port}`
  }

  /** The running server's own address (set by the web server once it listens). */
  set listening(localUrl: string) {
    this.local = localUrl
  }

  get base(): string {
    return (this.config.publicUrl ?? this.local).replace(/\/+$/, '')
  }

  /** The absolute address of a path of the site (`/w/…`). */
  url(path: string): string {
    return `${this.base}${path.startsWith('/') ? path : `/${path}`}`
  }

  /** Links go over HTTPS (cookies are then Secure). */
  get https(): boolean {
    return this.base.startsWith('https:')
  }
}

/** 0.0.0.0 and :: are not addresses one can open: a local browser uses loopback. */
export function hostForUrl(host: string): string {
  if (host === '0.0.0.0' || host === '::' || host === '') return '127.0.0.1'
  return host.includes(':') ? `[${host}]` : host
}
