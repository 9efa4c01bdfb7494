/**
 * (g) The district ledger and the district's figures at city scale, through the real path (the bot in
 * its own process over puppet-service gRPC, as in (a)), on the generated data plus a year of sessions
 * (bench/generate-roster.ts):
 *
 *   - `/导出台账 <year>年 全区` from the admin in private: from the message to the file arriving at the
 *     gateway; the bot's peak RSS meanwhile (VmHWM, reset before each export through
 *     /proc/<pid>/clear_refs, else sampled VmRSS) above its resting RSS; and /登记 receipts from group
 *     members while the export runs, p50/p99: one every RECEIPT_EVERY_MS (ten a second, more than a city
 *     registers at its busiest; sent back to back they would measure a bot saturated by registrations,
 *     and each registration adds to the bot's memory);
 *   - baselines from the same run: one studio's ledger of the same year (the fixed cost: the worker, the
 *     read-only open), the resting RSS, the same receipts with no export running;
 *   - `npm run export` of the same ledger (the same job in its own process): time and peak RSS;
 *   - `/统计 <year>年 全区` (messages, characters, time) beside one studio's /统计, and ten years of the
 *     district (`/统计 <y-9>-01至<y>-12 全区`, every issue stored) with the receipts sent meanwhile.
 */
import { writeFileSync, rmSync, statSync } from 'node:fs'
import os from 'node:os'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import path from 'node:path'
import type { Config } from '../../src/config/schema.js'
import { ADMIN_CONTACT, repContact } from '../bench-config.js'
import { Driver, latencies, sleep, spawnTs, type Child, type Latencies } from '../lib/driver.js'
import { memKb, waitSettled } from '../lib/proc.js'
import { measureStartup } from './startup.js'
import { receiptsIn, registration } from './registration.js'
import { seededRandom } from '../synthetic.js'


export interface ExportRun {
  ms: number
  peakRssMb: number
  restingRssMb: number
  /** How the peak was read: VmHWM after a reset, or the highest VmRSS sampled every 20 ms. */
  peakHow: 'VmHWM' | 'sampled'
  receipts: number[]
  /**
   * Of those, the receipts that were sent before the file reached the gateway and came after it: they
   * waited on the one send queue while the ledger itself was being uploaded (9 MB over the gRPC link).
   */
  behindFile: number[]
  fileBytes: number
  note: string
  /** The bot's own log line for it: the time in the bot and the worker thread's CPU time. */
  logged?: { ms?: number; cpuMs?: number }
  /** The machine's 1-minute load average when it ended (2 cores: above 2 means waiting for a core). */
  load: number
  /**
   * The longest the benchmark's own event loop (driver and mock gateway, this process) was held while it
   * ran, in ms: the gateway turning the received file into base64 holds it too, and a receipt that
   * arrives meanwhile is timed late by that much without the bot having been slow.
   */
  benchStallMs: number
}

export interface ExportResult {
  year: number
  district: ExportRun[]
  studio: ExportRun[]
  receiptsIdle: Latencies
  receiptsDuring: Latencies
  /** The receipts during the exports that did not wait behind the file's upload. */
  receiptsBesideFile: Latencies
  cli: { ms: number; peakRssMb: number; code: number | null; out: string }[]
  stats: { district: StatsRun; studio: StatsRun; decade: StatsRun & { receipts: Latencies } }
}

export interface StatsRun {
  ms: number
  messages: number
  chars: number
  longest: number
}

/** One /登记 every this many ms (the next waits for the previous receipt), while an export runs and for the baseline. */
export const RECEIPT_EVERY_MS = 100


function resetPeak(pid: number): boolean {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5')
    return true
  } catch {
    return false
  }
}

