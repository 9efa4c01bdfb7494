/**
 * The site's front page (`/`, the address `npm start` prints): what the pages are for and how each kind
 * of visitor gets in — constituents look up their issue, departments open the work-order link they were
 * sent, the liaison office logs in by the link `/后台` sends. It names nobody and shows no data.
 * `/favicon.ico` answers 204, so a browser's automatic request is not a 404 in the log.
 */
import { zh } from '../../text/zh-CN.js'
import { sendHtml, type WebRoutes } from '../context.js'
import { html, page } from '../html.js'

const t = zh.web.home

export const homeRoutes: WebRoutes = (f) => {
  f.get('/', async (_req, reply) =>
    sendHtml(
      reply,
      page({
        title: t.title,
        body: [
          html`<div class="card"><h1>${t.title}</h1><p>${t.intro}</p></div>`,
          html`<div class="card"><h2>${t.constituent.title}</h2><p>${t.constituent.text}</p><p><a href="/q">${t.constituent.link}</a></p></div>`,
          html`<div class="card"><h2>${t.department.title}</h2><p>${t.department.text}</p></div>`,
          html`<div class="card"><h2>${t.office.title}</h2><p>${t.office.text}</p></div>`,
        ],
      }),
    ),
  )
  f.get('/favicon.ico', async (_req, reply) => reply.code(204).send())
}
