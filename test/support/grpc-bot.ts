/**
 * The end-to-end rig: a loopback PuppetServer over the mock puppet (MockGateway), the bot connected
 * through the puppet-service gRPC client as src/main.ts wires it, a fresh data folder, a standing clock.
 * `seen` holds every message the gateway carried, the bot's included.
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
import type { Config } from '../../src/config/schema.js'

wechatyLog.level('silent')

export async function waitFor<T>(fn: () => T | undefined, ms = 20_000): Promise<T> {
  const end = Date.now() + ms
  for (;;) {
    const v = fn()
    if (v) return v
    if (Date.now() > end) throw new Error('timed out waiting')
    await new Promise((r) => setTimeout(r, 20))
  }
}

export interface GrpcBot {
  gateway: MockGateway
  bot: ReturnType<typeof createWechatyBot>
  app: App
  seen: SeenMessage[]
  stop(): Promise<void>
}

export async function startGrpcBot(config: Config, nowIso: string): Promise<GrpcBot> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lxq-e2e-'))
  const seen: SeenMessage[] = []
  const gateway = new MockGateway(config, { strangers: [{ id: 'x-guest', name: '路人甲' }], botName: '连心桥' })
  gateway.onMessage((m) => seen.push(m))
  await gateway.start()
  const log = memoryLogger()
  const bot = createWechatyBot({ token: gateway.token, endpoint: gateway.endpoint }, log)
  const store = await Store.open(dir)
  const app = await createApp({
    config,
    store,
    clock: new ManualClock(Date.parse(nowIso)),
    log,
    transport: bot.transport,
    sendGapMs: [0, 10],
    connection: () => ({ state: bot.state, since: bot.since || undefined, account: bot.bot.isLoggedIn ? { name: bot.bot.currentUser.name(), id: bot.bot.currentUser.id } : undefined }),
  })
  bot.attach(app)
  await bot.start()
  gateway.login()
  await waitFor(() => bot.transport.isReady())
  return {
    gateway,
    bot,
    app,
    seen,
    async stop() {
      // After a failed test the bot may hold unsendable posts: wait for quiet a while, then stop anyway
      // (a stop that never returns keeps the supervisor reconnecting and Jest from exiting).
      await Promise.race([app.idle(), new Promise((r) => setTimeout(r, 5000).unref())])
      await bot.stop()
      await gateway.stop()
      await store.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
