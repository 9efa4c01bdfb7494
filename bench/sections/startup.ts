/**
 * (c) Start-up to ready: a bot process is spawned (`node --import tsx <script>`, the same code `npm start`
 * runs) against a mock gateway whose account is already logged in, and a probe is sent privately every
 * 20 ms; "ready" is the first answer to a probe, measured from the spawn (for the bot: `/待办` from a
 * coordinator, and only an answer with the right count, known from a bot that had finished loading). Peak RSS is the process's
 * VmHWM at that moment, and again once its CPU has gone quiet (background loading included).
 */
import { Driver, spawnTs, type Child } from '../lib/driver.js'
import { memKb, waitSettled } from '../lib/proc.js'

export interface StartupResult {
  readyMs: number
  /** When the process printed "logged in" (from the spawn), if it did. */
  loggedInMs?: number
  /** When its CPU went quiet (from the spawn). */
  settledMs: number
  peakRssReadyMb: number
  peakRssSettledMb: number
  probes: number
  /** The bot's own log lines (info level), first occurrence of each message, in ms from the spawn. */
  milestones: Record<string, number>
}

export async function measureStartup(
  driver: Driver,
  script: string,
  env: Record<string, string>,
  probeFrom: string,
  probeText: (n: number) => string,
  o: { keep?: boolean; timeoutMs?: number; accept?: (text: string) => boolean } = {},
): Promise<{ result: StartupResult; child: Child }> {
  const first = driver.fromBot.length
  const spawnWall = Date.now()
  const child = spawnTs(script, { ...driver.env, ...env })
  let loggedInAt: number | undefined
  const milestones: Record<string, number> = {}
  const onData = (d: Buffer) => {
    if (loggedInAt === undefined && d.toString().includes('已登录微信')) loggedInAt = performance.now()
    for (const line of d.toString().split('\n')) {
      const m = /^(\d{4}-\d\d-\d\dT[\d:.]+(?:Z|[+-]\d\d:\d\d)) (?:INFO|WARN) (.+?)(?: \{.*)?$/.exec(line)
      if (m && !(m[2] in milestones) && Object.keys(milestones).length < 20) milestones[m[2]] = Date.parse(m[1]) - spawnWall
    }
  }
  child.child.stderr!.on('data', onData)
  let probes = 0
  let answered: number | undefined
  const end = child.spawnedAt + (o.timeoutMs ?? 60_000)
  let exited = false
  void child.exited.then(() => (exited = true))
  while (answered === undefined) {
    if (exited) throw new Error(`bot exited during start-up:\n${child.output().slice(-3000)}`)
    if (performance.now() > end) {
      await child.stop()
      throw new Error(`bot not ready after ${o.timeoutMs ?? 60_000} ms:\n${child.output().slice(-3000)}`)
    }
    driver.say(probeFrom, probeText(++probes))
    try {
      // An answer that is not yet the right one (a count still incomplete) does not count as ready.
      const m = await driver.reply(first, (x) => x.listenerId === probeFrom && !x.roomId && (o.accept?.(x.text ?? '') ?? true), 20, 'probe answer')
      answered = m.at
    } catch {
      // not yet
    }
  }
  const peakReady = memKb(child.pid, 'VmHWM') ?? NaN
  const settledAt = await waitSettled(child.pid)
  const peakSettled = memKb(child.pid, 'VmHWM') ?? NaN
  child.child.stderr!.off('data', onData)
  const result: StartupResult = {
    readyMs: answered - child.spawnedAt,
    loggedInMs: loggedInAt === undefined ? undefined : loggedInAt - child.spawnedAt,
    settledMs: settledAt - child.spawnedAt,
    peakRssReadyMb: peakReady / 1024,
    peakRssSettledMb: peakSettled / 1024,
    probes,
    milestones,
  }
  if (!o.keep) await child.stop()
  return { result, child }
}
