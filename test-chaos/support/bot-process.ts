/**
 * The bot as production runs it — src/main.ts in real mode, in its own process, connected over the
 * puppet-service gRPC client to a mock gateway the test owns — and a city-like configuration for it.
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { benchConfig, benchConfigText, repContact } from '../../bench/bench-config.js'
import { Driver, spawnTs, type Child } from '../../bench/lib/driver.js'
import type { Config } from '../../src/config/schema.js'

export interface Setup {
  config: Config
  configFile: string
  dataDir: string
}

/** A temp folder with a generated configuration of `studios` studios (pacing off unless given) and an empty data folder. */
export function setup(o: { studios?: number; sendGapMs?: [number, number] } = {}): Setup {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lxq-chaos-'))
  const configFile = path.join(dir, 'config.yaml')
  writeFileSync(configFile, benchConfigText({ studios: o.studios ?? 10, sendGapMs: o.sendGapMs }))
  return { config: benchConfig({ studios: o.studios ?? 10, sendGapMs: o.sendGapMs }), configFile, dataDir: path.join(dir, 'data') }
}

/**
 * Spawns the bot and resolves once it answers a private /我是谁 (probed every 50 ms), i.e. it is
 * connected, logged in and handling messages.
 */
export async function startBot(driver: Driver, s: Setup, timeoutMs = 60_000): Promise<Child> {
  const child = spawnTs('src/main.ts', { ...driver.env, LXQ_CONFIG: s.configFile, LXQ_DATA: s.dataDir, LXQ_LOG_LEVEL: process.env.LXQ_LOG_LEVEL ?? 'info' })
  const from = driver.fromBot.length
  const probe = repContact(0, 0)
  const end = performance.now() + timeoutMs
  let exited = false
  void child.exited.then(() => (exited = true))
  for (;;) {
    if (exited) throw new Error(`the bot exited while starting:\n${child.output().slice(-3000)}`)
    if (performance.now() > end) {
      child.child.kill('SIGKILL')
      throw new Error(`the bot was not ready after ${timeoutMs} ms:\n${child.output().slice(-3000)}`)
    }
    driver.say(probe, '/我是谁')
    try {
      await driver.reply(from, (m) => m.listenerId === probe && !m.roomId, 50, 'an answer to /我是谁')
      return child
    } catch {
      // not yet
    }
  }
}

/** SIGKILL, and wait until the process is gone. */
export async function kill9(child: Child): Promise<void> {
  child.child.kill('SIGKILL')
  await child.exited
}
