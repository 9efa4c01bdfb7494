/** The web server on a test harness's app, as src/main.ts wires it (same deps, posts through the app's sender), ready for inject. */
import { createWebServer, type WebServer } from '../../src/web/server.js'
import type { Harness } from './harness.js'

export async function webServerOf(h: Harness): Promise<WebServer> {
  const web = await createWebServer(h.app.deps, { post: (m) => h.app.sender.post(m) })
  await web.fastify.ready()
  return web
}
