/**
 * The driver's side of the benchmark and the chaos suite: a MockGateway (PuppetServer over the mock
 * puppet, on loopback) that records, with a monotonic timestamp, every message the bot sends, and lets a
 * caller wait for the ones it expects; and a way to run a bot as a child process exactly as `npm start`
 * runs it, but with `node --import tsx` so that the child's pid is the bot itself (a SIGKILL hits the
 * bot, and /proc/<pid>/status is the bot's memory).
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { MockGateway, type SeenMessage } from '../../src/demo/mock-gateway.js'
import type { Config } from '../../src/config/schema.js'

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')

export interface Seen extends SeenMessage {
  /** performance.now() when the mock saw it. */
  at: number
}

type Waiter = { test: () => boolean; resolve: () => void }

export class Driver {
  readonly gateway: MockGateway
  readonly fromBot: Seen[] = []
  private waiters: Waiter[] = []
  private seq = 0

  constructor(config: Config, opts: { port?: number; strangers?: { id: string; name: string }[]; botName?: string } = {}) {
    this.gateway = new MockGateway(config, { botName: opts.botName ?? '连心桥', strangers: opts.strangers ?? [{ id: 'x-stranger', name: '路人甲' }], port: opts.port })
    this.gateway.onMessage((m) => {
      if (!m.fromBot) return
      this.fromBot.push({ ...m, at: performance.now() })
      this.check()
    })
  }

  async start(): Promise<void> {
    await this.gateway.start()
    this.gateway.login()
  }

  get env(): Record<string, string> {
    return { WECHATY_PUPPET_SERVICE_TOKEN: this.gateway.token, WECHATY_PUPPET_SERVICE_ENDPOINT: this.gateway.endpoint }
  }

  /** A member says `text` in a group (roomId) or privately; returns performance.now() at hand-over. */
  say(contactId: string, text: string, roomId?: string): number {
    const t = performance.now()
    this.gateway.say(contactId, text, roomId)
    return t
  }

  nextId(): number {
    return ++this.seq
  }

  private check(): void {
    if (!this.waiters.length) return
    this.waiters = this.waiters.filter((w) => {
      if (!w.test()) return true
      w.resolve()
      return false
    })
  }

  /** Resolves once `test()` holds (checked now and on every message from the bot), or rejects at the deadline. */
  until(test: () => boolean, timeoutMs: number, what = 'condition'): Promise<void> {
    if (test()) return Promise.resolve()
    return new Promise((resolve, reject) => {
      const w: Waiter = { test, resolve: () => (clearTimeout(timer), resolve()) }
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((x) => x !== w)
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`))
      }, timeoutMs)
      this.waiters.push(w)
    })
  }

  /** The first bot message after index `from` that satisfies `test`. */
  async reply(from: number, test: (m: Seen) => boolean, timeoutMs = 10_000, what = 'a reply'): Promise<Seen> {
    let found: Seen | undefined
    await this.until(() => {
      for (let i = from; i < this.fromBot.length; i++) if (test(this.fromBot[i])) return Boolean((found = this.fromBot[i]))
      return false
    }, timeoutMs, what)
    return found!
  }

  async stop(): Promise<void> {
    await this.gateway.stop().catch(() => undefined)
  }
}

export interface Child {
  child: ChildProcess
  pid: number
  /** performance.now() right before spawn. */
  spawnedAt: number
  output(): string
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
  /** Peak resident set size so far (VmHWM, kB) while the process is alive; undefined once it is gone. */
  peakRssKb(): number | undefined
  /** SIGTERM, then SIGKILL after `graceMs`. */
  stop(graceMs?: number): Promise<void>
}

/** Runs `script` (a .ts path relative to the project root) under `node --import tsx`, with `args` after it. */
export function spawnTs(script: string, env: Record<string, string>, opts: { nodeArgs?: string[]; args?: string[] } = {}): Child {
  const spawnedAt = performance.now()
  const child = spawn(process.execPath, [...(opts.nodeArgs ?? []), '--import', 'tsx', script, ...(opts.args ?? [])], {
    cwd: ROOT,
    env: { ...process.env, NODE_OPTIONS: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  const keep = (d: Buffer) => {
    out += d.toString()
    if (out.length > 2_000_000) out = out.slice(-1_000_000)
  }
  child.stdout!.on('data', keep)
  child.stderr!.on('data', keep)
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })))
  let alive = true
  void exited.then(() => (alive = false))
  const pid = child.pid!
  return {
    child,
    pid,
    spawnedAt,
    output: () => out,
    exited,
    peakRssKb() {
      if (!alive) return undefined
      try {
        const m = /VmHWM:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
        return m ? Number(m[1]) : undefined
      } catch {
        return undefined
      }
    },
    async stop(graceMs = 5000) {
      if (!alive) return
      child.kill('SIGTERM')
      const t = setTimeout(() => alive && child.kill('SIGKILL'), graceMs)
      await exited
      clearTimeout(t)
    },
  }
}

/** A set of latencies in brief: how many, p50, p99 and the longest. */
export interface Latencies {
  n: number
  p50: number
  p99: number
  max: number
}

export function latencies(xs: number[]): Latencies {
  const s = [...xs].sort((a, b) => a - b)
  return { n: s.length, p50: percentile(s, 50), p99: percentile(s, 99), max: s[s.length - 1] ?? NaN }
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return sorted[i]
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms))
