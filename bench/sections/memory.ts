/**
 * (i) Long-run memory: the bot (src/main.ts in its own process, on the benchmark's 200,000 issues, over
 * puppet-service gRPC) gets 60,000 group messages (500 a second) from 250 members of 50 groups: ordinary chat, with one
 * in 20 a read-only command (/接待日, /我是谁) whose answer paces the run. The bot's heap after a full
 * garbage collection is read at the start and after every 10,000 messages (bench/lib/heap-probe.mjs,
 * loaded with --import: the bot's code is unchanged); peak RSS (VmHWM) after the first 20,000.
 */
import { Driver, spawnTs, type Child } from '../lib/driver.js'
import { memKb, waitSettled } from '../lib/proc.js'
import { repContact, studioRoom } from '../bench-config.js'
import type { Config } from '../../src/config/schema.js'

export interface MemoryResult {
  messages: number
  /** Heap in use after gc (MB), at 0, 10k, 20k … messages. */
  heapMb: number[]
  rssMb: number[]
  peakRssAt20kMb: number
  peakRssEndMb: number
  /** Messages the bot sent to the groups (answers, merged when several wait for one group). */
  answered: number
  commands: number
  seconds: number
}

async function heapOf(child: Child): Promise<{ heap: number; rss: number }> {
  const before = child.output().length
  child.child.kill('SIGUSR2')
  const until = performance.now() + 30_000
  for (;;) {
    const m = /LXQ-HEAP (\d+) (\d+)/.exec(child.output().slice(before))
    if (m) return { heap: Number(m[1]) / 1048576, rss: Number(m[2]) / 1048576 }
    if (performance.now() > until) throw new Error('no heap figure from the bot')
    await new Promise((r) => setTimeout(r, 20))
  }
}

export async function benchMemory(config: Config, env: Record<string, string>, o: { messages?: number; step?: number; perSecond?: number } = {}): Promise<MemoryResult> {
  const total = o.messages ?? 60_000
  const step = o.step ?? 10_000
  // 50 messages, then a pause: 500 a second by default.
  const pauseMs = Math.round(50_000 / (o.perSecond ?? 500))
  const driver = new Driver(config)
  await driver.start()
  const child = spawnTs('src/main.ts', { ...driver.env, ...env }, { nodeArgs: ['--expose-gc', '--import', './bench/lib/heap-probe.mjs'] })
  try {
    // Ready: /我是谁 answered.
    const until = performance.now() + 120_000
    for (let n = 0; ; n++) {
      const from = driver.fromBot.length
      driver.say(repContact(0, 0), '/我是谁')
      const got = await driver.reply(from, (x) => x.listenerId === repContact(0, 0) && !x.roomId, 200, 'ready').then(() => true, () => false)
      if (got) break
      if (performance.now() > until) throw new Error(`bot not ready:\n${child.output().slice(-2000)}`)
    }
    await waitSettled(child.pid, { timeoutMs: 120_000 })
    const heapMb: number[] = []
    const rssMb: number[] = []
    const first = await heapOf(child)
    heapMb.push(first.heap)
    rssMb.push(first.rss)
    let commands = 0
    let answered = 0
    let peakRssAt20kMb = NaN
    const t0 = performance.now()
    for (let sent = 0; sent < total; ) {
      const end = Math.min(total, sent + step)
      const mark = driver.fromBot.length
      let asked = 0
      for (; sent < end; sent++) {
        const g = sent % 50
        const member = repContact(g, Math.floor(sent / 50) % 5)
        if (sent % 20 === 19) {
          asked++
          driver.say(member, sent % 40 === 39 ? '/我是谁' : '/接待日', studioRoom(g))
        } else driver.say(member, `大家好，今天的会我来不了，第 ${sent} 条`, studioRoom(g))
        // 500 messages a second: far above any district's group traffic, without a flood of 10,000 at once.
        if (sent % 50 === 49) await new Promise((r) => setTimeout(r, pauseMs))
      }
      commands += asked
      // A private /我是谁 after the batch, answered once the bot has worked through it (then its CPU goes quiet).
      const probeFrom = driver.fromBot.length
      driver.say(repContact(60, 0), '/我是谁')
      await driver.reply(probeFrom, (x) => x.listenerId === repContact(60, 0) && !x.roomId, 300_000, 'the probe after a batch')
      answered += driver.fromBot.slice(mark).filter((x) => x.roomId).length
      await waitSettled(child.pid, { timeoutMs: 60_000 })
      if (end === 20_000 || (Number.isNaN(peakRssAt20kMb) && end > 20_000)) peakRssAt20kMb = (memKb(child.pid, 'VmHWM') ?? NaN) / 1024
      const h = await heapOf(child)
      heapMb.push(h.heap)
      rssMb.push(h.rss)
    }
    return { messages: total, heapMb, rssMb, peakRssAt20kMb, peakRssEndMb: (memKb(child.pid, 'VmHWM') ?? NaN) / 1024, answered, commands, seconds: (performance.now() - t0) / 1000 }
  } finally {
    child.child.kill('SIGKILL')
    await child.exited
    await driver.stop()
  }
}
