/**
 * The browser harness itself: headless Debian Chromium opens a page of the web server; the error-page
 * check fails on the site's own error page (so the walks that rely on it can fail).
 */
import { Harness } from '../support/harness.js'
import { createWebServer, type WebServer } from '../../src/web/server.js'
import { launchBrowser, openOk, screenshot, type TestBrowser } from '../support/browser.js'
import { existsSync } from 'node:fs'
import { zh } from '../../src/text/zh-CN.js'

let h: Harness
let web: WebServer
let b: TestBrowser
let base: string

beforeAll(async () => {
  h = await Harness.start({ now: '2026-03-02T10:00:00+08:00', config: undefined })
  h.config.web.port = 0
  web = await createWebServer(h.app.deps, { post: (m) => h.app.sender.post(m), routes: [] })
  base = await web.listen()
  b = await launchBrowser()
}, 60_000)
afterAll(async () => {
  await b?.close()
  await web?.close()
  await h?.close()
})

test('a missing page is the Chinese 404 page, and the harness calls it an error', async () => {
  const ctx = await b.phone()
  const page = await ctx.newPage()
  await expect(openOk(page, `${base}/nothing`)).rejects.toThrow(/404|页面不存在/)
  expect(await page.innerText('h1')).toBe(zh.web.errorTitle[404])
  expect(existsSync(await screenshot(page, 'harness-404'))).toBe(true)
  await ctx.close()
})
