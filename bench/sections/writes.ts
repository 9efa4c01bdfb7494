/**
 * (f) What reaches the disk: log records and files written per inbound chat message (target 0) and per
 * data-changing command (one durable record each), counted from the data folder itself while the bot
 * runs: the lines of the write-ahead log, and every file whose size or modification time changed.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { repContact, studioRoom } from '../bench-config.js'
import { sleep, type Driver } from '../lib/driver.js'
import { registration, receiptsIn } from './registration.js'
import { seededRandom } from '../synthetic.js'

export interface WritesResult {
  chat: { messages: number; records: number; filesChanged: number }
  commands: { messages: number; acknowledged: number; records: number }
}

function logLines(dir: string): number {
  const folder = path.join(dir, 'journal')
  let n = 0
  try {
    for (const f of readdirSync(folder)) if (f.endsWith('.log')) n += readFileSync(path.join(folder, f), 'utf8').split('\n').filter(Boolean).length
  } catch {
    // no log yet
  }
  return n
}

function stamps(dir: string): Map<string, string> {
  const out = new Map<string, string>()
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = path.join(d, name)
      const st = statSync(p)
      if (st.isDirectory()) walk(p)
      else out.set(p, `${st.size}:${st.mtimeMs}`)
    }
  }
  walk(dir)
  return out
}

const changed = (a: Map<string, string>, b: Map<string, string>) => [...b].filter(([k, v]) => a.get(k) !== v).length + [...a.keys()].filter((k) => !b.has(k)).length

export async function benchWrites(driver: Driver, dataDir: string, o: { chat: number; commands: number; tagBase: number }): Promise<WritesResult> {
  await sleep(1500)
  const before = stamps(dataDir)
  const linesBefore = logLines(dataDir)
  for (let i = 0; i < o.chat; i++) driver.say(repContact(i % 10, Math.floor(i / 10) % 5), `大家好，今天的接待日几点开始？第${i}条`, studioRoom(i % 10))
  await sleep(3000)
  const after = stamps(dataDir)
  const chat = { messages: o.chat, records: logLines(dataDir) - linesBefore, filesChanged: changed(before, after) }
  const r = seededRandom(o.tagBase)
  const sent = new Set<string>()
  const acked = new Set<string>()
  const from = driver.fromBot.length
  const linesMid = logLines(dataDir)
  for (let i = 0; i < o.commands; i++) {
    const reg = registration(r, o.tagBase + i, i % 10, Math.floor(i / 10) % 5)
    sent.add(reg.tag)
    driver.say(reg.from, reg.text, reg.room)
  }
  await driver.until(() => {
    for (const m of driver.fromBot.slice(from)) for (const x of receiptsIn(m)) if (sent.has(x.tag)) acked.add(x.tag)
    return acked.size === o.commands
  }, 60_000, 'the receipts')
  return { chat, commands: { messages: o.commands, acknowledged: acked.size, records: logLines(dataDir) - linesMid } }
}
