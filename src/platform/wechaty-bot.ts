/**
 * The WeChat edge: a Wechaty bot on the puppet-service client (gRPC), in production and in the demo
 * alike. It turns wechaty messages into `Incoming`, hands them to the app, and gives the sender a
 * transport that resolves rooms and contacts by id. Login starts sending and the due-check; logout
 * holds the queue; a supervisor (createWechatyBot) reconnects whenever the gateway is reachable.
 */
import { WechatyBuilder, types, type Wechaty } from 'wechaty'
import { SupervisedPuppetService } from './supervised-puppet.js'
import { discoverEndpoint, DEFAULT_DISCOVERY_AUTHORITY, type Fetch } from './puppet-discovery.js'
import { reconnectDelayMs } from '../domain/connection/reconnect-delay.js'
import { tokenForLog, tokenKind } from '../domain/connection/token-kind.js'
import { zh } from '../text/zh-CN.js'
import { FileBox } from 'file-box'
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
  /** Token discovery service (WECHATY_PUPPET_SERVICE_AUTHORITY), used when no endpoint is set. */
  authority?: string
}

export function puppetServiceFromEnv(env: NodeJS.ProcessEnv = process.env): PuppetServiceSettings {
  return {
    token: env.WECHATY_PUPPET_SERVICE_TOKEN,
    endpoint: env.WECHATY_PUPPET_SERVICE_ENDPOINT,
    noTls: ['1', 'true', 'yes'].includes((env.WECHATY_PUPPET_SERVICE_NO_TLS_INSECURE_CLIENT ?? '').toLowerCase()),
    authority: env.WECHATY_PUPPET_SERVICE_AUTHORITY,
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

export type GatewayState = 'idle' | 'discovering' | 'connecting' | 'connected' | 'logged-in' | 'waiting' | 'stopped'

export interface SupervisorOptions {
  /** 0 ≤ x < 1, for the jitter; injected in tests. */
  random?: () => number
  /** Connected but neither a login nor a scan within this long: reconnect (default 20 s). */
  loginWatchdogMs?: number
  /** No event from the gateway for this long: ding it (10 s deadline); no answer: reconnect (default 30 s). */
  heartbeatMs?: number
  /** Discovery service for a token without an endpoint (WECHATY_PUPPET_SERVICE_AUTHORITY). */
  authority?: string
  fetch?: Fetch
  /** The injected clock's now (ms), for "since when" in /状态; Date.now when absent. */
  now?: () => number
}

/** The gRPC status (or TLS failure) behind a failed attempt, as a short Chinese reason. */
function reasonOf(errors: unknown[], fallback: keyof typeof zh.gateway.reasons): string {
  const r = zh.gateway.reasons
  for (const e of errors) {
    const code = (e as { code?: unknown } | null)?.code
    const msg = String((e as { message?: unknown } | null)?.message ?? e)
    if (code === 16 || /token/i.test(msg)) return r.token
    if (code === 6 || /ALREADY_EXISTS|call twice/i.test(msg)) return r.noEvents
    if (/SSL|TLS|wrong version number/i.test(msg)) return r.tls
    if (code === 4 || /DEADLINE_EXCEEDED|timeout/i.test(msg)) return r.timeout
    if (code === 14 && /dropped/i.test(msg)) return r.dropped
    if (code === 14 || /ECONNREFUSED|UNAVAILABLE/i.test(msg)) return r.refused
  }
  return r[fallback]
}

/**
 * Builds the bot on the puppet-service client. `attach(app)` must be called once the app exists (the
 * app needs the transport, the bot needs the app). `start()` returns at once: a supervisor then keeps
 * the bot connected for as long as it runs — whether the gateway is up before the bot, comes up later,
 * or goes away and back — with one Chinese log line per change of state:
 *
 *   connecting → connected (a first event came over the gateway's event stream) → logged in
 *        ↑ failed / lost: wait 1 s, 2 s, 4 s … 60 s (±20 %), then try again, for ever
 *
 * A connection counts as lost when the event stream ends, when the gateway stays silent past a ding, or
 * when no login (nor a scan request) arrives within `loginWatchdogMs` of connecting. Sends while not
 * logged in wait in the sender's queue (transport.isReady() is false) and go out after the next login.
 */
export function createWechatyBot(settings: PuppetServiceSettings, log: Logger, name = 'lianxinqiao', opts: SupervisorOptions = {}) {
  const random = opts.random ?? Math.random
  const loginWatchdogMs = opts.loginWatchdogMs ?? 20_000
  const authority = opts.authority ?? settings.authority ?? DEFAULT_DISCOVERY_AUTHORITY
  const heartbeatMs = opts.heartbeatMs ?? 30_000
  const token = settings.token ?? ''
  const kind = tokenKind(token)
  const serverName = kind.kind === 'uuid' || (kind.kind === 'suspicious' && kind.reason === 'no-prefix') ? 'insecure' : undefined
  const puppet = new SupervisedPuppetService({
    ...(settings.token ? { token: settings.token } : {}),
    ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
    ...(settings.noTls || serverName ? { tls: { ...(settings.noTls ? { disable: true } : {}), ...(serverName ? { serverName } : {}) } } : {}),
  })
  const bot = WechatyBuilder.build({ name, puppet })
  const transport = new WechatyTransport(bot)
  let stopping = false
  let state: GatewayState = 'idle'
  let since = 0
  let endpoint = settings.endpoint
  const where = () => endpoint ?? ''
  const setState = (s: GatewayState) => {
    if (s !== state) since = (opts.now ?? Date.now)()
    state = s
  }

  // One pending wait at a time (the backoff pause, or "until the connection is lost"); stop() ends it.
  let wake: ((why: string) => void) | undefined
  const waitFor = (ms?: number) =>
    new Promise<string>((resolve) => {
      const t = ms === undefined ? undefined : setTimeout(() => done('timer'), ms)
      const done = (why: string) => {
        if (t) clearTimeout(t)
        if (wake === done) wake = undefined
        resolve(why)
      }
      wake = done
    })
  const signal = (why: string) => wake?.(why)

  // Per attempt: did the event stream deliver anything, what went wrong.
  let events = 0
  let lastEventAt = 0
  let attemptErrors: unknown[] = []
  let streamLost = false
  let sawLoginOrScan = false
  let ownLogout = false
  /** A real logout (on the phone, risk control), not our own disconnect: when, for the admins' notice. */
  let loggedOutAt: number | undefined
  puppet.on('heartbeat', () => {
    events++
    lastEventAt = Date.now()
  })
  puppet.onStreamLost = (cause) => {
    streamLost = true
    attemptErrors.push(cause)
    signal('lost')
  }

  async function disconnect(): Promise<void> {
    transport.loggedIn = false
    ownLogout = true
    await bot.stop().catch(() => undefined)
    ownLogout = false
  }

  async function connectOnce(): Promise<boolean> {
    events = 0
    attemptErrors = []
    streamLost = false
    sawLoginOrScan = false
    try {
      await bot.start()
    } catch (e) {
      attemptErrors.push(e)
      return false
    }
    return events > 0 && !streamLost
  }

  /** Resolves with the reason the connection ended (or 'stop'). */
  async function watchConnection(): Promise<string> {
    const connectedAt = Date.now()
    let probing: Promise<boolean> | undefined
    let probeFailed = false
    for (;;) {
      if (stopping) return 'stop'
      if (streamLost) return reasonOf(attemptErrors, 'dropped')
      if (probeFailed) return zh.gateway.reasons.noHeartbeat
      const now = Date.now()
      if (!sawLoginOrScan && !transport.loggedIn && now - connectedAt >= loginWatchdogMs) return 'no-login'
      // Quiet for a while: ask the gateway (a ding with a deadline); no answer means it is gone.
      if (!probing && now - lastEventAt >= heartbeatMs) {
        probing = puppet.probe(Math.max(1000, Math.min(10_000, heartbeatMs))).then((ok) => {
          if (ok) lastEventAt = Date.now()
          else probeFailed = true
          probing = undefined
          signal('probe')
          return ok
        })
      }
      await waitFor(Math.min(1000, loginWatchdogMs, heartbeatMs))
    }
  }

  async function supervise(): Promise<void> {
    let failures = 0
    let attempt = 0
    const pause = async (line: (seconds: number) => string) => {
      failures++
      const ms = reconnectDelayMs(failures, random())
      log.warn(line(Math.max(1, Math.round(ms / 1000))))
      setState('waiting')
      await waitFor(ms)
    }
    while (!stopping) {
      if (!endpoint) {
        setState('discovering')
        log.info(zh.gateway.discovery.lookingUp(tokenForLog(token), authority))
        const found = await discoverEndpoint(token, authority, opts.fetch)
        if (stopping) break
        if (!found) {
          await pause((s) => zh.gateway.discovery.failed(tokenForLog(token), s))
          continue
        }
        endpoint = found
        puppet.options.endpoint = found
        log.info(zh.gateway.discovery.found(found))
      }
      attempt++
      setState('connecting')
      log.info(zh.gateway.connecting(where(), attempt))
      const ok = await connectOnce()
      if (stopping) break
      if (!ok) {
        const reason = reasonOf(attemptErrors, events > 0 ? 'dropped' : attemptErrors.length ? 'refused' : 'noEvents')
        await disconnect()
        await pause((s) => zh.gateway.failed(reason, s))
        continue
      }
      failures = 0
      attempt = 0
      if (!transport.loggedIn) {
        setState('connected')
        log.info(zh.gateway.connected(where()))
      }
      const why = await watchConnection()
      if (stopping) break
      await disconnect()
      if (why === 'no-login') await pause((s) => zh.gateway.noLogin(Math.round(loginWatchdogMs / 1000), s))
      else await pause((s) => zh.gateway.lost(why, s))
    }
    setState('stopped')
  }

  let running: Promise<void> | undefined

  /**
   * `app` may still be loading (a promise): the bot then connects and logs in meanwhile, and what
   * arrives before the app is there waits for it, in order.
   */
  function attach(app: App | Promise<App>): void {
    bot.on('scan', (qrcode, status) => {
      sawLoginOrScan = true
      if (status === types.ScanStatus.Waiting || status === types.ScanStatus.Timeout) {
        // Only a real login ever asks for a scan: its QR printer is loaded then (the link below works without it).
        void import('qrcode-terminal')
          .then(({ default: qrcodeTerminal }) => qrcodeTerminal.generate(qrcode, { small: true }))
          .catch(() => undefined)
          .then(() => {
            log.info(zh.gateway.scan)
            log.info(zh.gateway.scanUrl(`https://wechaty.js.org/qrcode/${encodeURIComponent(qrcode)}`))
          })
      }
    })
    bot.on('login', (user) => {
      sawLoginOrScan = true
      transport.loggedIn = true
      setState('logged-in')
      log.info(zh.gateway.loggedIn(user.name(), user.id))
      const awayMs = loggedOutAt === undefined ? undefined : (opts.now ?? Date.now)() - loggedOutAt
      loggedOutAt = undefined
      void Promise.resolve(app)
        .then((a) => a.onLogin({ awayMs }))
        .catch((e) => log.error('after-login due-check failed', { error: e }))
    })
    bot.on('logout', () => {
      transport.loggedIn = false
      if (stopping || ownLogout) return
      setState('connected')
      loggedOutAt ??= (opts.now ?? Date.now)()
      log.warn(zh.gateway.loggedOut)
    })
    bot.on('room-leave', (room, leavers) => {
      const self = bot.isLoggedIn ? bot.currentUser.id : undefined
      if (self && leavers.some((c) => c.id === self))
        void Promise.resolve(app)
          .then((a) => a.onRemovedFromRoom(room.id))
          .catch((e) => log.error('room removal notice failed', { error: e }))
    })
    bot.on('error', (e) => {
      // While connecting, failures are summed up in one Chinese line by the supervisor; later ones are
      // one short line each, never a JSON dump (debug level keeps the detail).
      if (state !== 'logged-in') {
        attemptErrors.push(e)
        log.debug('wechaty error', { error: e })
        return
      }
      // Its first line only: some carry a stack trace in the message itself.
      log.warn(`wechaty: ${String((e as { message?: unknown } | null)?.message ?? e).split('\n')[0].slice(0, 200)}`)
    })
    bot.on('message', async (m) => {
      try {
        if (m.self()) return
        // Text, and files sent privately (an admin's 花名册 xlsx); everything else is no command.
        const isFile = m.type() === types.Message.Attachment && !m.room()
        if (m.type() !== types.Message.Text && !isFile) return
        const incoming = await toIncoming(m, bot)
        if (isFile) {
          const box = await m.toFileBox()
          incoming.text = ''
          incoming.file = { name: String(box.name ?? ''), read: () => box.toBuffer() }
        }
        await (await app).onMessage(incoming)
      } catch (e) {
        log.error('message handling failed', { error: e })
      }
    })
  }

  return {
    bot,
    transport,
    attach,
    /** The connection state, for /状态 and the tests. */
    get state(): GatewayState {
      return state
    },
    get since(): number {
      return since
    },
    get endpoint(): string | undefined {
      return endpoint
    },
    /** Says what the token looks like, then starts the supervisor (returns at once). */
    async start() {
      if (token) {
        const k = tokenKind(token)
        const t = zh.gateway.token
        const hint =
          k.kind === 'insecure' ? t.insecure(Boolean(settings.noTls)) : k.kind === 'padlocal' ? t.padlocal : k.kind === 'workpro' ? t.workpro : k.kind === 'uuid' ? t.uuid(Boolean(settings.noTls)) : k.kind === 'prefixed' ? t.prefixed(k.sni) : t.suspicious[k.reason]
        if (k.kind === 'suspicious' || k.kind === 'uuid') log.warn(t.using(tokenForLog(token), hint))
        else log.info(t.using(tokenForLog(token), hint))
      }
      running ??= supervise().catch((e) => log.error('gateway supervisor failed', { error: e }))
    },
    async stop() {
      stopping = true
      signal('stop')
      await running
      await disconnect()
      setState('stopped')
      log.info(zh.gateway.stopped)
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
