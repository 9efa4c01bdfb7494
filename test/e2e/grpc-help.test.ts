/**
 * End to end over the real seam: a PuppetServer (wechaty-puppet-service) serving the mock puppet on a
 * loopback port, the bot connected through the puppet-service gRPC client, messages from mock contacts.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { log as wechatyLog } from 'wechaty-puppet'
import { MockGateway, type SeenMessage } from '../../src/demo/mock-gateway.js'
import { createWechatyBot } from '../../src/platform/wechaty-bot.js'
import { createApp, type App } from '../../src/app/app.js'
import { Store } from '../../src/platform/store/store.js'
import { ManualClock } from '../../src/platform/clock.js'
import { memoryLogger } from '../../src/platform/logger.js'
import { demoConfig } from '../support/harness.js'

wechatyLog.level('silent')

async function waitFor<T>(fn: () => T | undefined, ms = 10_000): Promise<T> {
  const end = Date.now() + ms
  for (;;) {
    const v = fn()
    if (v) return v
    if (Date.now() > end) throw new Error('timed out waiting')
    await new Promise((r) => setTimeout(r, 20))
  }
}

describe('the bot over the puppet-service gRPC path', () => {
  const config = demoConfig()
  let gateway: MockGateway
  let bot: ReturnType<typeof createWechatyBot>
  let app: App
  let dir: string
  const seen: SeenMessage[] = []

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'lxq-e2e-'))
    gateway = new MockGateway(config, { strangers: [{ id: 'x-guest', name: '路人甲' }], botName: '连心桥' })
    gateway.onMessage((m) => seen.push(m))
    await gateway.start()
    const log = memoryLogger()
    bot = createWechatyBot({ token: gateway.token, endpoint: gateway.endpoint }, log)
    const store = await Store.open(dir)
    app = await createApp({ config, store, clock: new ManualClock(Date.parse('2026-11-23T09:00:00+08:00')), log, transport: bot.transport, sendGapMs: [0, 10] })
    bot.attach(app)
    await bot.start()
    gateway.login()
    await waitFor(() => bot.transport.isReady())
  })

  afterAll(async () => {
    await bot.stop()
    await gateway.stop()
    rmSync(dir, { recursive: true, force: true })
  })

  test('/帮助 in a studio group is answered in that group', async () => {
    const room = config.studios[0].roomId!
    gateway.say('demo-c01', '/帮助', room)
    const reply = await waitFor(() => seen.find((m) => m.fromBot && m.roomId === room))
    expect(reply.text).toContain('/帮助')
    expect(reply.text).toContain('联络员')
  })

  test('/帮助 in a private chat is answered privately, and a stranger sees only what a guest may use', async () => {
    gateway.say('x-guest', '／帮助')
    const reply = await waitFor(() => seen.find((m) => m.fromBot && m.listenerId === 'x-guest'))
    expect(reply.roomId).toBeUndefined()
    expect(reply.text).toContain('访客')
    expect(reply.text).not.toContain('/绑定码')
  })

  test('the same message delivered twice is answered once', async () => {
    // Counted in 张明华's private chat only: scheduled posts (the roster's calendar-gap warning to the
    // coordinators after login) may still be arriving elsewhere.
    const toHim = () => seen.filter((m) => m.fromBot && m.listenerId === 'demo-p01' && !m.roomId).length
    const before = toHim()
    await app.onMessage({ id: 'dup-1', text: '/我是谁', talkerId: 'demo-p01', talkerName: '张明华', mentions: [] })
    await app.onMessage({ id: 'dup-1', text: '/我是谁', talkerId: 'demo-p01', talkerName: '张明华', mentions: [] })
    await app.idle()
    await waitFor(() => toHim() > before || undefined)
    await new Promise((r) => setTimeout(r, 300))
    expect(toHim()).toBe(before + 1)
  })
})
