/**
 * Quoted replies over the real seam (PuppetServer on loopback, the bot over the puppet-service gRPC
 * client). WeChat sends a quote as 「name：quoted text」, a line of `- - - …`, then the new text: the new
 * text is the command, in a group and in private; a `/登记` with nothing after it registers the quoted
 * message (its sender's name and text).
 */
import type { MockGateway, SeenMessage } from '../../src/demo/mock-gateway.js'
import { startGrpcBot, waitFor, type GrpcBot } from '../support/grpc-bot.js'
import { demoConfig } from '../support/harness.js'

const SEP = '- - - - - - - - - - - - - - -'

describe('quoted replies over the puppet-service gRPC path', () => {
  const config = demoConfig()
  const room = config.studios.find((s) => s.id === 'hpl')!.roomId!
  let gateway: MockGateway
  let rig: GrpcBot
  let seen: SeenMessage[]

  beforeAll(async () => {
    rig = await startGrpcBot(config, '2026-12-10T18:30:00+08:00')
    ;({ gateway, seen } = rig)
  })
  afterAll(() => rig.stop())

  async function ask(contactId: string, text: string, roomId: string | undefined, marker: string): Promise<SeenMessage> {
    const before = seen.length
    gateway.say(contactId, text, roomId)
    return waitFor(() => seen.slice(before).find((m) => m.fromBot && (roomId ? m.roomId === roomId : m.listenerId === contactId) && (m.text ?? '').includes(marker)))
  }

  test('in the group, a /登记 that quotes a constituent message and says nothing else registers the quoted text', async () => {
    const receipt = await ask('demo-p01', `「王大爷：楼道灯坏了半个月，晚上看不见路」\n${SEP}\n/登记`, room, '已登记')
    expect(receipt.text).toContain('已登记：HP-2026-0001')
    expect(receipt.text).toContain('王某')
  })

  test('in the group, a quoted /转办 is the command (the quote is only context)', async () => {
    const reply = await ask('demo-c01', `「张明华：已登记：HP-2026-0001」\n${SEP}\n/转办 HP-2026-0001 区房管局`, room, 'HP-2026-0001')
    expect(reply.text).toContain('区房管局')
    expect(reply.text).not.toContain('格式不对')
  })

  test('in private, a quoted /查询 is answered', async () => {
    const reply = await ask('demo-c01', `「连心桥：已转办」\n${SEP}\n/查询 HP-2026-0001`, undefined, 'HP-2026-0001 ·')
    expect(reply.text).toContain('区房管局')
  })
})
