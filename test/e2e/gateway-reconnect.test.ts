/**
 * The bot's connection to its gateway over the real puppet-service gRPC path (a PuppetServer over the
 * mock puppet that the test starts and stops itself; the bot as src/main.ts wires it):
 *
 * 1. the gateway comes up 10 s after the bot: two scheduled posts queued meanwhile go out once each
 *    after login, and the bot answers;
 * 2. the gateway is then restarted twice on the same port: each time the bot notices, says so, comes
 *    back, logs in again and answers; nothing sent twice;
 * 3. a graceful stop of the bot leaves the gateway working: a new bot on the same gateway answers.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { log as wechatyLog } from 'wechaty-puppet'
import { MockGateway, freePort, type SeenMessage } from '../../src/demo/mock-gateway.js'
import { createWechatyBot } from '../../src/platform/wechaty-bot.js'
import { createApp } from '../../src/app/app.js'
import { Store } from '../../src/platform/store/store.js'
import { ManualClock } from '../../src/platform/clock.js'
import { memoryLogger } from '../../src/platform/logger.js'
import { demoConfig } from '../support/harness.js'
import { waitFor } from '../support/grpc-bot.js'

wechatyLog.level('silent')

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

async function startBot(gateway: MockGateway, port: number, dir: string) {
  const config = demoConfig()
  const log = memoryLogger()
  // random 0: the shortest waits of the backoff (0.8 s, 1.6 s, …), to keep the test short.
  const wb = createWechatyBot({ token: gateway.token, endpoint: `127.0.0.1:${port}` }, log, 'lxq-reconnect-test', { random: () => 0 })
  const store = await Store.open(dir)
  const app = await createApp({ config, store, clock: new ManualClock(Date.parse('2026-12-01T10:00:00+08:00')), log, transport: wb.transport, sendGapMs: [0, 10] })
  wb.attach(app)
  return { wb, app, log, store }
}

test('gateway up 10 s after the bot, then restarted twice; a graceful stop leaves it usable for the next bot', async () => {
  const config = demoConfig()
  const port = await freePort()
  const gateway = new MockGateway(config, { port, strangers: [{ id: 'x-guest', name: '路人甲' }], botName: '连心桥' })
  const seen: SeenMessage[] = []
  gateway.onMessage((m) => seen.push(m))
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lxq-reconnect-'))
  const { wb, app, log, store } = await startBot(gateway, port, dir)
  const rooms = config.studios.map((s) => s.roomId!).slice(0, 2)
  const answersTo = (who: string) => seen.filter((m) => m.fromBot && m.listenerId === who && !m.roomId)
  try {
    const t0 = Date.now()
    await wb.start()
    // Two scheduled posts, queued while there is no gateway at all.
    await app.deps.outbox.post('test:reconnect:1', [{ to: { roomId: rooms[0] }, text: 'queued post one' }], Date.now())
    await app.deps.outbox.post('test:reconnect:2', [{ to: { roomId: rooms[1] }, text: 'queued post two' }], Date.now())
    await sleep(10_000 - (Date.now() - t0))
    expect(seen).toEqual([])
    expect(wb.transport.isReady()).toBe(false)
    expect(log.lines.some((l) => l.includes('连不上微信网关'))).toBe(true)

    await gateway.start()
    gateway.login()
    await waitFor(() => wb.transport.isReady(), 40_000)
    await waitFor(() => seen.filter((m) => m.fromBot && m.text?.includes('queued post')).length >= 2, 10_000)
    gateway.say('x-guest', '/我是谁')
    await waitFor(() => answersTo('x-guest').length >= 1, 10_000)

    // What the puppet's watchdog agent listens with, after the first connection (more would be a leak).
    const puppet = wb.bot.puppet as unknown as NodeJS.EventEmitter & { __watchdog: { watchdog: NodeJS.EventEmitter } }
    const listeners = () => ({ reset: puppet.__watchdog.watchdog.listenerCount('reset'), heartbeat: puppet.listenerCount('heartbeat') })
    const connected = listeners()
    for (let round = 1; round <= 2; round++) {
      const before = answersTo('x-guest').length
      await gateway.stop()
      await waitFor(() => !wb.transport.isReady(), 10_000)
      await sleep(2000)
      await gateway.start()
      await waitFor(() => wb.transport.isReady(), 40_000)
      gateway.say('x-guest', '/我是谁')
      await waitFor(() => answersTo('x-guest').length >= before + 1, 10_000)
    }
    await app.idle()
    await sleep(500)
    // Every reconnect started the puppet again (and the attempts while the gateway was down): no listener added.
    expect(listeners()).toEqual(connected)
    // Every post and answer exactly once.
    const posts = seen.filter((m) => m.fromBot && m.text?.includes('queued post')).map((m) => m.text)
    expect(posts.sort()).toEqual(['queued post one', 'queued post two'])
    expect(answersTo('x-guest')).toHaveLength(3)
    const text = log.lines.join('\n')
    expect(text.match(/与微信网关的连接断了/g)?.length).toBe(2)
    expect(text.match(/已登录微信/g)?.length).toBe(3)
    expect(text).not.toContain(gateway.token)
  } finally {
    await app.idle()
    await wb.stop()
    await store.close()
  }

  // A graceful stop sent no Stop to the gateway: the next run on the same gateway just works.
  const dir2 = mkdtempSync(path.join(os.tmpdir(), 'lxq-reconnect-'))
  const next = await startBot(gateway, port, dir2)
  try {
    const before = answersTo('x-guest').length
    await next.wb.start()
    await waitFor(() => next.wb.transport.isReady(), 30_000)
    gateway.say('x-guest', '/帮助')
    await waitFor(() => answersTo('x-guest').length >= before + 1, 10_000)
    expect(answersTo('x-guest').at(-1)!.text).toContain('可用命令')
  } finally {
    await next.app.idle()
    await next.wb.stop()
    await next.store.close()
    await gateway.stop()
    rmSync(dir, { recursive: true, force: true })
    rmSync(dir2, { recursive: true, force: true })
  }
}, 150_000)
