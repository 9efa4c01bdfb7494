/**
 * Drives the bot through the same createApp/dispatcher/sender as production, with a recording
 * transport, a manual clock and a temporary data folder. Used by the feature tests; the end-to-end
 * tests in test/e2e go through the real gRPC path instead.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseConfigText } from '../../src/config/load-config.js'
import type { Config } from '../../src/config/schema.js'
import { createApp, type App } from '../../src/app/app.js'
import { Store } from '../../src/platform/store/store.js'
import type { WalFs } from '../../src/platform/store/wal.js'
import { ManualClock, parseInstant } from '../../src/platform/clock.js'
import { memoryLogger } from '../../src/platform/logger.js'
import type { Transport } from '../../src/platform/sender.js'
import type { Target } from '../../src/messages/message.js'

export interface SentMessage {
  to: Target
  text: string
  mentions: string[]
  file?: { name: string; data: Buffer }
  at: number
}

export class RecordingTransport implements Transport {
  ready = true
  sent: SentMessage[] = []
  constructor(private readonly clock: ManualClock) {}
  isReady() {
    return this.ready
  }
  async sendText(to: Target, text: string, mentions: string[]) {
    this.sent.push({ to, text, mentions, at: this.clock.now() })
  }
  async sendFile(to: Target, name: string, data: Buffer) {
    this.sent.push({ to, text: '', mentions: [], file: { name, data }, at: this.clock.now() })
  }
}

export const demoConfigText = () => readFileSync(path.join(process.cwd(), 'config/demo.yaml'), 'utf8')

export function demoConfig(edit?: (text: string) => string): Config {
  const text = demoConfigText()
  return parseConfigText(edit ? edit(text) : text)
}

export interface HarnessOptions {
  now: string
  config?: Config
  dir?: string
  /** The log's file operations (a failing one for the disk-full tests). */
  walFs?: WalFs
  /** Called when a damaged earlier-year file is found after start-up (production stops the bot). */
  onDamage?: (e: unknown) => void
  /** Replaces the sender's group gate (only the privacy property test, to show its check can fail). */
  groupGate?: (text: string) => string
}

let msgSeq = 0

export class Harness {
  app!: App
  store!: Store<any>
  readonly clock: ManualClock
  readonly transport: RecordingTransport
  readonly config: Config
  readonly dir: string
  readonly log = memoryLogger()
  private readonly groupGate?: (text: string) => string

  private constructor(o: HarnessOptions) {
    const t = parseInstant(o.now)
    if (t === undefined) throw new Error(`bad now: ${o.now}`)
    this.clock = new ManualClock(t)
    this.transport = new RecordingTransport(this.clock)
    this.config = o.config ?? demoConfig()
    this.dir = o.dir ?? mkdtempSync(path.join(os.tmpdir(), 'lxq-test-'))
    this.walFs = o.walFs
    this.onDamage = o.onDamage
    this.groupGate = o.groupGate
  }
  private readonly walFs?: WalFs
  private readonly onDamage?: (e: unknown) => void

  static async start(o: HarnessOptions): Promise<Harness> {
    const h = new Harness(o)
    await h.boot()
    return h
  }

  private async boot(): Promise<void> {
    this.store = await Store.open(this.dir, { fsync: false, walFs: this.walFs })
    this.app = await createApp({ config: this.config, store: this.store, clock: this.clock, log: this.log, transport: this.transport, sendGapMs: [0, 0], groupGate: this.groupGate, onDamage: this.onDamage })
    await this.app.onLogin()
    await this.app.idle()
  }

  /**
   * A restart: a new app over the same data folder (what survives is what is on disk). `crash`: as after
   * a kill -9, no compaction at shutdown (the changes since the last snapshot are only in the log).
   */
  async restart(opts: { crash?: boolean } = {}): Promise<void> {
    await this.app.idle()
    await this.store.close({ compact: !opts.crash })
    await this.boot()
  }

  /** The WeChat contact id of a person (by id or unique name) in the sample config. */
  contact(who: string): string {
    if (who.startsWith('demo-') || who.startsWith('x-')) return who
    const p = this.config.people.filter((x) => x.id === who || x.name === who)
    if (p.length !== 1 || !p[0].wechatId) throw new Error(`no unique person ${who}`)
    return p[0].wechatId
  }

  room(studioId: string): string {
    if (studioId === 'liaison' && this.config.district.liaisonRoomId) return this.config.district.liaisonRoomId
    const s = this.config.studios.find((x) => x.id === studioId || x.name === studioId)
    if (!s?.roomId) throw new Error(`no room for ${studioId}`)
    return s.roomId
  }

  /** Someone says `text` in a studio group (or privately with `where: 'private'`); returns the replies' texts. */
  async say(who: string, text: string, where: string = 'private', opts: { id?: string; mentions?: string[]; name?: string } = {}): Promise<string[]> {
    const before = this.transport.sent.length
    const contactId = this.contact(who)
    const name = opts.name ?? this.config.people.find((p) => p.wechatId === contactId)?.name ?? who
    await this.app.onMessage({
      id: opts.id ?? `m${++msgSeq}`,
      text,
      talkerId: contactId,
      talkerName: name,
      roomId: where === 'private' ? undefined : this.room(where),
      mentions: (opts.mentions ?? []).map((m) => this.contact(m)),
    })
    await this.app.idle()
    return this.transport.sent.slice(before).map((m) => m.text)
  }

  /** Moves the clock and runs the due-check; returns what was posted. */
  async advanceTo(iso: string): Promise<SentMessage[]> {
    const t = parseInstant(iso)
    if (t === undefined) throw new Error(`bad time ${iso}`)
    this.clock.set(t)
    const before = this.transport.sent.length
    await this.app.runDue()
    await this.app.idle()
    return this.transport.sent.slice(before)
  }

  sentTo(where: string): SentMessage[] {
    const roomId = this.room(where)
    return this.transport.sent.filter((m) => 'roomId' in m.to && m.to.roomId === roomId)
  }

  async close(): Promise<void> {
    await this.app.idle()
    await this.store.close()
    rmSync(this.dir, { recursive: true, force: true })
  }
}
