/**
 * A silent gateway: the TCP connection stays open but nothing comes back (a half-open link, a hung
 * gateway). The bot talks to the gateway through a loopback proxy the test can freeze; with no event for
 * `heartbeatMs` the supervisor dings the gateway with a deadline, gets no answer, drops the connection,
 * reconnects (new connections pass the proxy again; the gateway takes a new event stream once the old
 * connection is closed on its side), logs in again and answers.
 */
import net from 'node:net'
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

/** Forwards loopback TCP to `target`; freeze() stops every open connection dead without closing it. */
function freezableProxy(targetPort: number) {
  const open: { a: net.Socket; b: net.Socket }[] = []
  const all: net.Socket[] = []
  const server = net.createServer((a) => {
    const b = net.connect(targetPort, '127.0.0.1')
    a.pipe(b)
    b.pipe(a)
    const close = () => (a.destroy(), b.destroy())
    a.on('error', close).on('close', close)
    b.on('error', close).on('close', close)
    open.push({ a, b })
    all.push(a, b)
  })
  return {
    server,
    listen: (port: number) => new Promise<void>((r) => server.listen(port, '127.0.0.1', () => r())),
    freeze() {
      for (const { a, b } of open) {
        a.unpipe(b)
        b.unpipe(a)
        a.pause()
        b.pause()
      }
    },
    /** What the gateway's TCP stack does in the end: the frozen connections are closed. */
    dropFrozen() {
      for (const { a, b } of open.splice(0)) a.destroy(), b.destroy()
    },
    close: () => {
      for (const x of all) x.destroy()
      return new Promise<void>((r) => server.close(() => r()))
    },
  }
}

test('a gateway that goes silent without closing the connection is noticed by the ding probe and reconnected', async () => {
  const config = demoConfig()
  const gatewayPort = await freePort()
  const proxyPort = await freePort()
  const gateway = new MockGateway(config, { port: gatewayPort, strangers: [{ id: 'x-guest', name: '路人甲' }], botName: '连心桥' })
  const seen: SeenMessage[] = []
  gateway.onMessage((m) => seen.push(m))
  await gateway.start()
  gateway.login()
  const proxy = freezableProxy(gatewayPort)
  await proxy.listen(proxyPort)
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lxq-silent-'))
  const log = memoryLogger()
  const wb = createWechatyBot({ token: gateway.token, endpoint: `127.0.0.1:${proxyPort}` }, log, 'lxq-silent-test', { random: () => 0, heartbeatMs: 2000 })
  const store = await Store.open(dir)
  const app = await createApp({ config, store, clock: new ManualClock(Date.parse('2026-12-02T10:00:00+08:00')), log, transport: wb.transport, sendGapMs: [0, 10] })
  wb.attach(app)
  const answers = () => seen.filter((m) => m.fromBot && m.listenerId === 'x-guest' && !m.roomId)
  try {
    await wb.start()
    await waitFor(() => wb.transport.isReady(), 30_000)
    await app.idle()
    // Quiet but alive: the probe is answered, nothing is dropped.
    await new Promise((r) => setTimeout(r, 5000))
    expect(log.lines.filter((l) => l.includes('与微信网关的连接断了'))).toEqual([])

    proxy.freeze()
    await waitFor(() => log.lines.find((l) => l.includes('与微信网关的连接断了')), 20_000)
    expect(log.lines.find((l) => l.includes('与微信网关的连接断了'))).toContain('网关不回应')
    expect(wb.transport.isReady()).toBe(false)
    // Until the gateway lets go of the dead connection it refuses a new event stream; then the bot is back.
    proxy.dropFrozen()
    await waitFor(() => log.lines.filter((l) => l.includes('已登录微信')).length >= 2 && wb.transport.isReady(), 30_000)
    gateway.say('x-guest', '/我是谁')
    await waitFor(() => answers().length >= 1, 10_000)
  } catch (e) {
    console.log(log.lines.filter((l) => !l.includes('DEBUG')).join('\n'))
    throw e
  } finally {
    await proxy.close().catch(() => undefined)
    await wb.stop()
    await store.close()
    await gateway.stop()
    rmSync(dir, { recursive: true, force: true })
  }
}, 90_000)
