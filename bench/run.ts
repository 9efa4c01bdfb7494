/**
 * `npm run bench`: the figures of issue #8, each beside its baseline measured in the same run, and its
 * target. Prints a table and writes the same figures as JSON to bench-results/ (git-ignored), with the
 * machine it ran on.
 *
 *   (a) /登记 message-to-receipt latency, 200,000 issues stored, vs a bare echo bot on the same path
 *   (b) a burst of 1,000 /登记 from 50 members of 10 groups, vs the echo bot's burst
 *   (c) start-up to ready with those 200,000 issues, and peak RSS, vs an empty data folder and the echo bot
 *   (d) the roster of 230 studios × 12 months, vs computing only the dates
 *   (e) pacing with the production gap: intervals, and a 200-reply backlog merged
 *   (h) a Monday 09:00 of 230 studios at production pacing (the Sender's waits on a simulated clock)
 *   (i) long-run memory: the bot's heap over 60,000 group messages (500 a second), peak RSS over 20,000 at 200 a second
 *   (g) the district ledger of last year (/导出台账 and npm run export): time, peak RSS above resting,
 *       /登记 receipts while it is written; /统计 of the district (messages) and of ten years
 *   (j) the liaison office's overview page (issue 18) for the year of (g), vs that year's figures alone
 *
 * Options: --keep (keep the generated data in bench-results/work), --issues N (default 200000),
 * --quick (fewer repetitions; a smoke run, figures not for the README).
 */
import { mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { log as wechatyLog } from 'wechaty-puppet'
import { commands } from '../src/commands/index.js'
import { toLocalDate, yearOf } from '../src/domain/time/local-date.js'
import { benchConfig, benchConfigText, coordinatorContact, repContact } from './bench-config.js'
import { generateIssues, type GenerateReport } from './generate-issues.js'
import { Driver, ROOT, type Child } from './lib/driver.js'
import { machine, waitSettled } from './lib/proc.js'
import { measureStartup, type StartupResult } from './sections/startup.js'
import { benchLatency, benchBurst, checkOnDisk, type BurstResult, type DiskCheck } from './sections/registration.js'
import { benchRoster } from './sections/roster.js'
import { benchPacing } from './sections/pacing.js'
import { benchWrites } from './sections/writes.js'
import { benchExport, RECEIPT_EVERY_MS } from './sections/export.js'
import { benchMonday } from './sections/monday.js'
import { benchMemory } from './sections/memory.js'
import { generateRosterYear, writeRosterYear } from './generate-roster.js'
import { benchOffice } from './sections/office.js'

process.noDeprecation = true
wechatyLog.level('silent')

const { values: args } = parseArgs({ options: { keep: { type: 'boolean' }, issues: { type: 'string', default: '200000' }, quick: { type: 'boolean' } } })
const TOTAL = Number(args.issues)
const QUICK = Boolean(args.quick)
const STARTUP_RUNS = QUICK ? 1 : 3
const LATENCY_N = QUICK ? 100 : 300
const LATENCY_WARMUP = 30
const BURSTS = QUICK ? 1 : 3
const BURST = 1000
const EXPORT_RUNS = QUICK ? 1 : 3

interface Row {
  key: string
  measure: string
  figure: string
  baseline: string
  target: string
  /** true/false, or null when there is no target or it could not be measured. */
  pass: boolean | null
  value?: number
  baselineValue?: number
  unit?: string
}

const rows: Row[] = []
const details: Record<string, unknown> = {}
const startedAt = new Date()
const t0 = performance.now()
const say = (s: string) => process.stderr.write(`[bench ${((performance.now() - t0) / 1000).toFixed(0).padStart(3)} s] ${s}\n`)
const ms = (x: number) => `${x < 10 ? x.toFixed(2) : x < 100 ? x.toFixed(1) : x.toFixed(0)} ms`
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

const workDir = path.join(ROOT, 'bench-results', 'work')
const dataDir = path.join(workDir, 'data')
const emptyDir = path.join(workDir, 'empty')
const configFile = path.join(workDir, 'bench-config.yaml')
const hasRegister = commands.some((c) => c.name === '登记')

async function main(): Promise<void> {
  const m = machine()
  say(`machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGb} GB, node ${m.node}`)
  rmSync(workDir, { recursive: true, force: true })
  mkdirSync(emptyDir, { recursive: true })
  const config = benchConfig()
  writeFileSync(configFile, benchConfigText())
  const now = Date.now()
  const year = yearOf(toLocalDate(now))

  say(`generating ${TOTAL} issues (${config.studios.length} studios, ten years) into ${path.relative(ROOT, dataDir)} …`)
  const gen: GenerateReport = generateIssues({ dir: dataDir, config, total: TOTAL, now })
  details.generated = { ...gen, lastSeq: undefined, mb: gen.bytes / 1e6 }
  say(`  ${gen.issues} issues, ${gen.files} files, ${(gen.bytes / 1e6).toFixed(0)} MB in ${(gen.ms / 1000).toFixed(1)} s`)

  // One gateway per bot process: a bot that stops gracefully stops the mock puppet behind the server.
  const botEnv = (data: string) => ({ LXQ_CONFIG: configFile, LXQ_DATA: data, LXQ_LOG_LEVEL: 'info' })

  // (c) start-up
  say(`(c) start-up to ready, ${STARTUP_RUNS} runs each: echo bot, bot on an empty folder, bot on ${TOTAL} issues …`)
  const startup: Record<string, StartupResult[]> = { echo: [], empty: [], full: [] }
  let todoFull: string | undefined
  let todoEmpty: string | undefined
  const todoHead = (text: string) => text.split('\n')[0]
  const probeEcho = { from: repContact(0, 0), text: (n: number) => `ping ${n}`, accept: undefined }
  const probeTodo = (truth: string | undefined) => ({ from: coordinatorContact(0), text: () => '/待办', accept: truth === undefined ? undefined : (t: string) => todoHead(t) === truth })
  const askTodo = async (driver: Driver): Promise<string> => {
    const from = driver.fromBot.length
    driver.say(coordinatorContact(0), '/待办')
    return todoHead((await driver.reply(from, (x) => x.listenerId === coordinatorContact(0) && !x.roomId, 30_000, '/待办')).text ?? '')
  }
  const startDriver = new Driver(config)
  await startDriver.start()
  // Run 0 (not counted) is the first start on each folder: it plans the roster of every studio and queues
  // the start-up notices once. The counted runs are restarts of a bot that has been running.
  for (let i = 0; i <= STARTUP_RUNS; i++) {
    for (const kind of ['echo', 'empty', 'full'] as const) {
      if (i === 0 && kind === 'echo') continue
      const script = kind === 'echo' ? 'bench/echo-bot.ts' : 'src/main.ts'
      const env = kind === 'echo' ? {} : botEnv(kind === 'empty' ? emptyDir : dataDir)
      // Ready means /待办 answers with the right count: the first start (not counted) learns that count
      // once it has finished loading (its answer then is the truth the restarts are held to).
      const probe = kind === 'echo' ? probeEcho : probeTodo(kind === 'full' ? todoFull : todoEmpty)
      const { result, child } = await measureStartup(startDriver, script, env, probe.from, probe.text, { keep: true, accept: probe.accept })
      if (i === 0 && kind !== 'echo') {
        await waitSettled(child.pid)
        const truth = await askTodo(startDriver)
        if (kind === 'full') todoFull = truth
        else todoEmpty = truth
        say(`  ${kind}: /待办 once loaded: ${truth}`)
      }
      child.child.kill('SIGKILL') // no graceful stop: it would stop the mock puppet for the next run
      await child.exited
      if (i === 0) {
        details[`firstStart_${kind}`] = result
        say(`  ${kind}, first start (not counted): ready ${ms(result.readyMs)}, quiet ${ms(result.settledMs)}, peak RSS ${result.peakRssSettledMb.toFixed(0)} MB`)
        continue
      }
      startup[kind].push(result)
      say(`  ${kind}: ready ${ms(result.readyMs)}, quiet ${ms(result.settledMs)}, peak RSS ${result.peakRssReadyMb.toFixed(0)} MB at ready, ${result.peakRssSettledMb.toFixed(0)} MB after`)
      const marks = Object.entries(result.milestones).filter(([k]) => /loaded|known|logged in|planned/.test(k))
      if (marks.length) say(`    its log: ${marks.map(([k, v]) => `${k} at ${v} ms`).join(', ')}`)
    }
  }
  await startDriver.stop()
  details.startup = startup
  const med = (k: string, f: (r: StartupResult) => number) => median(startup[k].map(f))
  const readyFull = med('full', (r) => r.readyMs)
  const readyEmpty = med('empty', (r) => r.readyMs)
  const readyEcho = med('echo', (r) => r.readyMs)
  rows.push({
    key: 'c.ready',
    measure: `start-up until /待办 answers with the right count, ${TOTAL.toLocaleString('en')} issues (median of ${STARTUP_RUNS})`,
    figure: ms(readyFull),
    baseline: `empty folder ${ms(readyEmpty)}; echo bot ${ms(readyEcho)} (bot adds ${ms(readyFull - readyEcho)})`,
    target: '≤ 2000 ms',
    pass: readyFull <= 2000,
    value: readyFull,
    baselineValue: readyEmpty,
    unit: 'ms',
  })
  const rssReady = med('full', (r) => r.peakRssReadyMb)
  const rssSettled = med('full', (r) => r.peakRssSettledMb)
  rows.push({
    key: 'c.rss',
    measure: 'peak RSS (VmHWM) at ready / once background loading is over',
    figure: `${rssReady.toFixed(0)} / ${rssSettled.toFixed(0)} MB`,
    baseline: `empty folder ${med('empty', (r) => r.peakRssSettledMb).toFixed(0)} MB; echo bot ${med('echo', (r) => r.peakRssSettledMb).toFixed(0)} MB`,
    target: '≤ 300 MB',
    pass: Math.max(rssReady, rssSettled) <= 300,
    value: Math.max(rssReady, rssSettled),
    baselineValue: med('empty', (r) => r.peakRssSettledMb),
    unit: 'MB',
  })
  rows.push({
    key: 'c.quiet',
    measure: 'start-up until the CPU goes quiet (background scan of older years)',
    figure: ms(med('full', (r) => r.settledMs)),
    baseline: `empty folder ${ms(med('empty', (r) => r.settledMs))}`,
    target: '—',
    pass: null,
  })

  // (a) latency and (b) burst
  if (!hasRegister) {
    for (const key of ['a.p50', 'b.burst']) rows.push({ key, measure: key === 'a.p50' ? '/登记 latency' : '/登记 burst', figure: 'not available (no /登记)', baseline: '—', target: '—', pass: null })
  } else {
    say(`(a) /登记 latency: ${LATENCY_WARMUP} warm-up + ${LATENCY_N} each, alternating with the echo bot, pacing off, fsync on …`)
    const botDriver = new Driver(config)
    const echoDriver = new Driver(config)
    await botDriver.start()
    await echoDriver.start()
    let bot: Child | undefined
    let echo: Child | undefined
    try {
      bot = (await measureStartup(botDriver, 'src/main.ts', botEnv(dataDir), repContact(0, 0), () => '/我是谁', { keep: true })).child
      echo = (await measureStartup(echoDriver, 'bench/echo-bot.ts', {}, repContact(0, 0), (n) => `ping ${n}`, { keep: true })).child
      await waitSettled(bot.pid)
      const lat = await benchLatency(botDriver, echoDriver, { n: LATENCY_N, warmup: LATENCY_WARMUP, tagBase: 0 })
      details.latency = { bot: lat.bot, echo: lat.echo, pacing: 'off (sendGapMs [0, 0])', fsync: true, storedIssues: TOTAL }
      const ratio = lat.bot.p50 / lat.echo.p50
      rows.push({ key: 'a.p50', measure: `/登记 → receipt p50 (n=${lat.bot.n}, ${TOTAL.toLocaleString('en')} stored, pacing off)`, figure: ms(lat.bot.p50), baseline: `echo ${ms(lat.echo.p50)} (×${ratio.toFixed(2)})`, target: '≤ 2× echo', pass: ratio <= 2, value: lat.bot.p50, baselineValue: lat.echo.p50, unit: 'ms' })
      rows.push({ key: 'a.p90', measure: '/登记 → receipt p90', figure: ms(lat.bot.p90), baseline: `echo ${ms(lat.echo.p90)} (×${(lat.bot.p90 / lat.echo.p90).toFixed(2)})`, target: '—', pass: null, value: lat.bot.p90, baselineValue: lat.echo.p90, unit: 'ms' })
      rows.push({ key: 'a.p99', measure: '/登记 → receipt p99', figure: ms(lat.bot.p99), baseline: `echo ${ms(lat.echo.p99)} (×${(lat.bot.p99 / lat.echo.p99).toFixed(2)})`, target: '—', pass: null, value: lat.bot.p99, baselineValue: lat.echo.p99, unit: 'ms' })
      say(`  bot p50 ${ms(lat.bot.p50)} p90 ${ms(lat.bot.p90)} p99 ${ms(lat.bot.p99)}; echo p50 ${ms(lat.echo.p50)} p90 ${ms(lat.echo.p90)} p99 ${ms(lat.echo.p99)}`)

      say('(f) writes: 200 chat messages in groups, then 100 /登记 …')
      const w = await benchWrites(botDriver, dataDir, { chat: 200, commands: 100, tagBase: 900_000 })
      details.writes = w
      rows.push({ key: 'f.chat', measure: 'writes per inbound chat message (log records; files changed over 200 messages)', figure: `${(w.chat.records / w.chat.messages).toFixed(2)} records; ${w.chat.filesChanged} files`, baseline: 'before: state.json rewritten with two fsyncs per message', target: '0', pass: w.chat.records === 0 && w.chat.filesChanged === 0 })
      rows.push({ key: 'f.command', measure: 'durable records per data-changing command (100 /登记)', figure: `${(w.commands.records / w.commands.acknowledged).toFixed(2)}`, baseline: `${w.commands.acknowledged} receipts`, target: '1', pass: w.commands.records === w.commands.acknowledged })
      say(`  chat: ${w.chat.records} records, ${w.chat.filesChanged} files changed over ${w.chat.messages} messages; /登记: ${w.commands.records} records for ${w.commands.acknowledged} receipts`)

      say(`(b) burst of ${BURST} /登记 from 50 members of 10 groups, ${BURSTS}× alternating with the echo bot …`)
      const botBursts: BurstResult[] = []
      const echoBursts: BurstResult[] = []
      const done: Awaited<ReturnType<typeof benchBurst>>[] = []
      for (let i = 0; i < BURSTS; i++) {
        await waitSettled(bot.pid, { timeoutMs: 30_000 })
        const e = await benchBurst(echoDriver, { count: BURST, groups: 10, echo: true, tagBase: 100_000 + i * 10_000 })
        echoBursts.push(e.result)
        const b = await benchBurst(botDriver, { count: BURST, groups: 10, echo: false, tagBase: 200_000 + i * 10_000 })
        botBursts.push(b.result)
        done.push(b)
        say(`  bot ${b.result.perSecond.toFixed(0)}/s (${b.result.acknowledged} acknowledged in ${b.result.messages} messages); echo ${e.result.perSecond.toFixed(0)}/s`)
      }
      // Read back from disk after a SIGKILL of the bot: acknowledged means on disk, not in a cache.
      bot.child.kill('SIGKILL')
      await bot.exited
      const checks: DiskCheck[] = []
      for (const b of done) checks.push(await checkOnDisk(dataDir, config, b.sent, b.receipts, year))
      say(`  read back after kill -9: ${checks.map((c) => `${c.found} found, ${c.intact} intact, ${c.idsMatch} under their receipt's id, ${c.duplicates} doubled`).join('; ')}`)
      details.burst = { bot: botBursts, echo: echoBursts, disk: checks }
      const rate = median(botBursts.map((b) => b.perSecond))
      const echoRate = median(echoBursts.map((b) => b.perSecond))
      const allGood = checks.every((c) => c.found === BURST && c.intact === BURST && c.idsMatch === BURST && c.duplicates === 0 && c.uniqueIds) && botBursts.every((b) => b.acknowledged === BURST)
      rows.push({ key: 'b.burst', measure: `burst: ${BURST} /登记, 50 members, 10 groups (median of ${BURSTS})`, figure: `${rate.toFixed(0)}/s`, baseline: `echo ${echoRate.toFixed(0)}/s`, target: '≥ 500/s', pass: rate >= 500, value: rate, baselineValue: echoRate, unit: '/s' })
      // Start-up right after that kill -9: everything since the last snapshot is replayed from the log.
      const logBytes = (() => {
        try {
          return readdirSync(path.join(dataDir, 'journal')).reduce((n, f) => n + statSync(path.join(dataDir, 'journal', f)).size, 0)
        } catch {
          return 0
        }
      })()
      const afterCrash = await measureStartup(botDriver, 'src/main.ts', botEnv(dataDir), repContact(0, 0), () => '/我是谁', { keep: true })
      // The first burst of a fresh process, from members of ten other groups it has never seen.
      const cold = await benchBurst(botDriver, { count: BURST, groups: 10, echo: false, tagBase: 400_000, groupOffset: 20 })
      details.coldBurst = cold.result
      rows.push({ key: 'b.cold', measure: `cold burst: ${BURST} /登记 right after a start, 50 members of 10 groups the process has not seen`, figure: `${cold.result.perSecond.toFixed(0)}/s (${cold.result.acknowledged} acknowledged in ${cold.result.messages} messages)`, baseline: `warm ${rate.toFixed(0)}/s; echo ${echoRate.toFixed(0)}/s`, target: '≥ 500/s', pass: cold.result.acknowledged === BURST && cold.result.perSecond >= 500, value: cold.result.perSecond, baselineValue: rate, unit: '/s' })
      say(`  cold burst right after the start: ${cold.result.perSecond.toFixed(0)}/s (${cold.result.acknowledged} acknowledged)`)
      afterCrash.child.child.kill('SIGKILL')
      await afterCrash.child.exited
      details.startupAfterCrash = { ...afterCrash.result, logBytes }
      rows.push({ key: 'c.log', measure: `start-up to ready with ${(logBytes / 1e6).toFixed(1)} MB of log not yet compacted (after kill -9; compaction caps it at 8 MB)`, figure: ms(afterCrash.result.readyMs), baseline: `compacted ${ms(readyFull)}`, target: '—', pass: null, value: afterCrash.result.readyMs, baselineValue: readyFull, unit: 'ms' })
      say(`  start-up after kill -9 with ${(logBytes / 1e6).toFixed(1)} MB of log: ready ${ms(afterCrash.result.readyMs)}`)
      rows.push({
        key: 'b.disk',
        measure: 'burst: acknowledged, and read back from disk after kill -9',
        figure: `${checks.map((c) => `${c.intact}`).join(', ')} of ${BURST} intact, ${checks.reduce((a, c) => a + c.duplicates, 0)} doubled`,
        baseline: `receipts ${botBursts.map((b) => b.acknowledged).join(', ')}`,
        target: `all ${BURST}, once`,
        pass: allGood,
      })
    } finally {
      bot?.child.kill('SIGKILL')
      echo?.child.kill('SIGKILL')
      await botDriver.stop()
      await echoDriver.stop()
    }
  }

  // (d) roster
  say('(d) roster: 230 studios × 12 months …')
  const roster = benchRoster(config, year)
  details.roster = roster
  rows.push({
    key: 'd.roster',
    measure: `roster ${roster.studios} studios × 12 months (${roster.sessions} sessions, median of ${roster.runs})`,
    figure: ms(roster.fullMs),
    baseline: `dates only ${ms(roster.datesMs)}`,
    target: '≤ 200 ms',
    pass: roster.fullMs <= 200 && roster.fullMaxMs <= 200 && roster.unfilled === 0,
    value: roster.fullMs,
    baselineValue: roster.datesMs,
    unit: 'ms',
  })

  // (e) pacing
  say('(e) pacing: production gap [1000, 2000] ms, a backlog of 200 replies to one group …')
  const pacing = await benchPacing(benchConfig({ studios: 12, sendGapMs: [1000, 2000] }))
  details.pacing = pacing
  rows.push({
    key: 'e.gap',
    measure: `pacing on: shortest interval between two sends (${pacing.totalMessages} sends)`,
    figure: ms(pacing.minIntervalMs),
    baseline: `configured gap [${pacing.gapMs.join(', ')}] ms; mean ${ms(pacing.meanIntervalMs)}`,
    target: `≥ ${pacing.gapMs[0]} ms`,
    pass: pacing.minIntervalMs >= pacing.gapMs[0],
    value: pacing.minIntervalMs,
    baselineValue: pacing.gapMs[0],
    unit: 'ms',
  })
  rows.push({
    key: 'e.merge',
    measure: `backlog of ${pacing.backlog} replies to one group → messages (longest)`,
    figure: `${pacing.groupMessages} (${pacing.longest} chars)`,
    baseline: `${pacing.backlog} unmerged; limit ${pacing.maxChars} chars`,
    target: `≤ ${pacing.backlog / 5}, each ≤ ${pacing.maxChars}, all once in order`,
    pass: pacing.groupMessages <= pacing.backlog / 5 && pacing.longest <= pacing.maxChars && pacing.deliveredOnceInOrder && pacing.otherDelivered === pacing.others,
  })

  // (g) the district ledger and figures
  const ly = year - 1
  say(`(g) district ledger: a year of sessions for ${ly}, then /导出台账 ${ly}年 全区 ×${EXPORT_RUNS} with /登记 meanwhile, npm run export, /统计 …`)
  const rosterFiles = writeRosterYear(dataDir, ly, generateRosterYear({ config, year: ly, now }))
  const g = await benchExport({ config, configFile, dataDir, year: ly, runs: EXPORT_RUNS, idleReceipts: QUICK ? 60 : 150, botEnv: botEnv(dataDir) })
  details.export = { ...g, rosterFiles }
  {
    const med = (xs: number[]) => median(xs)
    const held = /问题 (\d+) 件，接待日 (\d+) 场，代表 (\d+) 人/.exec(g.district[0]?.note ?? '')
    const what = held ? `${Number(held[1]).toLocaleString('en')} issues, ${Number(held[2]).toLocaleString('en')} sessions, ${Number(held[3]).toLocaleString('en')} sheets` : g.district[0]?.note ?? '?'
    const dMs = med(g.district.map((x) => x.ms))
    const sMs = med(g.studio.map((x) => x.ms))
    const cpu = g.district.map((x) => x.logged?.cpuMs).filter((x): x is number => typeof x === 'number')
    const load = g.district.map((x) => x.load.toFixed(1)).join(', ')
    rows.push({ key: 'g.time', measure: `/导出台账 ${ly}年 全区 → file (${what}, ${(g.district[0]?.fileBytes / 1e6).toFixed(1)} MB; median of ${g.district.length}, /登记 sent meanwhile; worker thread CPU ${cpu.length ? ms(median(cpu)) : '?'}, load average ${load})`, figure: ms(dMs), baseline: `one studio's ${ly} ledger ${ms(sMs)}`, target: '≤ 3000 ms', pass: dMs <= 3000, value: dMs, baselineValue: sMs, unit: 'ms' })
    const above = (x: { peakRssMb: number; restingRssMb: number }) => x.peakRssMb - x.restingRssMb
    const worst = g.district.reduce((a, b) => (above(b) > above(a) ? b : a), g.district[0])
    const first = g.district[0]?.restingRssMb ?? NaN
    rows.push({
      key: 'g.rss',
      measure: `bot's peak RSS while exporting, above its resting RSS just before (worst of ${g.district.length}; ${worst?.peakHow})`,
      figure: `+${above(worst).toFixed(0)} MB (peak ${worst.peakRssMb.toFixed(0)} MB)`,
      baseline: `resting ${worst.restingRssMb.toFixed(0)} MB (before the first export ${first.toFixed(0)} MB: highest peak +${(Math.max(...g.district.map((x) => x.peakRssMb)) - first).toFixed(0)}); one studio +${Math.max(...g.studio.map(above)).toFixed(0)} MB`,
      target: '≤ +200 MB',
      pass: above(worst) <= 200,
      value: above(worst),
      baselineValue: worst.restingRssMb,
      unit: 'MB',
    })
    const d = g.receiptsDuring
    const i = g.receiptsIdle
    rows.push({ key: 'g.p50', measure: `/登记 → receipt p50 while the district ledger is written (one every ${RECEIPT_EVERY_MS} ms; n=${d.n})`, figure: ms(d.p50), baseline: `no export ${ms(i.p50)} (n=${i.n})`, target: '—', pass: null, value: d.p50, baselineValue: i.p50, unit: 'ms' })
    const behind = g.district.flatMap((x) => x.behindFile)
    const b = g.receiptsBesideFile
    rows.push({ key: 'g.p99', measure: `/登记 → receipt p99 (max) while the district ledger is written`, figure: `${ms(d.p99)} (${ms(d.max)})`, baseline: `no export ${ms(i.p99)} (${ms(i.max)}); not queued behind the file's upload: p99 ${ms(b.p99)} (${ms(b.max)}), ${behind.length} queued behind it (${behind.map(ms).join(', ')})`, target: '≤ 200 ms', pass: d.n > 0 && d.p99 <= 200, value: d.p99, baselineValue: i.p99, unit: 'ms' })
    const cliMs = med(g.cli.map((x) => x.ms))
    const cliOk = g.cli.every((x) => x.code === 0)
    rows.push({ key: 'g.cli', measure: `npm run export -- ${ly}年 (the same ledger, its own process; median of ${g.cli.length})`, figure: cliOk ? `${ms(cliMs)}, peak RSS ${Math.max(...g.cli.map((x) => x.peakRssMb)).toFixed(0)} MB` : `failed: ${g.cli.map((x) => x.out).join(' | ')}`, baseline: `in the bot ${ms(dMs)}`, target: '—', pass: cliOk ? null : false, value: cliMs, baselineValue: dMs, unit: 'ms' })
    const st = g.stats
    rows.push({ key: 'g.stats', measure: `/统计 ${ly}年 全区: messages (longest), time`, figure: `${st.district.messages} (${st.district.longest} chars), ${ms(st.district.ms)}`, baseline: `one studio: ${st.studio.messages} (${st.studio.longest} chars), ${ms(st.studio.ms)}`, target: `≤ 3, each ≤ ${config.bot.maxMessageChars}`, pass: st.district.messages <= 3 && st.district.longest <= config.bot.maxMessageChars })
    rows.push({ key: 'g.decade', measure: `/统计 ${ly - 8}-01至${ly + 1}-12 全区 (every stored issue): time; /登记 p99 (n=${st.decade.receipts.n}) meanwhile`, figure: `${ms(st.decade.ms)}; p99 ${ms(st.decade.receipts.p99)}`, baseline: `no report p99 ${ms(i.p99)}`, target: 'p99 ≤ 200 ms', pass: st.decade.receipts.n > 0 && st.decade.receipts.p99 <= 200, value: st.decade.receipts.p99, baselineValue: i.p99, unit: 'ms' })
    say(`  district ledger ${g.district.map((x) => ms(x.ms)).join(', ')}; one studio ${g.studio.map((x) => ms(x.ms)).join(', ')}; peak +${g.district.map((x) => above(x).toFixed(0)).join(', ')} MB; receipts p50 ${ms(d.p50)} p99 ${ms(d.p99)} (idle ${ms(i.p50)} / ${ms(i.p99)}); cli ${g.cli.map((x) => ms(x.ms)).join(', ')}`)
  }

  // (h) a Monday 09:00 for the whole city, the Sender's waits on a simulated clock
  say('(h) Monday 09:00: announcements, weekly posts, reminder digests and summaries of 230 studios at pacing [1000, 2000] ms (simulated clock) …')
  {
    const h = await benchMonday(config, dataDir, { now })
    details.monday = h
    const min = (x: number | undefined) => (x === undefined ? '—' : `${x.toFixed(1)} min`)
    const ann = h.lastAtMin.announcement
    const wk = h.lastAtMin.weekly
    rows.push({ key: 'h.ann', measure: `Monday ${h.monday} 09:00: last duty announcement out (${h.messages.announcement} announcements; ${h.total} messages in all)`, figure: min(ann), baseline: `all ${h.total} one by one at the mean gap ${min(h.allAtMeanGapMin)}`, target: '≤ 5 min', pass: ann === undefined ? null : ann <= 5, value: ann, baselineValue: h.allAtMeanGapMin, unit: 'min' })
    rows.push({ key: 'h.weekly', measure: `Monday 09:00: last weekly group post out (${h.messages.weekly} posts; ${h.messages.digest} reminder digests, ${h.messages.liaison} to the liaison group, ${h.messages.other} other)`, figure: `${min(wk)}; queue empty at ${min(Math.max(...Object.values(h.lastAtMin)))}`, baseline: `all one by one at the mean gap ${min(h.allAtMeanGapMin)}`, target: '≤ 15 min', pass: wk === undefined ? null : wk <= 15, value: wk, baselineValue: h.allAtMeanGapMin, unit: 'min' })
    const { during, quiet, everySec } = h.receipts
    const sec = (x: number) => `${x.toFixed(1)} s`
    rows.push({ key: 'h.receipts', measure: `Monday 09:00: /登记 → receipt p50 / p99 (max) while that queue drains (one every ${everySec} s from a random group; n=${during.n}; simulated clock)`, figure: `${sec(during.p50)} / ${sec(during.p99)} (${sec(during.max)})`, baseline: `queue empty ${sec(quiet.p50)} / ${sec(quiet.p99)} (n=${quiet.n})`, target: `p99 ≤ ${(h.gapMs[1] / 1000).toFixed(0)} s (one pacing gap)`, pass: during.n > 0 && during.p99 <= h.gapMs[1] / 1000, value: during.p99, baselineValue: quiet.p99, unit: 's' })
    say(`  ${h.total} messages: ${JSON.stringify(h.messages)}; last announcement ${min(ann)}, last weekly post ${min(wk)}; receipts meanwhile p50 ${sec(during.p50)} p99 ${sec(during.p99)} (simulated in ${ms(h.wallMs)})`)
  }

  // (i) long-run memory
  const LONG_RUN = QUICK ? 20_000 : 60_000
  say(`(i) long-run memory: ${LONG_RUN.toLocaleString('en')} group messages (one in 20 a read-only command) to the bot on ${TOTAL.toLocaleString('en')} issues …`)
  {
    const mem = await benchMemory(config, botEnv(dataDir), { messages: LONG_RUN })
    details.memory = mem
    const growth = mem.heapMb[mem.heapMb.length - 1] - mem.heapMb[0]
    rows.push({ key: 'i.heap', measure: `heap after gc over ${mem.messages.toLocaleString('en')} group messages (every 10,000: ${mem.heapMb.map((x) => x.toFixed(0)).join(', ')} MB)`, figure: `${growth >= 0 ? '+' : ''}${growth.toFixed(1)} MB`, baseline: `at the start ${mem.heapMb[0].toFixed(0)} MB`, target: '≤ +5 MB', pass: growth <= 5, value: growth, baselineValue: mem.heapMb[0], unit: 'MB' })
    say(`  heap ${mem.heapMb.map((x) => x.toFixed(1)).join(' → ')} MB; RSS ${mem.rssMb.map((x) => x.toFixed(0)).join(' → ')} MB; peak ${mem.peakRssAt20kMb.toFixed(0)} / ${mem.peakRssEndMb.toFixed(0)} MB; ${mem.seconds.toFixed(0)} s`)
    // 500 a second is more than the bot takes in (it falls behind: the run takes longer than 40 s), so its
    // peak RSS is the backlog's; the target is read at 200 a second (still far above a district's traffic).
    say(`  the same 20,000 at 200 messages a second, for peak RSS …`)
    const paced = await benchMemory(config, botEnv(dataDir), { messages: 20_000, perSecond: 200 })
    details.memoryPaced = paced
    rows.push({ key: 'i.rss', measure: 'peak RSS (VmHWM) over 20,000 group messages at 200 a second', figure: `${paced.peakRssAt20kMb.toFixed(0)} MB`, baseline: `at ready ${rssReady.toFixed(0)} MB`, target: '≤ 350 MB', pass: paced.peakRssAt20kMb <= 350, value: paced.peakRssAt20kMb, baselineValue: rssReady, unit: 'MB' })
    rows.push({ key: 'i.rss500', measure: `peak RSS over the first 20,000 / all ${mem.messages.toLocaleString('en')} at 500 a second (sent in ${(mem.messages / 500).toFixed(0)} s, worked through in ${mem.seconds.toFixed(0)} s: a backlog)`, figure: `${mem.peakRssAt20kMb.toFixed(0)} / ${mem.peakRssEndMb.toFixed(0)} MB`, baseline: `at 200/s ${paced.peakRssAt20kMb.toFixed(0)} MB`, target: '—', pass: null, value: mem.peakRssAt20kMb, baselineValue: paced.peakRssAt20kMb, unit: 'MB' })
    say(`  at 200/s: peak ${paced.peakRssAt20kMb.toFixed(0)} MB; heap ${paced.heapMb.map((x) => x.toFixed(1)).join(' → ')} MB; ${paced.seconds.toFixed(0)} s`)
  }

  // (j) the liaison office's overview page
  say(`(j) office overview: GET /office?year=${ly} (admin, the district, ${TOTAL.toLocaleString('en')} issues stored) ×${QUICK ? 5 : 15} …`)
  try {
    const h = await benchOffice({ config, dataDir, year: ly, now, runs: QUICK ? 5 : 15 })
    details.office = h
    rows.push({
      key: 'j.office',
      measure: `office overview page ${h.year}: figures by month, studio and department, ${h.svgs} ECharts SVG (${h.received.toLocaleString('en')} issues of the year, ${(h.bytes / 1e3).toFixed(0)} kB HTML; median of ${h.runs} after the first view; first view, files read from disk: ${ms(h.coldMs)}; max ${ms(h.pageMaxMs)})`,
      figure: ms(h.pageMs),
      baseline: `the year's figures alone (/统计 ${h.year}年 全区's code) ${ms(h.figuresMs)}; 404 page ${ms(h.notFoundMs)}`,
      target: '≤ 300 ms',
      pass: h.pageMs <= 300,
      value: h.pageMs,
      baselineValue: h.figuresMs,
      unit: 'ms',
    })
    say(`  overview ${ms(h.pageMs)} (first ${ms(h.coldMs)}, max ${ms(h.pageMaxMs)}); figures alone ${ms(h.figuresMs)}; 404 ${ms(h.notFoundMs)}`)
  } catch (e) {
    rows.push({ key: 'j.office', measure: 'office overview page', figure: `failed: ${(e as Error).message}`, baseline: '—', target: '≤ 300 ms', pass: false })
  }

  // Report
  const durationS = (performance.now() - t0) / 1000
  const header = ['', 'measure', 'figure', 'baseline (same run)', 'target', 'result']
  const body = rows.map((r) => [r.key, r.measure, r.figure, r.baseline, r.target, r.pass === null ? '—' : r.pass ? 'PASS' : 'FAIL'])
  const width = (s: string) => [...s].reduce((w, ch) => w + (/[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/u.test(ch) ? 2 : 1), 0)
  const widths = header.map((h, i) => Math.max(width(h), ...body.map((b) => width(b[i]))))
  const line = (cells: string[]) => cells.map((c, i) => c + ' '.repeat(widths[i] - width(c))).join(' │ ')
  const out = [
    '',
    `连心桥 benchmark · ${startedAt.toISOString()} · ${m.cpu}, ${m.cores} cores, ${m.memoryGb} GB, node ${m.node}, ${m.os}`,
    `data: ${details.generated ? `${gen.issues.toLocaleString('en')} issues, ${gen.files} files, ${(gen.bytes / 1e6).toFixed(0)} MB, ${gen.years.join('–')}` : ''}; send pacing off for (a)–(c), fsync on; bot = src/main.ts in its own process over puppet-service gRPC`,
    '',
    line(header),
    widths.map((w) => '─'.repeat(w)).join('─┼─'),
    ...body.map(line),
    '',
    `${rows.filter((r) => r.pass === false).length ? `${rows.filter((r) => r.pass === false).length} figure(s) miss their target` : 'every figure meets its target'} · ${durationS.toFixed(0)} s${QUICK ? ' · QUICK run (fewer repetitions)' : ''}`,
    '',
  ].join('\n')
  process.stdout.write(out)
  const json = { startedAt: startedAt.toISOString(), durationS, quick: QUICK, machine: m, command: 'npm run bench', rows, details }
  const resultsDir = path.join(ROOT, 'bench-results')
  mkdirSync(resultsDir, { recursive: true })
  const file = path.join(resultsDir, `bench-${startedAt.toISOString().replace(/[:.]/g, '-')}.json`)
  writeFileSync(file, JSON.stringify(json, null, 2))
  writeFileSync(path.join(resultsDir, 'latest.json'), JSON.stringify(json, null, 2))
  process.stdout.write(`figures written to ${path.relative(ROOT, file)} (and bench-results/latest.json)\n`)
  if (!args.keep) rmSync(workDir, { recursive: true, force: true })
}

main().then(
  () => process.exit(0),
  (e) => {
    process.stderr.write(`bench failed: ${(e as Error).stack ?? e}\n`)
    process.exit(1)
  },
)
