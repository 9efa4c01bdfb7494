/**
 * The daily send budget over the real seam (PuppetServer on loopback, the bot over the puppet-service
 * gRPC client). With an account cap of C, weekly posts stop at 80 % of C, corrections at 90 %, replies
 * and duty announcements at C: near the cap a weekly follow-up waits behind an announcement queued after
 * it, /状态 says one message waits, and the weekly post goes out (once) when the day turns.
 */
import type { MockGateway, SeenMessage } from '../../src/demo/mock-gateway.js'
import { startGrpcBot, waitFor, type GrpcBot } from '../support/grpc-bot.js'
import { demoConfig } from '../support/harness.js'
import type { ManualClock } from '../../src/platform/clock.js'

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

describe('send budget over the puppet-service gRPC path', () => {
  // A cap in the file (so the budget is on); the test sets the exact cap after the start-up posts.
  const config = demoConfig((t) => t.replace('  retries: 5\n', '  retries: 5\n  dailyLimit: { account: 100000, perGroup: 0 }\n'))
  const room = config.studios.find((s) => s.id === 'hpl')!.roomId!
  let gateway: MockGateway
  let rig: GrpcBot
  let seen: SeenMessage[]

  beforeAll(async () => {
    rig = await startGrpcBot(config, '2026-12-02T10:00:00+08:00')
    ;({ gateway, seen } = rig)
  })
  afterAll(() => rig.stop())

  test('near the cap a weekly post waits behind an announcement, is shown in /状态, and goes out the next day', async () => {
    await rig.app.idle()
    const deps = rig.app.deps
    const used = deps.botStatus!().sentToday.total
    // 10 messages left today: weekly posts may use up to 8 of them, announcements all 10.
    deps.config.bot.dailyLimit.account = used + 10
    for (let i = 0; i < 8; i++) {
      const before = seen.length
      gateway.say('x-guest', '/我是谁')
      await waitFor(() => seen.slice(before).find((m) => m.fromBot && m.listenerId === 'x-guest'))
    }
    // The gateway may show the last reply a moment before the sender hears back that it was taken.
    await waitFor(() => deps.botStatus!().sentToday.total >= used + 8 || undefined).catch(() => undefined)
    expect(deps.botStatus!().sentToday.total).toBe(used + 8)
    const now = deps.clock.now()
    await deps.outbox.post('test:budget:weekly', [{ to: { roomId: room }, text: '【每周跟进】和平里工作室 · test week' }], now)
    await deps.outbox.post('test:budget:announce', [{ to: { roomId: room }, text: '【党代表接待日公告】和平里工作室 test session' }], now)
    await waitFor(() => seen.find((m) => m.fromBot && m.roomId === room && (m.text ?? '').includes('test session')))
    await rig.app.idle()
    await sleep(300)
    expect(seen.filter((m) => m.fromBot && (m.text ?? '').includes('test week'))).toHaveLength(0)
    expect(rig.app.sender.pending).toBe(1)

    const before = seen.length
    gateway.say('demo-a01', '/状态')
    const status = await waitFor(() => seen.slice(before).find((m) => m.fromBot && m.listenerId === 'demo-a01' && (m.text ?? '').includes('运行状态')))
    expect(status.text).toContain(`每日发送上限：账号 ${used + 10} 条，每群 不限；接近上限时推迟、正在等待的消息 1 条`)

    // The next day: the budget is fresh, the weekly post goes out once.
    ;(deps.clock as ManualClock).set(Date.parse('2026-12-03T08:00:00+08:00'))
    rig.app.sender.wake()
    await waitFor(() => seen.find((m) => m.fromBot && m.roomId === room && (m.text ?? '').includes('test week')))
    await rig.app.idle()
    await sleep(300)
    expect(seen.filter((m) => m.fromBot && (m.text ?? '').includes('test week'))).toHaveLength(1)
    expect(seen.filter((m) => m.fromBot && (m.text ?? '').includes('test session'))).toHaveLength(1)
  })
})
