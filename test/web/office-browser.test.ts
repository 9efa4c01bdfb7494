/**
 * The liaison office's walk in a real browser (headless Debian Chromium through playwright-core): on the
 * test app with the demo's people, an admin asks the bot for /后台 in private, opens the link on a phone-
 * sized page, confirms the login, and reads an overview whose figures equal what /统计 本年 全区 answers;
 * then the overdue list and an issue's record. Screenshots go to test-output/screenshots (git-ignored);
 * any error page fails the walk.
 */
import { Harness } from '../support/harness.js'
import { createWebServer, type WebServer } from '../../src/web/server.js'
import { expectNoErrorPage, launchBrowser, openOk, screenshot, type TestBrowser } from '../support/browser.js'

const HP = 'hpl'
let h: Harness
let web: WebServer
let b: TestBrowser
let base: string

beforeAll(async () => {
  h = await Harness.start({ now: '2026-11-02T10:00:00+08:00' })
  h.config.web.port = 0
  await h.say('张明华', '/登记 王大爷 13812345678 和平里3号楼 楼道灯坏了半个月', HP)
  await h.say('刘芳', '/转办 HP-2026-0001 区房管局 5', HP)
  await h.say('刘芳', '/答复 HP-2026-0001 已更换灯泡', HP)
  await h.say('刘芳', '/反馈 HP-2026-0001 基本满意', HP)
  await h.say('马俊', '/登记 赵大姐 13698765432 七一路5号 小区门口积水', 'qyl')
  await h.say('马俊', '/转办 QY-2026-0001 区城管委 3', 'qyl')
  web = await createWebServer(h.app.deps, { post: (m) => h.app.sender.post(m) })
  base = await web.listen()
  h.app.deps.web.listening = base
  b = await launchBrowser()
}, 60_000)
afterAll(async () => {
  await b?.close()
  await web?.close()
  await h?.close()
})

test('an admin logs in by the bot\'s link and sees the 三率 overview, equal to /统计', async () => {
  const [reply] = await h.say('钱敏', '/后台')
  const link = /(http:\/\/\S+\/office\/login\/\S+)/.exec(reply)?.[1]
  expect(link?.startsWith(base)).toBe(true)
  const ctx = await b.phone()
  const page = await ctx.newPage()
  await openOk(page, link!, 'office-1-login')
  await Promise.all([page.waitForURL(`${base}/office`), page.click('button')])
  await expectNoErrorPage(page)
  await screenshot(page, 'office-2-overview')
  const fig = async (name: string) => (await page.innerText(`#totals [data-figure="${name}"]`)).trim()
  const [stats] = await h.say('钱敏', '/统计 本年 全区')
  const line = (start: string) => stats.split('\n').find((l) => l.startsWith(start)) ?? ''
  expect(line('满意率')).toContain(`满意率 ${await fig('satisfaction')}`)
  expect(line('结案')).toContain(`结案率 ${await fig('closure')}`)
  expect(line('响应率')).toContain(`响应率 ${await fig('response')}`)
  expect(line('响应率')).toContain(`解决率 ${await fig('solved')}`)
  expect(line('受理群众反映问题')).toBe(`受理群众反映问题 ${(await fig('received')).replace(' 件', '')} 件`)
  expect(line('接待日')).toContain(`接待日 ${(await fig('sessions')).replace(' 场', '')} 场`)
  expect(line('接待群众')).toBe(`接待群众 ${(await fig('visits')).replace(' 人次', '')} 人次`)
  expect(await fig('satisfaction')).toBe('100%（1/1）')
  expect(await fig('response')).toBe('50%（1/2）')
  // The charts are drawn: SVG bars of non-zero size.
  const bars = await page.$$eval('.chart svg path[ecmeta_ssr_type="chart"]', (ps) => ps.map((p) => (p as SVGGraphicsElement).getBBox()).filter((r) => r.width > 0 && r.height > 0).length)
  expect(bars).toBeGreaterThan(0)

  await openOk(page, `${base}/office/overdue`, 'office-3-overdue')
  expect(await page.$$eval('tr[data-colour]', (rs) => rs.map((r) => r.getAttribute('data-colour')))).toEqual(['yellow'])
  await openOk(page, `${base}/office/issues?q=${encodeURIComponent('楼道灯')}`, 'office-4-search')
  await Promise.all([page.waitForURL(`${base}/office/issues/HP-2026-0001`), page.click('a[href="/office/issues/HP-2026-0001"]')])
  await expectNoErrorPage(page)
  await screenshot(page, 'office-5-record')
  const record = await page.innerText('#record')
  expect(record).toContain('王某')
  expect(record).not.toContain('13812345678')
  await ctx.close()
}, 60_000)
