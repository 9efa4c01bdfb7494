/**
 * End to end over the real seam: a PuppetServer (wechaty-puppet-service) serving the mock puppet on a
 * loopback port, the bot connected through the puppet-service gRPC client, messages from mock contacts.
 */
import type { MockGateway, SeenMessage } from '../../src/demo/mock-gateway.js'
import { startGrpcBot, waitFor, type GrpcBot } from '../support/grpc-bot.js'
import type { App } from '../../src/app/app.js'
import { demoConfig } from '../support/harness.js'

describe('the bot over the puppet-service gRPC path', () => {
  const config = demoConfig()
  let gateway: MockGateway
  let app: App
  let rig: GrpcBot
  let seen: SeenMessage[]

  beforeAll(async () => {
    rig = await startGrpcBot(config, '2026-11-23T09:00:00+08:00')
    ;({ gateway, app, seen } = rig)
  })

  afterAll(() => rig.stop())

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
