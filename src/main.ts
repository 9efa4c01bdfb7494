/**
 * Start-up: the only place that wires real implementations.
 *
 * - `WECHATY_PUPPET_SERVICE_TOKEN` set → the real bot on the configured district (`LXQ_CONFIG`, default
 *   config/district.yaml; data in `LXQ_DATA`, default data/).
 * - no token → the demo: a mock WeChat gateway on loopback, the sample district (config/demo.yaml,
 *   fresh data in data/demo/), and a chat you type into. With standard input not a terminal, the demo
 *   reads its lines from it and exits at the end.
 */
import { promises as fs } from 'node:fs'
import path from 'node:path'
import { log as wechatyLog } from 'wechaty-puppet'
import { loadConfig, ConfigError } from './config/load-config.js'
import { clockFromEnv, OffsetClock, parseInstant } from './platform/clock.js'
import { createLogger, type Level } from './platform/logger.js'
import { Store } from './platform/store/store.js'
import { StoreError } from './platform/store/atomic-json-file.js'
import { DataLock, LockError } from './platform/store/data-lock.js'
import { createApp } from './app/app.js'
import { createWechatyBot, puppetServiceFromEnv, type PuppetServiceSettings } from './platform/wechaty-bot.js'
import { startScheduler } from './platform/scheduler.js'
import type { MockGateway } from './demo/mock-gateway.js'
import { zh } from './text/zh-CN.js'
import type { WebServer } from './web/server.js'
import type { App } from './app/app.js'

