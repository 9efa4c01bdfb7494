/**
 * (e) Pacing, with the real Sender on the real timer and the configured gap (default [1000, 2000] ms, as
 * production): the bot (createApp + createWechatyBot over puppet-service) gets a backlog of 200 replies to
 * one group at once, plus a few to other chats in between. What the mock gateway receives is checked:
 * the shortest time between two consecutive messages (any chat) against the configured minimum gap; how
 * many messages the 200 became; the longest against the configured limit (maxMessageChars); and that
 * the 200 texts arrived exactly once each, in order.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createApp } from '../../src/app/app.js'
import { createWechatyBot } from '../../src/platform/wechaty-bot.js'
import { Store } from '../../src/platform/store/store.js'
import { SystemClock } from '../../src/platform/clock.js'
import { memoryLogger } from '../../src/platform/logger.js'
import type { Config } from '../../src/config/schema.js'
import { Driver, type Seen } from '../lib/driver.js'
import { studioRoom, repContact } from '../bench-config.js'
import { constituentName, mobile, complaint, personName, CATEGORIES, pick, seededRandom } from '../synthetic.js'
import { maskName, maskPhone } from '../../src/domain/issues/mask.js'

export interface PacingResult {
  gapMs: [number, number]
  maxChars: number
  backlog: number
  others: number
  /** Messages the backlog to the one group became. */
  groupMessages: number
  longest: number
  /** Shortest interval between two consecutive messages at the gateway, any chat. */
  minIntervalMs: number
  meanIntervalMs: number
  totalMessages: number
  deliveredOnceInOrder: boolean
  otherDelivered: number
  durationS: number
}

export async function benchPacing(config: Config, o: { gapMs?: [number, number]; backlog?: number } = {}): Promise<PacingResult> {
  const gapMs = o.gapMs ?? [1000, 2000]
  const backlog = o.backlog ?? 200
  const driver = new Driver(config)
  await driver.start()
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lxq-bench-pacing-'))
  const log = memoryLogger()
  const wb = createWechatyBot({ token: driver.gateway.token, endpoint: driver.gateway.endpoint }, log)
  const store = await Store.open(dir)
  const app = await createApp({ config, store, clock: new SystemClock(), log, transport: wb.transport, sendGapMs: gapMs })
  wb.attach(app)
  try {
    await wb.start()
    const until = Date.now() + 30_000
    while (!wb.transport.isReady() && Date.now() < until) await new Promise((r) => setTimeout(r, 20))
    if (!wb.transport.isReady()) throw new Error('bot did not log in')
    await app.idle() // start-up notices (roster, calendar) out of the way: only the backlog is measured
    await new Promise((res) => setTimeout(res, gapMs[1]))

    const r = seededRandom(7)
    const room = studioRoom(0)
    const texts: string[] = []
    for (let i = 0; i < backlog; i++) {
      const cat = pick(r, CATEGORIES)
      // Sized and shaped like a /登记 receipt (~250 characters over several lines).
      const id = `${config.studios[0].prefix}-2026-${String(5000 + i).padStart(4, '0')}`
      texts.push(
        [`已登记：${id}`, `群众：${maskName(constituentName(r))} ${maskPhone(mobile(r))}`, `诉求：${complaint(r, cat)}`, `类别：${cat}（按关键词推测，不对请发：/更正 ${id} 类别：<类别>）`, `值班代表：${personName(r)}、${personName(r)}`, `下一步：联络员在 12月1日前转办（/转办 ${id} <承办单位>），或直接 /答复。`, `群众可凭编号 ${id} 查询进度。登记人 10 分钟内可 /更正 或 /撤销。`].join('\n'),
      )
    }
    const others: { to: string; text: string }[] = []
    const start = performance.now()
    const first = driver.fromBot.length
    for (let i = 0; i < backlog; i++) {
      app.sender.post({ to: { roomId: room }, text: texts[i] })
      if (i % 40 === 20) {
        const to = repContact(1 + others.length, 0)
        const text = `私聊回执 ${others.length + 1}`
        others.push({ to, text })
        app.sender.post({ to: { contactId: to }, text })
      }
    }
    await driver.until(() => {
      const got = driver.fromBot.slice(first)
      const inRoom = got.filter((m) => m.roomId === room).map((m) => m.text ?? '').join('\n\n')
      return inRoom.split('\n\n').length >= backlog && others.every((x) => got.some((m) => m.listenerId === x.to && m.text === x.text))
    }, 180_000, 'the paced backlog')
    await app.idle()
    await new Promise((res) => setTimeout(res, gapMs[1] + 200)) // anything extra would show up here
    const got: Seen[] = driver.fromBot.slice(first)
    const durationS = (performance.now() - start) / 1000
    const inRoom = got.filter((m) => m.roomId === room)
    const joined = inRoom.map((m) => m.text ?? '').join('\n\n').split('\n\n')
    let minInterval = Infinity
    for (let i = 1; i < got.length; i++) minInterval = Math.min(minInterval, got[i].at - got[i - 1].at)
    return {
      gapMs,
      maxChars: config.bot.maxMessageChars,
      backlog,
      others: others.length,
      groupMessages: inRoom.length,
      longest: Math.max(...inRoom.map((m) => (m.text ?? '').length)),
      minIntervalMs: minInterval,
      meanIntervalMs: got.length > 1 ? (got[got.length - 1].at - got[0].at) / (got.length - 1) : NaN,
      totalMessages: got.length,
      deliveredOnceInOrder: joined.length === texts.length && joined.every((t, i) => t === texts[i]),
      otherDelivered: others.filter((x) => got.filter((m) => m.listenerId === x.to && m.text === x.text).length === 1).length,
      durationS,
    }
  } finally {
    await wb.stop().catch(() => undefined)
    await driver.stop()
    rmSync(dir, { recursive: true, force: true })
  }
}
