/**
 * The walk in a real browser (headless Debian Chromium through playwright-core) over the demo's seam:
 * the mock WeChat gateway served by puppet-service on loopback, the bot through the gRPC client, the web
 * server listening on loopback as `npm start` runs it. /转办 gives the coordinator a link privately; the
 * department opens it, signs for it and answers; the answer shows in the group; the coordinator's
 * /回执 link lets the constituent look the issue up with number + last 4 digits and rate it, solved.
 * Screenshots: test-output/screenshots/walk-*.png; any error page fails the walk.
 */
import type { MockGateway, SeenMessage } from '../../src/demo/mock-gateway.js'
import { startGrpcBot, waitFor, type GrpcBot } from '../support/grpc-bot.js'
import { demoConfig } from '../support/harness.js'
import { createWebServer, type WebServer } from '../../src/web/server.js'
import { expectNoErrorPage, launchBrowser, openOk, screenshot, type TestBrowser } from '../support/browser.js'
import { zh } from '../../src/text/zh-CN.js'

const config = demoConfig()
config.web.port = 0
const room = config.studios.find((s) => s.id === 'hpl')!.roomId!
const COORD = 'demo-c01'
let rig: GrpcBot
let gateway: MockGateway
let seen: SeenMessage[]
let web: WebServer
let b: TestBrowser

beforeAll(async () => {
  rig = await startGrpcBot(config, '2026-03-02T10:00:00+08:00')
  ;({ gateway, seen } = rig)
  web = await createWebServer(rig.app.deps, { post: (m) => rig.app.sender.post(m) })
  await web.listen()
  b = await launchBrowser()
}, 60_000)
afterAll(async () => {
  await b?.close()
  await web?.close()
  await rig?.stop()
})

async function ask(contactId: string, text: string, roomId: string | undefined, marker: RegExp, where: 'group' | 'private' = roomId ? 'group' : 'private'): Promise<SeenMessage> {
  const before = seen.length
  gateway.say(contactId, text, roomId)
  return waitFor(() => seen.slice(before).find((m) => m.fromBot && (where === 'group' ? m.roomId === roomId : !m.roomId && m.listenerId === contactId) && marker.test(m.text ?? '')))
}

test('department signs and answers in the browser; the constituent looks it up and rates it solved', async () => {
  const receipt = await ask(COORD, '/登记 王大爷 13812345678 和平里3号楼 楼道灯坏了半个月', room, /已登记/)
  const id = /HP-2026-\d{4}/.exec(receipt.text!)![0]

  // /转办 in the group: the link comes privately, never in the group.
  const before = seen.length
  const linkMsg = await ask(COORD, `/转办 ${id} 区房管局`, room, /\/w\//, 'private')
  const url = /https?:\/\/\S+\/w\/[A-Za-z0-9_-]{32}/.exec(linkMsg.text!)![0]
  expect(seen.slice(before).filter((m) => m.roomId === room).some((m) => (m.text ?? '').includes('/w/'))).toBe(false)

  const dept = await b.phone()
  const page = await dept.newPage()
  const first = await openOk(page, url, 'walk-1-work-order')
  expect(first).toContain(id)
  expect(first).toContain('王某 138****5678')
  expect(first).not.toContain('13812345678')

  let res = await Promise.all([page.waitForNavigation(), page.click(`button:has-text("${zh.web.work.sign.button}")`)])
  await screenshot(page, 'walk-2-signed')
  await expectNoErrorPage(page, res[0]?.status())
  expect(await page.innerText('[data-done]')).toBe(zh.web.work.done.sign)
  await waitFor(() => seen.find((m) => m.fromBot && m.roomId === room && (m.text ?? '').includes(zh.web.chat.signed(id, '区房管局'))))

  await page.fill('#text', '已协调物业更换楼道灯，并加装声控开关。')
  res = await Promise.all([page.waitForNavigation(), page.click(`button:has-text("${zh.web.work.answer.button}")`)])
  await screenshot(page, 'walk-3-answered')
  await expectNoErrorPage(page, res[0]?.status())
  expect(await page.innerText('[data-done]')).toBe(zh.web.work.done.answer)
  const inGroup = await waitFor(() => seen.find((m) => m.fromBot && m.roomId === room && (m.text ?? '').includes('已协调物业更换楼道灯')))
  expect(inGroup.text).toContain(`${id}：区房管局 已答复`)
  await dept.close()

  // The receipt's link, asked privately by the coordinator, opened by the constituent.
  const receiptMsg = await ask(COORD, `/回执 ${id}`, undefined, /\/q\//)
  const qUrl = /https?:\/\/\S+\/q\/HP-2026-\d{4}/.exec(receiptMsg.text!)![0]
  const citizen = await b.phone()
  const q = await citizen.newPage()
  await openOk(q, qUrl, 'walk-4-lookup')
  await q.fill('#last4', '5678')
  res = await Promise.all([q.waitForNavigation(), q.click(`button:has-text("${zh.web.lookup.button}")`)])
  await screenshot(q, 'walk-5-progress')
  await expectNoErrorPage(q, res[0]?.status())
  const progress = await q.innerText('main')
  expect(progress).toContain(zh.web.lookup.status.answered)
  expect(progress).toContain('已协调物业更换楼道灯')
  expect(progress).not.toContain('王大爷')

  await q.check('input[name=solved][value=yes]')
  await q.check('input[name=rating][value=满意]')
  await q.fill('#comment', '修得很快，谢谢')
  res = await Promise.all([q.waitForNavigation(), q.click(`button:has-text("${zh.web.lookup.rate.button}")`)])
  await screenshot(q, 'walk-6-rated')
  await expectNoErrorPage(q, res[0]?.status())
  expect(await q.innerText('[data-done]')).toBe(zh.web.lookup.rate.thanks)
  await citizen.close()

  const issue = (await rig.app.deps.issues.get(id))!
  expect(issue.status).toBe('rated')
  expect(issue.feedback).toMatchObject({ rating: '满意', solved: true, comment: '修得很快，谢谢' })
  expect(issue.history.map((e) => e.kind)).toEqual(['register', 'transfer', 'sign', 'answer', 'feedback'])
  await waitFor(() => seen.find((m) => m.fromBot && m.roomId === room && m.text === zh.web.chat.rated(id, true, '满意')))
  // No constituent's phone in any group message of the walk.
  expect(seen.filter((m) => m.fromBot && m.roomId).some((m) => (m.text ?? '').includes('13812345678'))).toBe(false)
}, 90_000)
