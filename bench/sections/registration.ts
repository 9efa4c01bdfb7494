/**
 * (a) /登记 message-to-receipt latency and (b) a burst of registrations, through the real path: the
 * mock gateway (PuppetServer over the mock puppet, loopback gRPC) → the puppet-service client → the bot
 * in its own process, exactly as `npm start` wires it (fsync on). The baseline is the bare echo bot
 * (bench/echo-bot.ts) on its own gateway, sent the very same texts.
 *
 * Each registration carries a tag of five capital letters in its content (`〔QXKAB〕`), so a receipt
 * (alone, or merged with others into one message by the sender) is matched to the message it
 * acknowledges, and the record on disk to both.
 */
import { Store } from '../../src/platform/store/store.js'
import type { Issue } from '../../src/domain/issues/issue.js'
import type { Config } from '../../src/config/schema.js'
import { Driver, percentile, type Seen } from '../lib/driver.js'
import { repContact, studioRoom } from '../bench-config.js'
import { address, complaint, constituentName, mobile, pick, seededRandom, CATEGORIES, COMMUNITIES } from '../synthetic.js'

export interface Registration {
  tag: string
  text: string
  name: string
  phone: string
  studio: number
  from: string
  room: string
}

const ISSUE_ID = /[A-Z]{2,3}-\d{4}-\d{4,}/
const TAG = /〔([A-Z]{5})〕/g

export function tagOf(n: number): string {
  let s = ''
  for (let i = 0; i < 5; i++) {
    s = String.fromCharCode(65 + (n % 26)) + s
    n = Math.floor(n / 26)
  }
  return s
}

/** A one-line /登记 as a representative types it, from member `member` of studio `studio`. */
export function registration(r: () => number, n: number, studio: number, member: number): Registration {
  const name = constituentName(r)
  const phone = mobile(r)
  const cat = pick(r, CATEGORIES)
  const tag = tagOf(n)
  const addr = r() < 0.7 ? ` ${address(r, COMMUNITIES[studio])}` : ''
  return { tag, name, phone, studio, from: repContact(studio, member), room: studioRoom(studio), text: `/登记 ${name} ${phone}${addr} ${complaint(r, cat)}〔${tag}〕` }
}

/** Receipts in a bot message: each `\n\n`-separated piece with an issue id and a tag. */
export function receiptsIn(m: Seen): { id: string; tag: string }[] {
  const out: { id: string; tag: string }[] = []
  for (const piece of (m.text ?? '').split('\n\n')) {
    const id = ISSUE_ID.exec(piece)?.[0]
    if (!id) continue
    for (const t of piece.matchAll(TAG)) out.push({ id, tag: t[1] })
  }
  return out
}

export interface LatencyFigures {
  n: number
  p50: number
  p90: number
  p99: number
  mean: number
  max: number
}

function figures(xs: number[]): LatencyFigures {
  const s = [...xs].sort((a, b) => a - b)
  return { n: s.length, p50: percentile(s, 50), p90: percentile(s, 90), p99: percentile(s, 99), mean: s.reduce((a, b) => a + b, 0) / s.length, max: s[s.length - 1] }
}

/**
 * Sends `warmup + n` registrations one at a time, alternating between the echo bot and the bot (the
 * same text to both), each waiting for its answer before the next; the first `warmup` pairs are not
 * counted. Alternating keeps both series under the same machine noise.
 */
export async function benchLatency(bot: Driver, echo: Driver, o: { n: number; warmup: number; seed?: number; tagBase: number }): Promise<{ bot: LatencyFigures; echo: LatencyFigures; receipts: Map<string, string> }> {
  const r = seededRandom(o.seed ?? 11)
  const botMs: number[] = []
  const echoMs: number[] = []
  const receipts = new Map<string, string>() // tag → issue id
  for (let i = 0; i < o.warmup + o.n; i++) {
    const reg = registration(r, o.tagBase + i, i % 10, Math.floor(i / 10) % 5)
    const echoFrom = echo.fromBot.length
    const echoSent = echo.say(reg.from, reg.text, reg.room)
    const e = await echo.reply(echoFrom, (m) => m.roomId === reg.room && m.text === reg.text, 10_000, `echo of ${reg.tag}`)
    const botFrom = bot.fromBot.length
    const botSent = bot.say(reg.from, reg.text, reg.room)
    const b = await bot.reply(botFrom, (m) => m.roomId === reg.room && receiptsIn(m).some((x) => x.tag === reg.tag), 10_000, `receipt of ${reg.tag}`)
    receipts.set(reg.tag, receiptsIn(b).find((x) => x.tag === reg.tag)!.id)
    if (i >= o.warmup) {
      echoMs.push(e.at - echoSent)
      botMs.push(b.at - botSent)
    }
  }
  return { bot: figures(botMs), echo: figures(echoMs), receipts }
}

