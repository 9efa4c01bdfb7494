/**
 * Start-up connects to the gateway while the data is still loading (src/main.ts attaches a promise of the
 * app): over the real puppet-service gRPC path, the bot logs in before the app exists; a message sent
 * meanwhile gets no answer and is not lost — once the app is there it is answered, once, and the
 * login's due-check runs (a scheduled post queued before goes out once).
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
import { waitFor } from '../support/grpc-bot.js'

wechatyLog.level('silent')
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

test('a message that arrives before the app has loaded is answered once it has, and the login due-check runs then', async () => {
  const config = demoConfig()
  const seen: SeenMessage[] = []
  const gateway = new MockGateway(config, { strangers: [{ id: 'x-guest', name: '路人甲' }], botName: '连心桥' })
  gateway.onMessage((m) => seen.push(m))
  await gateway.start()
  gateway.login()
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lxq-late-app-'))
  const log = memoryLogger()
  const wb = createWechatyBot({ token: gateway.token, endpoint: gateway.endpoint }, log)
  let loaded: (a: App) => void = () => undefined
  wb.attach(new Promise<App>((r) => (loaded = r)))
  const store = await Store.open(dir)
  let app: App | undefined
  try {
    await wb.start()
    await waitFor(() => wb.transport.isReady())
    gateway.say('demo-c01', '/我是谁')
    await sleep(1500)
    expect(seen.filter((m) => m.fromBot)).toEqual([])

    app = await createApp({ config, store, clock: new ManualClock(Date.parse('2026-12-01T10:00:00+08:00')), log, transport: wb.transport, sendGapMs: [0, 10] })
    await app.deps.outbox.post('test:late-app', [{ to: { roomId: config.studios[0].roomId! }, text: 'queued before the app was attached' }], Date.now())
    loaded(app)
    const answer = await waitFor(() => seen.find((m) => m.fromBot && m.listenerId === 'demo-c01' && !m.roomId && m.text?.startsWith('您是')))
    expect(answer.text).toContain('刘芳')
    await waitFor(() => seen.find((m) => m.fromBot && m.text === 'queued before the app was attached'))
    await app.idle()
    await sleep(500)
    const privately = seen.filter((m) => m.fromBot && m.listenerId === 'demo-c01' && !m.roomId)
    expect(privately.filter((m) => m.text?.startsWith('您是'))).toHaveLength(1)
    // The due-check of the login ran once the app was there: its 2027 calendar reminder to the coordinator.
    expect(privately.filter((m) => m.text?.includes('还没有2027年的国务院放假安排'))).toHaveLength(1)
    expect(seen.filter((m) => m.fromBot && m.text === 'queued before the app was attached')).toHaveLength(1)
  } finally {
    if (app) await Promise.race([app.idle(), sleep(5000)])
    await wb.stop()
    await gateway.stop()
    await store.close()
    rmSync(dir, { recursive: true, force: true })
  }
}, 60_000)