export async function main(env: NodeJS.ProcessEnv = process.env): Promise<number> {
  // wechaty's own deprecation notices are not for the people running the bot.
  process.noDeprecation = true
  const demo = !env.WECHATY_PUPPET_SERVICE_TOKEN
  const level = (env.LXQ_LOG_LEVEL as Level | undefined) ?? (demo ? 'warn' : 'info')
  const log = createLogger(level)
  if (level !== 'debug') wechatyLog.level('silent')

  const configFile = env.LXQ_CONFIG ?? (demo ? 'config/demo.yaml' : 'config/district.yaml')
  const dataDir = env.LXQ_DATA ?? (demo ? 'data/demo' : 'data')
  let config
  try {
    // A real district's file is cached parsed beside its data (the demo's folder is fresh every start).
    config = loadConfig(configFile, demo ? {} : { cacheDir: path.join(dataDir, 'cache') })
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(e.message + '\n')
      return 1
    }
    throw e
  }
  let store: Store<any>
  try {
    if (demo && !env.LXQ_DATA) {
      // A fresh demo folder, unless another demo is running on it.
      await fs.mkdir(dataDir, { recursive: true })
      await (await DataLock.acquire(dataDir)).release()
      await fs.rm(dataDir, { recursive: true, force: true })
    }
    // A compaction is routine (info); a torn tail skipped or a failed compaction is worth a warning.
    store = await Store.open(dataDir, { onNotice: (event, fields) => (event === 'compacted' ? log.info : log.warn)(`store: ${event}`, fields) })
  } catch (e) {
    if (e instanceof StoreError) {
      process.stderr.write(`${zh.store.refuseStart}\n${e.message}\n`)
      return 1
    }
    if (e instanceof LockError) {
      process.stderr.write(e.message + '\n')
      return 1
    }
    throw e
  }
  // The demo's clock can be moved (`:time +3d`); it starts at LXQ_FAKE_NOW or now.
  const clock = demo ? new OffsetClock(env.LXQ_FAKE_NOW ? parseInstant(env.LXQ_FAKE_NOW) ?? Date.now() : Date.now()) : clockFromEnv(env)

  let gateway: MockGateway | undefined
  let settings: PuppetServiceSettings
  if (demo) {
    // The demo's modules (the mock WeChat, its gateway server, the console) only load for the demo.
    const { MockGateway } = await import('./demo/mock-gateway.js')
    gateway = new MockGateway(config, { strangers: [{ id: 'demo-guest', name: zh.demo.guestName }], botName: zh.common.botName })
    await gateway.start()
    settings = { token: gateway.token, endpoint: gateway.endpoint }
  } else {
    settings = puppetServiceFromEnv(env)
  }

  const wb = createWechatyBot(settings, log, undefined, { now: () => clock.now() })
  // The bot connects and logs in while the data loads; messages that arrive meanwhile wait for the app.
  let appLoaded: (a: App) => void = () => undefined
  wb.attach(new Promise<App>((resolve) => (appLoaded = resolve)))
  await wb.start()
  // An earlier year's file found damaged after start-up: stop, naming it (nothing is dropped silently).
  let damaged: (e: unknown) => void = () => undefined
  const damage = new Promise<unknown>((resolve) => (damaged = resolve))
  let app
  try {
    // Loading the partitions (this year's issues, …) may meet a corrupt file too: same refusal.
    app = await createApp({
      config,
      store,
      clock,
      log,
      transport: wb.transport,
      onDamage: (e) => damaged(e),
      botNames: () => [wb.bot.isLoggedIn ? wb.bot.currentUser.name() : '', zh.common.botName].filter(Boolean),
      connection: () => ({
        state: wb.state,
        since: wb.since || undefined,
        account: wb.bot.isLoggedIn ? { name: wb.bot.currentUser.name(), id: wb.bot.currentUser.id } : undefined,
        endpoint: wb.endpoint,
      }),
    })
  } catch (e) {
    await wb.stop().catch(() => undefined)
    await gateway?.stop().catch(() => undefined)
    if (e instanceof StoreError) {
      process.stderr.write(`${zh.store.refuseStart}\n${e.message}\n`)
      return 1
    }
    throw e
  }
  appLoaded(app)
  await app.runDue()
  const scheduler = startScheduler(() => app.runDue(), log)
  // The web side (work orders, lookups, the office's pages) in this process: same store, lock and sender;
  // it starts once the chat side answers (its modules and set-up would hold up the first replies).
  let web: WebServer | undefined
  if (config.web.enabled) {
    const { createWebServer, WebListenError } = await import('./web/server.js')
    web = await createWebServer(app.deps, { post: (m) => app.sender.post(m) })
    try {
      const local = await web.listen({ fallback: demo })
      const base = app.deps.web.base
      const moved = config.web.port !== 0 && !local.endsWith(`:${config.web.port}`) ? zh.web.portFallback(config.web.port) : ''
      process.stdout.write((base === local ? zh.web.listening(local) : zh.web.listeningBehind(local, base)) + moved + '\n')
    } catch (e) {
      // The chat side keeps working; the console says why the pages are not reachable.
      if (!(e instanceof WebListenError)) throw e
      process.stderr.write(e.message + '\n')
      await web.close().catch(() => undefined)
      web = undefined
    }
  } else {
    process.stdout.write(zh.web.disabled + '\n')
  }

  const stop = async () => {
    scheduler.stop()
    // No new web request once stopping; those in progress finish (their writes are transactions).
    await web?.close().catch(() => undefined)
    // Let the queue drain while WeChat takes messages (at most 10 s); with no gateway it never would.
    // Scheduled posts wait in the outbox on disk for the next run either way.
    if (wb.transport.isReady()) await Promise.race([app.idle(), new Promise((r) => setTimeout(r, 10_000).unref())])
    await wb.stop().catch(() => undefined)
    await gateway?.stop().catch(() => undefined)
    await store.close()
  }

  // SIGINT / SIGTERM (Ctrl-C, systemd, docker stop, kill): a graceful stop that releases the data lock.
  const signalled = new Promise<'signal'>((resolve) => {
    process.once('SIGINT', () => resolve('signal'))
    process.once('SIGTERM', () => resolve('signal'))
  })
  if (gateway) {
    gateway.login()
    const { runRepl } = await import('./demo/repl.js')
    const code = await Promise.race([runRepl({ app, gateway, config, clock, dataDir, interactive: Boolean(process.stdin.isTTY) }), signalled.then(() => 0)])
    await stop()
    return code
  }
  const why = await Promise.race([signalled, damage])
  await stop()
  if (why !== 'signal') {
    process.stderr.write(`${zh.store.refuseStart}\n${(why as Error).message}\n`)
    return 1
  }
  return 0
}

main().then(
  (code) => process.exit(code),
  (e) => {
    process.stderr.write(`${(e as Error).stack ?? e}\n`)
    process.exit(1)
  },
)