export interface BurstResult {
  sent: number
  members: number
  groups: number
  /** Receipts seen (distinct tags acknowledged). */
  acknowledged: number
  /** Bot messages the receipts came in (merged when a backlog built). */
  messages: number
  seconds: number
  perSecond: number
}

/**
 * `count` registrations from 5 members in each of `groups` groups (50 members for 10 groups), all handed
 * to the gateway at once; the clock stops when the last one is acknowledged. With `echo` the answers
 * are the echoed texts instead of receipts.
 */
export async function benchBurst(
  driver: Driver,
  o: { count: number; groups: number; echo: boolean; seed?: number; tagBase: number; timeoutMs?: number; /** First studio whose group is used (members the process has not seen). */ groupOffset?: number },
): Promise<{ result: BurstResult; sent: Registration[]; receipts: Map<string, string[]> }> {
  const r = seededRandom(o.seed ?? 23)
  const sent: Registration[] = []
  for (let i = 0; i < o.count; i++) sent.push(registration(r, o.tagBase + i, (o.groupOffset ?? 0) + (i % o.groups), Math.floor(i / o.groups) % 5))
  const wanted = new Set(sent.map((s) => s.tag))
  const receipts = new Map<string, string[]>() // tag → issue ids seen for it
  const texts = new Set(sent.map((s) => s.text))
  const echoed = new Set<string>()
  let scanned = driver.fromBot.length
  const first = scanned
  let messages = 0
  const progress = () => {
    for (; scanned < driver.fromBot.length; scanned++) {
      const m = driver.fromBot[scanned]
      if (o.echo) {
        if (m.text && texts.has(m.text)) (echoed.add(m.text), messages++)
        continue
      }
      const got = receiptsIn(m).filter((x) => wanted.has(x.tag))
      if (got.length) messages++
      for (const x of got) receipts.set(x.tag, [...(receipts.get(x.tag) ?? []), x.id])
    }
    return (o.echo ? echoed.size : receipts.size) >= o.count
  }
  const t0 = performance.now()
  for (const s of sent) driver.say(s.from, s.text, s.room)
  await driver.until(progress, o.timeoutMs ?? 120_000, `${o.count} ${o.echo ? 'echoes' : 'receipts'}`).catch((e) => {
    if (!o.echo) throw new Error(`${(e as Error).message}: got ${receipts.size}`)
    throw e
  })
  const last = driver.fromBot[driver.fromBot.length - 1].at
  const seconds = (last - t0) / 1000
  void first
  return {
    result: { sent: o.count, members: new Set(sent.map((s) => s.from)).size, groups: o.groups, acknowledged: o.echo ? echoed.size : receipts.size, messages, seconds, perSecond: o.count / seconds },
    sent,
    receipts,
  }
}

export interface DiskCheck {
  /** Records on disk carrying a tag of the burst. */
  found: number
  /** Tags found exactly once, with the constituent's name and phone as sent. */
  intact: number
  /** Receipts whose id names the record of that tag. */
  idsMatch: number
  duplicates: number
  missing: number
  /** Distinct ids among all records in the files read. */
  uniqueIds: boolean
}

/**
 * Reads the burst's registrations back from disk the way the bot reads them (Store.open; snapshot and
 * journal of each studio-year) and checks every one. Only while no bot runs on the folder.
 */
export async function checkOnDisk(dataDir: string, config: Config, sent: Registration[], receipts: Map<string, string[]>, year: number): Promise<DiskCheck> {
  const store = await Store.open(dataDir, { readOnly: true })
  const studios = [...new Set(sent.map((s) => s.studio))]
  const byTag = new Map<string, { id: string; name: string; phone?: string }[]>()
  const ids = new Set<string>()
  let all = 0
  for (const i of studios) {
    const issues = (await store.peekIssues(config.studios[i].id, year)) as Issue[]
    for (const issue of issues) {
      all++
      ids.add(issue.id)
      for (const t of issue.content.matchAll(TAG)) byTag.set(t[1], [...(byTag.get(t[1]) ?? []), { id: issue.id, name: issue.constituent.name, phone: issue.constituent.phone }])
    }
  }
  let found = 0
  let intact = 0
  let idsMatch = 0
  let duplicates = 0
  let missing = 0
  for (const s of sent) {
    const recs = byTag.get(s.tag) ?? []
    if (recs.length === 0) missing++
    if (recs.length > 1) duplicates++
    if (recs.length) found++
    if (recs.length === 1 && recs[0].name === s.name && recs[0].phone === s.phone) intact++
    const ack = receipts.get(s.tag)
    if (recs.length === 1 && ack && ack.every((id) => id === recs[0].id)) idsMatch++
  }
  return { found, intact, idsMatch, duplicates, missing, uniqueIds: ids.size === all }
}
