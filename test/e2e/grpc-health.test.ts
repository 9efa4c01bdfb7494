/**
 * Health events over the real seam (PuppetServer on loopback, the bot over the puppet-service gRPC
 * client): the account logged out and in again (the admin told privately once it is back, with how
 * long it was away); the bot removed from a studio's group (that studio's coordinator and the admin
 * told privately, the liaison group told, /状态 shows it).
 */
import type { MockGateway, SeenMessage } from '../../src/demo/mock-gateway.js'
import { startGrpcBot, waitFor, type GrpcBot } from '../support/grpc-bot.js'
import { demoConfig } from '../support/harness.js'

describe('health events over the puppet-service gRPC path', () => {
  const config = demoConfig()
  const room = config.studios.find((s) => s.id === 'hpl')!.roomId!
  const liaison = config.district.liaisonRoomId!
  let gateway: MockGateway
  let rig: GrpcBot
  let seen: SeenMessage[]

  beforeAll(async () => {
    rig = await startGrpcBot(config, '2026-12-02T10:00:00+08:00')
    ;({ gateway, seen } = rig)
  })
  afterAll(() => rig.stop())

  const privately = (contactId: string, marker: string, from = 0) => seen.slice(from).filter((m) => m.fromBot && !m.roomId && m.listenerId === contactId && (m.text ?? '').includes(marker))

  test('logout then login: outgoing messages held meanwhile, the admin told once it is back', async () => {
    await rig.app.idle()
    const from = seen.length
    // Count the logouts the gateway's puppet is asked for: the client must not send the one it was told
    // of back (the echo would log out the next session if it arrived after the new login).
    let logouts = 0
    const logout = gateway.puppet.logout.bind(gateway.puppet)
    gateway.puppet.logout = (reason?: string) => {
      logouts++
      return logout(reason)
    }
    await gateway.puppet.logout()
    await waitFor(() => !rig.bot.transport.isReady())
    expect(rig.bot.transport.isReady()).toBe(false)
    // A Ding round trip and a short pause give an echo, if one was sent, time to land.
    expect(await (rig.bot.bot.puppet as unknown as { probe(ms: number): Promise<boolean> }).probe(5000)).toBe(true)
    await new Promise((r) => setTimeout(r, 200))
    expect(logouts).toBe(1)
    gateway.login()
    await waitFor(() => rig.bot.transport.isReady())
    const notices = await waitFor(() => (privately('demo-a01', '曾退出登录', from).length ? privately('demo-a01', '曾退出登录', from) : undefined))
    expect(notices).toHaveLength(1)
    expect(notices[0].text).toMatch(/期间约 \d+ 分钟/)
    // only admins, and a plain reconnect says nothing
    expect(seen.slice(from).filter((m) => m.fromBot && (m.text ?? '').includes('曾退出登录'))).toHaveLength(1)
  }, 90_000)

  test('removed from a studio group: its coordinator and the admin privately, the liaison group told; /状态 shows it', async () => {
    const from = seen.length
    gateway.mocker.RoomMock.load(room).remove(gateway.mocker.ContactMock.load(gateway.botId)).by(gateway.mocker.ContactMock.load('demo-c01'))
    await waitFor(() => (privately('demo-c01', '已被移出', from).length && privately('demo-a01', '已被移出', from).length ? true : undefined))
    expect(privately('demo-c01', '已被移出', from)[0].text).toContain('和平里工作室')
    await waitFor(() => seen.slice(from).find((m) => m.fromBot && m.roomId === liaison && (m.text ?? '').includes('已被移出')))
    // the other studios' coordinators are not bothered
    expect(privately('demo-c02', '已被移出', from)).toHaveLength(0)
    const before = seen.length
    gateway.say('demo-a01', '/状态')
    const status = await waitFor(() => seen.slice(before).find((m) => m.fromBot && m.listenerId === 'demo-a01' && (m.text ?? '').includes('运行状态')))
    expect(status.text).toContain('和平里工作室：机器人已被移出群')
    expect(status.text).toContain('微信连接：已登录微信')
  }, 90_000)
})
