/**
 * A real browser for the web side's tests: playwright-core driving Debian's Chromium (/usr/bin/chromium,
 * installed by .ci/run) headless; playwright gives every launch a fresh --user-data-dir of its own (it
 * refuses one passed in `args`), no network beyond what the page asks of
 * loopback, and screenshots under test-output/screenshots (git-ignored). One browser per test file
 * (launch in beforeAll, close in afterAll): launching is the slow part.
 */
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'

export const CHROMIUM = process.env.LXQ_CHROMIUM ?? '/usr/bin/chromium'
export const SCREENSHOTS = path.join(process.cwd(), 'test-output', 'screenshots')

export interface TestBrowser {
  browser: Browser
  /** A new context (its own cookies), sized like a phone. */
  phone(): Promise<BrowserContext>
  close(): Promise<void>
}

export async function launchBrowser(): Promise<TestBrowser> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
  return {
    browser,
    phone: () => browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' }),
    async close() {
      await browser.close().catch(() => undefined)
    },
  }
}

/** Saves a full-page screenshot as test-output/screenshots/<name>.png; returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true })
  const file = path.join(SCREENSHOTS, `${name.replace(/[^\w.-]+/g, '_')}.png`)
  await page.screenshot({ path: file, fullPage: true })
  return file
}

/**
 * Fails when the page shows an error: an HTTP status ≥ 400, one of the site's error pages (their
 * message carries `data-error`), or a framework's English error text.
 */
export async function expectNoErrorPage(page: Page, status?: number | null): Promise<void> {
  if (status !== undefined && status !== null && status >= 400) throw new Error(`page ${page.url()} answered ${status}: ${await page.innerText('body').catch(() => '')}`)
  const marked = await page.$('[data-error]')
  if (marked) throw new Error(`page ${page.url()} shows an error: ${await marked.innerText()}`)
  const text = await page.innerText('body')
  if (/Internal Server Error|Not Found|Bad Request|statusCode|Forbidden/.test(text)) throw new Error(`page ${page.url()} shows a framework error: ${text.slice(0, 300)}`)
}

/** Opens a URL and checks it is no error page; returns the page's text. */
export async function openOk(page: Page, url: string, name?: string): Promise<string> {
  const res = await page.goto(url, { waitUntil: 'load' })
  if (name) await screenshot(page, name)
  await expectNoErrorPage(page, res?.status())
  return page.innerText('body')
}
