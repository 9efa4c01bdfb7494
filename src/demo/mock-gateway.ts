/**
 * A WeChat gateway on loopback for the demo and the tests: wechaty-puppet-service's PuppetServer
 * serving wechaty-puppet-mock. The bot connects to it over gRPC exactly as it connects to a real
 * gateway. The district's people become mock contacts (their configured `wechatId`s), each studio gets
 * its group with its people in it, and the liaison office gets its group.
 */
import net from 'node:net'
import { PuppetServer } from 'wechaty-puppet-service'
import { PuppetMock, mock } from 'wechaty-puppet-mock'
import { FileBox, type FileBoxInterface } from 'file-box'
import { types as puppetTypes } from 'wechaty-puppet'
import type { Config } from '../config/schema.js'
import { zh } from '../text/zh-CN.js'

const PUPPET_ATTACHMENT = puppetTypes.Message.Attachment

export interface SeenMessage {
  id: string
  talkerId: string
  talkerName: string
  roomId?: string
  /** Private chats: the other side. */
  listenerId?: string
  text?: string
  /** A file the bot sent: its name and content. */
  file?: { name: string; data: Buffer }
  fromBot: boolean
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer()
    srv.unref()
    srv.on('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port
      srv.close(() => resolve(port))
    })
  })
}

export interface GatewayOptions {
  port?: number
  /** Extra people who are not in the directory (constituents, strangers). */
  strangers?: { id: string; name: string }[]
  botId?: string
  botName?: string
}

/**
 * The mock puppet stores a sent file with FileBox.toJSON(), which refuses the stream box a puppet-service
 * server hands over (the client streams buffers it cannot pass through as JSON: an xlsx ledger, an iCal
 * file): read it into a base64 box first, so the demo shows every file the bot sends.
 */
class FilePuppetMock extends PuppetMock {
  override async messageSendFile(conversationId: string, file: FileBoxInterface): Promise<void> {
    return super.messageSendFile(conversationId, FileBox.fromBase64(await file.toBase64(), file.name))
  }
}

export class MockGateway {
  readonly mocker = new mock.Mocker()
  readonly puppet: PuppetMock
  server!: PuppetServer
  readonly token = `insecure_lxq${Math.random().toString(36).slice(2, 10)}`
  endpoint = ''
  readonly names = new Map<string, string>()
  private listeners: ((m: SeenMessage) => void)[] = []
  botId: string
  botName: string
  private started = false

  constructor(private readonly config: Config, private readonly opts: GatewayOptions = {}) {
    this.puppet = new FilePuppetMock({ mocker: this.mocker })
    this.botId = opts.botId ?? 'demo-bot'
    this.botName = opts.botName ?? 'bot'
    this.puppet.on('message', ({ messageId }) => {
      const p = this.mocker.messagePayload(messageId) as any
      const fb = this.mocker.cacheFileBoxPayload.get(messageId) as any
      const seen: SeenMessage = {
        id: messageId,
        talkerId: p.talkerId,
        talkerName: this.names.get(p.talkerId) ?? p.talkerId,
        roomId: p.roomId,
        listenerId: p.listenerId,
        text: p.text,
        fromBot: p.talkerId === this.botId,
      }
      if (fb) seen.file = { name: fb.name, data: fb.base64 ? Buffer.from(fb.base64, 'base64') : Buffer.alloc(0) }
      for (const l of this.listeners) l(seen)
    })
  }

  onMessage(l: (m: SeenMessage) => void): () => void {
    this.listeners.push(l)
    return () => (this.listeners = this.listeners.filter((x) => x !== l))
  }

  /** Creates contacts and groups (once) and starts serving on loopback. */
  async start(): Promise<void> {
    const port = this.opts.port ?? (await freePort())
    this.endpoint = `127.0.0.1:${port}`
    if (!this.started) this.populate()
    this.server = new PuppetServer({ endpoint: this.endpoint, puppet: this.puppet, token: this.token })
    await this.server.start()
    this.started = true
  }

  /** Stops serving (the mock's contacts and groups stay, for a restart on the same port). */
  async stop(): Promise<void> {
    await this.server.stop()
  }

  /** Logs the bot account in (what a scan does on a real gateway). */
  login(): void {
    this.mocker.login(this.mocker.ContactMock.load(this.botId))
  }

  private populate(): void {
    const c = this.config
    const contact = (id: string, name: string) => {
      this.names.set(id, name)
      return this.mocker.createContact({ id, name })
    }
    contact(this.botId, this.botName)
    for (const p of c.people) if (p.wechatId) contact(p.wechatId, p.name)
    for (const s of this.opts.strangers ?? []) contact(s.id, s.name)
    for (const s of c.studios) {
      if (!s.roomId) continue
      const members = c.people.filter((p) => p.studio === s.id && p.wechatId).map((p) => p.wechatId!)
      const strangers = (this.opts.strangers ?? []).map((x) => x.id)
      this.mocker.createRoom({ id: s.roomId, topic: s.name, memberIdList: [this.botId, ...members, ...strangers] })
      this.names.set(s.roomId, s.name)
    }
    if (c.district.liaisonRoomId) {
      const admins = c.people.filter((p) => p.roles.includes('admin') && p.wechatId).map((p) => p.wechatId!)
      this.mocker.createRoom({ id: c.district.liaisonRoomId, topic: zh.identity.liaisonName, memberIdList: [this.botId, ...admins] })
      this.names.set(c.district.liaisonRoomId, zh.identity.liaisonName)
    }
  }

  /**
   * A new WeChat contact with this nickname, added to every studio group (the demo's `:nick`: try what a
   * copied representative's name gets).
   */
  addStranger(id: string, name: string): void {
    this.names.set(id, name)
    const contact = this.mocker.createContact({ id, name })
    const bot = this.mocker.ContactMock.load(this.botId)
    for (const s of this.config.studios) if (s.roomId) this.mocker.RoomMock.load(s.roomId).add(contact).by(bot)
  }

  /**
   * A member sends a file to the bot privately (the demo's `:file`: an admin's 花名册.xlsx), as WeChat
   * does: a message of type Attachment whose file the bot fetches over gRPC. (The mock's own `say(FileBox)`
   * only knows .txt/.doc/.pdf as attachments, so the message is made here the same way it makes one.)
   */
  sendFile(contactId: string, name: string, data: Buffer): void {
    const box = FileBox.fromBase64(data.toString('base64'), name)
    const msg = this.mocker.MessageMock.create({ id: `file-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`, talkerId: contactId, listenerId: this.botId, timestamp: Date.now(), type: PUPPET_ATTACHMENT } as any)
    this.mocker.cacheFileBoxPayload.set(msg.id, box.toJSON() as any)
    this.puppet.emit('message', { messageId: msg.id })
  }

  /** A member says something in a group (roomId) or to the bot in private (no roomId). */
  say(contactId: string, text: string, roomId?: string, mentionIds: string[] = []): void {
    const who = this.mocker.ContactMock.load(contactId)
    if (roomId) {
      const mentions = mentionIds.map((id) => this.mocker.ContactMock.load(id))
      who.say(text, mentions).to(this.mocker.RoomMock.load(roomId))
    } else {
      who.say(text).to(this.mocker.ContactMock.load(this.botId))
    }
  }
}
