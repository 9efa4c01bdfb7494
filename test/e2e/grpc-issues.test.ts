/**
 * /登记 and /查询 end to end over the real seam (PuppetServer serving the mock puppet on loopback, the bot
 * through the puppet-service gRPC client): masked in the studio group, in full in the coordinator's
 * private chat; and, over every group message the bot sent in this file, no unmasked constituent phone
 * or ID-card number.
 */
import type { MockGateway, SeenMessage } from '../../src/demo/mock-gateway.js'
import { startGrpcBot, waitFor, type GrpcBot } from '../support/grpc-bot.js'
import type { App } from '../../src/app/app.js'
import { demoConfig } from '../support/harness.js'

/** The constituents' numbers this file registers (phones in every spelling people use, an ID number). */
const SECRETS = ['13812345678', '13698765432', '02223456789', '120101195001011234']
const digitsOf = (s: string) => s.replace(/[\s-]/g, '')

describe('issues over the puppet-service gRPC path', () => {
  const config = demoConfig()
  const room = config.studios.find((s) => s.id === 'hpl')!.roomId!
  let gateway: MockGateway
  let app: App
  let rig: GrpcBot
  let seen: SeenMessage[]

  beforeAll(async () => {
    rig = await startGrpcBot(config, '2026-12-10T18:30:00+08:00')
    ;({ gateway, app, seen } = rig)
  })

  afterAll(() => rig.stop())

  /**
   * Says something and waits for the bot's message in that chat that contains `marker` (scheduled posts,
   * e.g. a duty announcement, may arrive in the same chat at any time, alone or merged with the reply).
   */
  async function ask(contactId: string, text: string, roomId: string | undefined, marker: string): Promise<SeenMessage> {
    const before = seen.length
    gateway.say(contactId, text, roomId)
    return waitFor(() => seen.slice(before).find((m) => m.fromBot && (roomId ? m.roomId === roomId : m.listenerId === contactId) && (m.text ?? '').includes(marker)))
  }

  test('/登记 in the studio group: the receipt has the id and only the masked constituent', async () => {
    const receipt = await ask('demo-p01', '/登记 王大爷 13812345678 和平里3号楼2单元501 楼道灯坏了半个月', room, '已登记')
    expect(receipt.text).toContain('已登记：HP-2026-0001')
    expect(receipt.text).toContain('王某 138****5678')
    expect(receipt.text).not.toContain('王大爷')
  })

  test('a pasted form with another phone spelling and an ID number in the content', async () => {
    const form = ['／登记', '姓名：李阿姨', '电话：136-9876-5432', '诉求：帮老伴办低保，身份证120101195001011234，座机022-23456789也能找到她'].join('\n')
    const receipt = await ask('demo-c01', form, room, '已登记')
    expect(receipt.text).toContain('已登记：HP-2026-0002')
    expect(receipt.text).toContain('李某 136****5432')
    expect(receipt.text).toContain('120***********1234')
    expect(receipt.text).toContain('022-****6789')
  })

  test('/查询 in the group is masked', async () => {
    const reply = await ask('demo-p02', '/查询 HP-2026-0001', room, 'HP-2026-0001 ·')
    expect(reply.text).toContain('HP-2026-0001 · 待转办')
    expect(reply.text).toContain('群众：王某 138****5678')
    expect(reply.text).toContain('地址：和平里**')
    expect(reply.text).not.toContain('13812345678')
    const second = await ask('demo-c01', '/查询 HP-2026-0002', room, 'HP-2026-0002 ·')
    expect(second.text).toContain('120***********1234')
  })

  test("/查询 in the coordinator's private chat is in full, and only there", async () => {
    const reply = await ask('demo-c01', '/查询 HP-2026-0001', undefined, 'HP-2026-0001 ·')
    expect(reply.roomId).toBeUndefined()
    expect(reply.text).toContain('群众：王大爷 13812345678')
    expect(reply.text).toContain('地址：和平里3号楼2单元501')
    const second = await ask('demo-c01', '/查询 HP-2026-0002', undefined, 'HP-2026-0002 ·')
    expect(second.text).toContain('120101195001011234')
    const rep = await ask('demo-p01', '/查询 HP-2026-0001', undefined, 'HP-2026-0001 ·')
    expect(rep.text).toContain('王某 138****5678')
  })

  // Runs last (tests in a file run in order): every group message the bot sent in this file.
  test('no group message the bot sent contains an unmasked constituent phone or ID-card number', async () => {
    await app.idle()
    const groupTexts = seen.filter((m) => m.fromBot && m.roomId).map((m) => m.text ?? '')
    expect(groupTexts.length).toBeGreaterThanOrEqual(4)
    expect(groupTexts.filter((t) => SECRETS.some((s) => digitsOf(t).includes(s)))).toEqual([])
    // The private replies did carry them: the check above can fail.
    expect(seen.some((m) => m.fromBot && !m.roomId && SECRETS.some((s) => digitsOf(m.text ?? '').includes(s)))).toBe(true)
  })
})
