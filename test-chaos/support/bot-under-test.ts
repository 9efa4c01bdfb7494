/**
 * The production app (createApp: real dispatcher, sender, store) with a recording transport, a manual
 * clock and a temporary data folder — like test/support/harness.ts — but with every command wrapped so
 * the suite knows how each message ended: the command ran to a success, it refused (UserError), it
 * crashed, or it never ran (unknown command, wrong role or chat, bad arguments, too long, plain chat).
 * The wrapper only observes: it returns what the command returns and rethrows what it throws.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createApp, type App } from '../../src/app/app.js'
import { commands as allCommands } from '../../src/commands/index.js'
import { UserError, type Command } from '../../src/commands/command.js'
import { Store } from '../../src/platform/store/store.js'
import { ManualClock, parseInstant } from '../../src/platform/clock.js'
import { memoryLogger } from '../../src/platform/logger.js'
import type { Config } from '../../src/config/schema.js'
import type { Incoming } from '../../src/messages/message.js'
import { RecordingTransport, demoConfig } from '../../test/support/harness.js'

export type Outcome = { kind: 'not-run' } | { kind: 'success'; command: string } | { kind: 'refused'; command: string } | { kind: 'crashed'; command: string; error: unknown }

export class BotUnderTest {
  app!: App
  store!: Store<any>
  readonly log = memoryLogger()
  readonly transport: RecordingTransport
  readonly clock: ManualClock
  private outcomes: Outcome[] = []
  readonly commands: Command<any>[]

  private constructor(readonly config: Config, readonly dir: string, now: number) {
    this.clock = new ManualClock(now)
    this.transport = new RecordingTransport(this.clock)
    this.commands = allCommands.map((c) => ({
      ...c,
      run: async (input: any, deps: any) => {
        try {
          const reply = await c.run(input, deps)
          this.outcomes.push({ kind: 'success', command: c.name })
          return reply
        } catch (e) {
          this.outcomes.push(e instanceof UserError ? { kind: 'refused', command: c.name } : { kind: 'crashed', command: c.name, error: e })
          throw e
        }
      },
    }))
  }

  static async start(o: { now: string; config?: Config; dir?: string }): Promise<BotUnderTest> {
    const b = new BotUnderTest(o.config ?? demoConfig(), o.dir ?? mkdtempSync(path.join(os.tmpdir(), 'lxq-chaos-')), parseInstant(o.now)!)
    await b.boot()
    return b
  }

  async boot(): Promise<void> {
    this.store = await Store.open(this.dir, { fsync: false })
    this.app = await createApp({ config: this.config, store: this.store, clock: this.clock, log: this.log, transport: this.transport, sendGapMs: [0, 0], commands: this.commands })
    await this.app.onLogin()
    await this.app.idle()
  }

  /** Hands one message to the app and waits until it is handled and every reply is sent. */
  async deliver(msg: Incoming): Promise<{ replies: string[]; outcome: Outcome }> {
    const before = this.transport.sent.length
    this.outcomes = []
    await this.app.onMessage(msg)
    await this.app.idle()
    return { replies: this.transport.sent.slice(before).map((m) => m.text), outcome: this.outcomes[0] ?? { kind: 'not-run' } }
  }

  async close(): Promise<void> {
    await this.app.idle()
    rmSync(this.dir, { recursive: true, force: true })
  }
}
