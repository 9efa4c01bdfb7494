/**
 * The WeChat edge: a Wechaty bot on the puppet-service client (gRPC), in production and in the demo
 * alike. It turns wechaty messages into `Incoming`, hands them to the app, and gives the sender a
 * transport that resolves rooms and contacts by id. Login starts sending and the due-check; logout
 * holds the queue; the puppet-service client reconnects by itself when the gateway comes back.
 */
import { WechatyBuilder, types, type Wechaty } from 'wechaty'
import { PuppetService } from 'wechaty-puppet-service'
import { FileBox } from 'file-box'
import qrcodeTerminal from 'qrcode-terminal'
import type { App } from '../app/app.js'
import type { Incoming } from '../messages/message.js'
import type { Target } from '../messages/message.js'
import type { Transport } from './sender.js'
import type { Logger } from './logger.js'

export interface PuppetServiceSettings {
  /** WECHATY_PUPPET_SERVICE_TOKEN; when absent the client reads the standard variables itself. */
  token?: string
  endpoint?: string
  /** TLS off at the client (WECHATY_PUPPET_SERVICE_NO_TLS_INSECURE_CLIENT); must match the server. */
  noTls?: boolean
}

export function puppetServiceFromEnv(env: NodeJS.ProcessEnv = process.env): PuppetServiceSettings {
  return {
    token: env.WECHATY_PUPPET_SERVICE_TOKEN,
    endpoint: env.WECHATY_PUPPET_SERVICE_ENDPOINT,
    noTls: ['1', 'true', 'yes'].includes((env.WECHATY_PUPPET_SERVICE_NO_TLS_INSECURE_CLIENT ?? '').toLowerCase()),
  }
}

export class WechatyTransport implements Transport {
  loggedIn = false
  constructor(private readonly bot: Wechaty) {}

  isReady(): boolean {
    return this.loggedIn && this.bot.isLoggedIn
  }

  /** gRPC UNAVAILABLE / DEADLINE_EXCEEDED / CANCELLED: the connection, not the message, failed. */
  isUnreachable(e: unknown): boolean {
    const code = (e as { code?: unknown } | null)?.code
    return code === 14 || code === 4 || code === 1
  }

  private async conversation(to: Target) {
    if ('roomId' in to) {
      const room = await this.bot.Room.find({ id: to.roomId })
      if (!room) throw new Error(`room not found: ${to.roomId}`)
      return room
    }
    const contact = await this.bot.Contact.find({ id: to.contactId })
    if (!contact) throw new Error(`contact not found: ${to.contactId}`)
    return contact
  }

  async sendText(to: Target, text: string, mentions: string[]): Promise<void> {
    const conv = await this.conversation(to)
    if ('roomId' in to && mentions.length) {
      const contacts = (await Promise.all(mentions.map((id) => this.bot.Contact.find({ id })))).filter((c) => !!c)
      await (conv as any).say(text, ...contacts)
      return
    }
    await conv.say(text)
  }

  async sendFile(to: Target, name: string, data: Buffer): Promise<void> {
    const conv = await this.conversation(to)
    await conv.say(FileBox.fromBuffer(data, name))
  }
}

export interface RunningBot {
  bot: Wechaty
  transport: WechatyTransport
  stop(): Promise<void>
}

/**
 * Builds the bot on the puppet-service client. `attach(app)` must be called once the app exists (the
 * app needs the transport, the bot needs the app).
 */
export function createWechatyBot(settings: PuppetServiceSettings, log: Logger, name = 'lianxinqiao') {
  const puppet = new PuppetService({
    ...(settings.token ? { token: settings.token } : {}),
    ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
    ...(settings.noTls ? { tls: { disable: true } } : {}),
  })
  const bot = WechatyBuilder.build({ name, puppet })
  const transport = new WechatyTransport(bot)
  let stopping = false

  function attach(app: App): void {
    bot.on('scan', (qrcode, status) => {
      if (status === types.ScanStatus.Waiting || status === types.ScanStatus.Timeout) {
        qrcodeTerminal.generate(qrcode, { small: true })
        log.info('scan the QR code above with WeChat to log in', { status })
      }
    })
    bot.on('login', (user) => {
      transport.loggedIn = true
      log.info('logged in', { id: user.id })
      void app.onLogin().catch((e) => log.error('after-login due-check failed', { error: e }))
    })
    bot.on('logout', (user) => {
      transport.loggedIn = false
      if (stopping) return
      log.warn('logged out; outgoing messages are held until the next login', { id: user.id })
    })
    bot.on('error', (e) => log.error('wechaty error', { error: e }))
    bot.on('message', async (m) => {
      try {
        if (m.self() || m.type() !== types.Message.Text) return
        const incoming = await toIncoming(m, bot)
        await app.onMessage(incoming)
      } catch (e) {
        log.error('message handling failed', { error: e })
      }
    })
  }

  return {
    bot,
    transport,
    attach,
    async start() {
      await bot.start()
    },
    async stop() {
      stopping = true
      await bot.stop()
    },
  }
}

async function toIncoming(m: any, bot: Wechaty): Promise<Incoming> {
  const talker = m.talker()
  const room = m.room()
  const selfId = bot.currentUser?.id
  let name: string = talker.name()
  if (room) {
    const alias = await room.alias(talker).catch(() => undefined)
    if (alias) name = alias
  }
  const mentioned: string[] = room ? (await m.mentionList().catch(() => [])).map((c: { id: string }) => c.id) : []
  return {
    id: m.id,
    text: m.text(),
    talkerId: talker.id,
    talkerName: name,
    roomId: room?.id,
    mentions: mentioned.filter((id) => id !== selfId),
    mentionsBot: selfId ? mentioned.includes(selfId) : false,
  }
}
