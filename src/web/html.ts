/**
 * Server-rendered HTML for the web side: escaping, the page shell and the Chinese error pages.
 *
 * The pages are read on phones inside WeChat's built-in browser: a viewport meta, plain inline CSS, no
 * client script, no build step. Every text comes from the catalogue (zh.web); every value is escaped here
 * (`esc`), or built with the `html` tag, which escapes what it interpolates unless it is already `Html`.
 */
import { zh } from '../text/zh-CN.js'

const t = zh.web

/** Markup that is already safe (built by `html` or `raw`). */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value
  }
}

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' }

/** Escapes text for HTML content and attribute values. */
export function esc(value: unknown): string {
  return String(value ?? '').replace(/[&<>"'`]/g, (c) => ESC[c])
}

/** Markup trusted as is (only for strings built from constants). */
export function raw(markup: string): Html {
  return new Html(markup)
}

type Part = Html | string | number | undefined | null | false | readonly Part[]

function render(part: Part): string {
  if (part === undefined || part === null || part === false) return ''
  if (part instanceof Html) return part.value
  if (Array.isArray(part)) return part.map(render).join('')
  return esc(part)
}

/** Tagged template: interpolated values are escaped (arrays joined), `Html` values kept. */
export function html(strings: TemplateStringsArray, ...values: Part[]): Html {
  let out = strings[0]
  for (let i = 0; i < values.length; i++) out += render(values[i]) + strings[i + 1]
  return new Html(out)
}

/** Text with its line breaks kept (answers, contents). */
export function multiline(text: string): Html {
  return new Html(esc(text).replace(/\r?\n/g, '<br>'))
}

const CSS = `
*{box-sizing:border-box}
body{margin:0;font:16px/1.6 -apple-system,"PingFang SC","Noto Sans CJK SC","Microsoft YaHei",sans-serif;color:#222;background:#f4f4f4}
header{background:#b71c1c;color:#fff;padding:10px 16px;font-size:17px}
header b{font-weight:600}
main{max-width:720px;margin:0 auto;padding:12px}
footer{color:#999;font-size:12px;text-align:center;padding:16px}
h1{font-size:20px;margin:8px 0 12px}
h2{font-size:17px;margin:16px 0 8px}
.card{background:#fff;border-radius:8px;padding:12px 14px;margin:10px 0;box-shadow:0 1px 2px rgba(0,0,0,.06)}
.muted{color:#777;font-size:14px}
.ok{color:#2e7d32}.warn{color:#e65100}.bad{color:#c62828}
.notice{background:#e8f5e9;border-left:4px solid #2e7d32;padding:8px 12px;margin:10px 0}
.error{background:#ffebee;border-left:4px solid #c62828;padding:8px 12px;margin:10px 0}
dl{margin:0}dt{color:#777;font-size:14px;margin-top:6px}dd{margin:0 0 4px}
ol.history{padding-left:20px;margin:4px 0}ol.history li{margin:4px 0}
label{display:block;margin:10px 0 4px;font-weight:600}
input[type=text],input[type=tel],input[type=number],textarea,select{width:100%;font-size:16px;padding:8px;border:1px solid #ccc;border-radius:6px;background:#fff}
textarea{min-height:110px}
.choices label{display:inline-block;font-weight:normal;margin:4px 14px 4px 0}
button{font-size:16px;padding:10px 18px;margin:12px 8px 4px 0;border:0;border-radius:6px;background:#b71c1c;color:#fff}
button.plain{background:#757575}
table{border-collapse:collapse;width:100%;background:#fff}th,td{border:1px solid #e0e0e0;padding:6px 8px;text-align:left;font-size:14px}
`

export interface PageOptions {
  title: string
  body: Html | Html[]
  /** Shown under the header (the page's owner: a studio, a department). */
  subtitle?: string
  /** Extra CSS (the office pages' charts). */
  css?: string
}

/** A whole page: the shell every page of the site shares. */
export function page(o: PageOptions): string {
  const body = Array.isArray(o.body) ? o.body.map((b) => b.value).join('') : o.body.value
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex,nofollow">
<meta name="referrer" content="no-referrer">
<title>${esc(o.title)} · ${esc(t.siteName)}</title>
<style>${CSS}${o.css ?? ''}</style></head>
<body><header><b>${esc(t.siteName)}</b>${o.subtitle ? ` · ${esc(o.subtitle)}` : ''}</header>
<main>${body}</main>
<footer>${esc(t.footer)}</footer></body></html>`
}

/** The status codes that get their own Chinese error page. */
export const ERROR_STATUSES = [400, 403, 404, 429, 500] as const
export type ErrorStatus = (typeof ERROR_STATUSES)[number]

/** A Chinese error page: the status's title, and `text` (or the status's general advice). */
export function errorPage(status: number, text?: string): string {
  const code = (ERROR_STATUSES as readonly number[]).includes(status) ? status : status >= 500 ? 500 : 400
  return page({
    title: t.errorTitle[code],
    body: html`<div class="card"><h1>${t.errorTitle[code]}</h1><p class="error" data-error="${code}">${text ?? t.errorText[code]}</p></div>`,
  })
}

/** The hidden CSRF field every form carries (@fastify/csrf-protection checks it). */
export function csrfField(token: string): Html {
  return html`<input type="hidden" name="_csrf" value="${token}">`
}
