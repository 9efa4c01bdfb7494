/**
 * The puppet-service client with two changes, both about what a real gateway needs:
 *
 * - **Stop leaves the gateway alone.** PuppetService.stop() sends the gateway a Stop call, and
 *   PuppetServer answers it by stopping *its* puppet (server/puppet-implementation.js: `stop` →
 *   `eventStreamManager.stop()` + `puppet.stop()`): on a real gateway that is the WeChat session itself,
 *   and the next client's Start has to bring it up again (or needs a new scan). The mock gateway failed
 *   every message for the next run after it. Here stop cancels our event stream (so the server frees its
 *   single event slot: it refuses a second `event()` call with ALREADY_EXISTS while one is open; closing
 *   the channel alone does not end an open call) and closes the channel, exactly what a crash of the bot
 *   does, which every gateway already survives.
 * - **The supervisor hears when the event stream ends.** The stock client only re-emits the stream's
 *   error as a puppet `error` and never reconnects; `onStreamLost` lets the supervisor do that.
 * - **The payload cache is reopened only once it is closed.** The client keeps contact and room
 *   payloads in LevelDB stores under ~/.wechaty/wechaty-puppet-service/<token>/, opened on login and
 *   closed, without waiting, on logout (client/payload-store.js). A reconnect logs out and in again at
 *   once; opening the same LevelDB before its close finished fails with "lock … already held by process"
 *   (seen in a stop/start loop here: the process died of it). Start now waits for the previous close.
 * - **A reconnect does not add listeners.** wechaty-puppet's WatchdogAgent adds a `reset` listener to its
 *   watchdog and a `heartbeat` listener to the puppet on every start, and its stop means to remove them
 *   but passes new functions to off(), so nothing is removed (agents/watchdog-agent.js): each reconnect
 *   of a supervised bot left one more of each (Node's MaxListenersExceededWarning after ten, and a
 *   watchdog reset then reset the puppet once per reconnect so far). The agent's start runs once here;
 *   the listeners it added stay valid across restarts (they hold the same watchdog and puppet), and its
 *   stop still puts the watchdog to sleep.
 * - **A logout the gateway reports is not sent back to it.** On a LOGOUT event the stock client calls
 *   its own logout(), which also sends the gateway a Logout call. When the account logs in again before
 *   that call arrives (a gateway that logs back in by itself, or the mock gateway in a test), the echo
 *   logs the fresh session out and the bot waits for a login that never comes (seen as a flaky test
 *   under load). A logout the bot asks for itself still sends the call.
 */
import { PuppetService } from 'wechaty-puppet-service'

export class SupervisedPuppetService extends PuppetService {
  /** Called once per connection when its event stream ends, errs or is cancelled by the other side. */
  onStreamLost?: (cause: unknown) => void
  private payloadClosing: Promise<unknown> = Promise.resolve()
  /** True while the client handles one event from the gateway's stream (its logout() is called inside). */
  private inGatewayEvent = false

  constructor(options: ConstructorParameters<typeof PuppetService>[0] = {}) {
    super(options)
    // onGrpcStreamEvent is private in the typings; the stream binds whatever the instance holds.
    const self = this as unknown as { onGrpcStreamEvent: (event: unknown) => void }
    const onEvent = self.onGrpcStreamEvent
    self.onGrpcStreamEvent = (event: unknown) => {
      this.inGatewayEvent = true
      try {
        onEvent.call(this, event)
      } finally {
        this.inGatewayEvent = false
      }
    }
    const agent = (this as unknown as { __watchdog?: { start: () => void } }).__watchdog
    if (agent) {
      const startAgent = agent.start.bind(agent)
      let started = false
      agent.start = () => {
        if (started) return
        started = true
        startAgent()
      }
    }
    const store = this._payloadStore
    const stop = store.stop.bind(store)
    const start = store.start.bind(store)
    store.stop = () => {
      const closing = stop()
      this.payloadClosing = closing.catch(() => undefined)
      return closing
    }
    store.start = async (accountId: string) => {
      await this.payloadClosing
      return start(accountId)
    }
  }

  override async logout(reason?: string): Promise<void> {
    if (!this.inGatewayEvent) return super.logout(reason)
    // Reported by the gateway: note it here (the puppet's own logout: event, current user cleared), no call back.
    const puppetLogout = Object.getPrototypeOf(PuppetService.prototype).logout as (this: PuppetService, reason?: string) => Promise<void>
    return puppetLogout.call(this, reason)
  }

  override async onStart(): Promise<void> {
    await super.onStart()
    const g = this._grpcManager
    if (!g) return
    let told = false
    const lost = (cause: unknown) => {
      if (told || this._grpcManager !== g) return
      told = true
      this.onStreamLost?.(cause)
    }
    g.on('end', () => lost('end'))
    g.on('cancel', () => lost('cancel'))
    g.on('error', (e: unknown) => lost(e))
  }

  /**
   * Is the gateway answering? A `ding` call with a deadline: answered (whether or not a `dong` event
   * follows: not every gateway sends one) means the connection is alive; an error or no answer within
   * `timeoutMs` means it is not. The stock `ding()` has no deadline and swallows the outcome, so the
   * call goes through it with the client's `ding` wrapped for this one call.
   */
  probe(timeoutMs: number): Promise<boolean> {
    return new Promise((resolve) => {
      let client: any
      try {
        client = this.grpcManager.client
      } catch {
        return resolve(false)
      }
      const original = client.ding
      client.ding = (req: unknown, cb: (e: unknown, r?: unknown) => void) => {
        client.ding = original
        return original.call(client, req, { deadline: Date.now() + timeoutMs }, (e: unknown, r: unknown) => {
          resolve(!e)
          cb(e, r)
        })
      }
      try {
        this.ding('lxq')
      } catch {
        client.ding = original
        resolve(false)
      }
    })
  }

  override async onStop(): Promise<void> {
    const g = this._grpcManager
    if (g) {
      // Our own cancel must not read as a lost connection, and an 'error' with no listener would throw.
      g.removeAllListeners()
      g.on('error', () => undefined)
      try {
        g.eventStream?.cancel()
      } catch {
        // already gone
      }
      try {
        // No Stop call to the gateway (see above): answer the client's own call locally.
        ;(g.client as any).stop = (_req: unknown, cb: (e: null) => void) => cb(null)
      } catch {
        // no client: nothing to stop
      }
    }
    await super.onStop()
  }
}