export async function benchExport(o: { config: Config; configFile: string; dataDir: string; year: number; runs: number; idleReceipts: number; botEnv: Record<string, string> }): Promise<ExportResult> {
  const driver = new Driver(o.config)
  await driver.start()
  let bot: Child | undefined
  const r = seededRandom(31)
  let tag = 500_000
  const studio = o.config.studios[0]
  /** One /登记 from a member of one of ten groups; resolves with when it was sent and its receipt came. */
  const receipt = async (): Promise<{ at: number; ms: number }> => {
    const i = tag++
    const reg = registration(r, i, i % 10, Math.floor(i / 10) % 5)
    const from = driver.fromBot.length
    const at = driver.say(reg.from, reg.text, reg.room)
    const m = await driver.reply(from, (x) => x.roomId === reg.room && receiptsIn(x).some((y) => y.tag === reg.tag), 60_000, `receipt of ${reg.tag}`)
    return { at, ms: m.at - at }
  }
  /** A receipt, then a pause to the next slot (RECEIPT_EVERY_MS after this one was sent). */
  const paced = async (): Promise<{ at: number; ms: number }> => {
    const x = await receipt()
    await sleep(Math.max(0, RECEIPT_EVERY_MS - (performance.now() - x.at)))
    return x
  }
  const toAdmin = (from: number) => driver.fromBot.slice(from).filter((m) => m.listenerId === ADMIN_CONTACT && !m.roomId)
  /**
   * The admin asks in private; resolves once `done` holds for the bot's private messages to the admin
   * since, timed to the file (if one came) or the last of them. `meanwhile` runs again and again until
   * then (each run is awaited: the last one may end a little after the answer).
   */
  const ask = async (text: string, done: (got: ReturnType<typeof toAdmin>) => boolean, meanwhile?: () => Promise<void>) => {
    const from = driver.fromBot.length
    const at = driver.say(ADMIN_CONTACT, text)
    let finished = false
    const wait = driver.until(() => done(toAdmin(from)), 600_000, `the answer to ${text}`).then(() => (finished = true))
    if (meanwhile) while (!finished) await meanwhile()
    await wait
    const got = toAdmin(from)
    const file = got.find((m) => m.file)
    const last = file ?? got[got.length - 1]
    return { ms: last.at - at, texts: got.map((m) => m.text ?? ''), fileBytes: file?.file?.data.length ?? 0, fileAt: file?.at }
  }
  const result: ExportResult = {
    year: o.year,
    district: [],
    studio: [],
    receiptsIdle: latencies([]),
    receiptsDuring: latencies([]),
    receiptsBesideFile: latencies([]),
    cli: [],
    stats: undefined as unknown as ExportResult['stats'],
  }
  try {
    bot = (await measureStartup(driver, 'src/main.ts', o.botEnv, repContact(0, 0), () => '/我是谁', { keep: true })).child
    await waitSettled(bot.pid, { timeoutMs: 120_000 })
    // Warm-up: the first receipts of each group (names bound, partitions loaded) are not counted.
    for (let i = 0; i < 20; i++) await receipt()
    const idle: number[] = []
    const during: number[] = []
    const beside: number[] = []

    const exportOnce = async (words: string, withReceipts: boolean): Promise<ExportRun> => {
      await waitSettled(bot!.pid, { timeoutMs: 120_000 })
      const restingRssMb = (memKb(bot!.pid, 'VmRSS') ?? NaN) / 1024
      const hwm = resetPeak(bot!.pid)
      let sampled = restingRssMb
      const sampler = setInterval(() => (sampled = Math.max(sampled, (memKb(bot!.pid, 'VmRSS') ?? 0) / 1024)), 20)
      const sent: { at: number; ms: number }[] = []
      const stall = monitorEventLoopDelay({ resolution: 10 })
      stall.enable()
      // Done when the file and the note after it (what the file holds) have come.
      const a = await ask(`/导出台账 ${words}`, (got) => got.some((m) => m.file) && got.some((m) => (m.text ?? '').includes('台账已生成') || (m.text ?? '').includes('没有生成成功')), withReceipts ? async () => void sent.push(await paced()) : undefined)
      clearInterval(sampler)
      stall.disable()
      const fileAt = a.fileAt ?? Infinity
      const waited = (x: { at: number; ms: number }) => x.at < fileAt && x.at + x.ms > fileAt
      const peak = hwm ? (memKb(bot!.pid, 'VmHWM') ?? NaN) / 1024 : sampled
      const line = bot!.output().split('\n').filter((l) => l.includes('ledger exported')).at(-1)
      let logged: ExportRun['logged']
      try {
        logged = line ? (JSON.parse(line.slice(line.indexOf('{'))) as ExportRun['logged']) : undefined
      } catch {
        logged = undefined
      }
      return { ms: a.ms, peakRssMb: Math.max(peak, sampled), restingRssMb, peakHow: hwm ? 'VmHWM' : 'sampled', receipts: sent.map((x) => x.ms), behindFile: sent.filter(waited).map((x) => x.ms), fileBytes: a.fileBytes, note: a.texts.filter(Boolean).join(' / '), logged, load: os.loadavg()[0], benchStallMs: stall.max / 1e6 }
    }

    for (let i = 0; i < o.runs; i++) {
      for (let k = 0; k < o.idleReceipts / o.runs; k++) idle.push((await paced()).ms)
      const d = await exportOnce(`${o.year}年 全区`, true)
      during.push(...d.receipts)
      const behind = new Set(d.behindFile)
      beside.push(...d.receipts.filter((x) => !behind.has(x)))
      result.district.push(d)
      result.studio.push(await exportOnce(`${o.year}年 ${studio.name}`, false))
    }
    result.receiptsIdle = latencies(idle)
    result.receiptsDuring = latencies(during)
    result.receiptsBesideFile = latencies(beside)

    // /统计 of the year: the district, one studio; then ten years of the district with receipts meanwhile.
    const statsOnce = async (text: string, last: string, withReceipts = false) => {
      await waitSettled(bot!.pid, { timeoutMs: 120_000 })
      const receipts: number[] = []
      const a = await ask(text, (got) => got.some((m) => (m.text ?? '').includes(last)), withReceipts ? async () => void receipts.push((await paced()).ms) : undefined)
      return { run: { ms: a.ms, messages: a.texts.length, chars: a.texts.reduce((n, t) => n + t.length, 0), longest: Math.max(...a.texts.map((t) => t.length)) }, receipts }
    }
    // The district's reply ends with the message that names the ledger; a studio's is one message.
    const district = await statsOnce(`/统计 ${o.year}年 全区`, '/导出台账')
    const one = await statsOnce(`/统计 ${o.year}年 ${studio.name}`, '【统计】')
    const decade = await statsOnce(`/统计 ${o.year - 8}-01至${o.year + 1}-12 全区`, '/导出台账', true)
    result.stats = { district: district.run, studio: one.run, decade: { ...decade.run, receipts: latencies(decade.receipts) } }
  } finally {
    bot?.child.kill('SIGKILL')
    await bot?.exited
    await driver.stop()
  }

  // npm run export: the same job in its own process (node --import tsx src/cli/export.ts, as npm runs it).
  for (let i = 0; i < Math.max(1, Math.min(2, o.runs)); i++) {
    const file = path.join(path.dirname(o.dataDir), `ledger-${i}.xlsx`)
    const t0 = performance.now()
    const cli = spawnTs('src/cli/export.ts', { LXQ_CONFIG: o.configFile, LXQ_DATA: o.dataDir }, { args: [`${o.year}年`, '--out', file] })
    let peak = 0
    const sampler = setInterval(() => (peak = Math.max(peak, cli.peakRssKb() ?? 0)), 20)
    const { code } = await cli.exited
    clearInterval(sampler)
    const ms = performance.now() - t0
    let bytes = 0
    try {
      bytes = statSync(file).size
      rmSync(file)
    } catch {
      // not written
    }
    result.cli.push({ ms, peakRssMb: peak / 1024, code, out: `${cli.output().trim().slice(-300)} (${bytes} bytes)` })
  }
  return result
}
