/**
 * (h) A Monday 09:00 for the whole city at production pacing: the duty announcements, the weekly posts of
 * every studio group, the coordinators' reminder digests and the liaison office's summaries all fall due
 * at once. The bot (createApp on the benchmark's 200,000 issues and planned roster, the real Sender with
 * the configured gap [1000, 2000] ms) runs its due-check at that Monday 09:00; the Sender's waits run on
 * a simulated clock (each gap is counted, not slept), so ten minutes of pacing take seconds and the
 * figures do not depend on the machine. What it measures is the queue: how many posts became how many
 * messages, in which order, and when the last announcement and the last weekly post went out.
 * The Monday is the one in the next eight weeks with the most announcements that day.
 *
 * While that queue drains, representatives send /登记 in their groups, one every `receiptEverySec`
 * simulated seconds (a busy city morning), and each receipt's wait is taken on the same simulated clock:
 * from the message to the send that carries its receipt. Baseline: the same registrations at the same
 * rate once the queue is empty. Handling a message takes no simulated time (its CPU cost is (a)'s).
 */
import type { Config } from '../../src/config/schema.js'
import { createApp } from '../../src/app/app.js'
import { Store } from '../../src/platform/store/store.js'
import { ManualClock } from '../../src/platform/clock.js'
import { memoryLogger } from '../../src/platform/logger.js'
import type { Timer, Transport } from '../../src/platform/sender.js'
import type { Target } from '../../src/messages/message.js'
import { addDays, isoWeekday, toInstant, toLocalDate } from '../../src/domain/time/local-date.js'
import { seededRandom } from '../synthetic.js'
import { latencies, type Latencies } from '../lib/driver.js'
import { receiptsIn, registration } from './registration.js'

export type PostKind = 'announcement' | 'weekly' | 'digest' | 'liaison' | 'other'

export interface MondayResult {
  monday: string
  gapMs: [number, number]
  /** Messages WeChat got, by kind. */
  messages: Record<PostKind, number>
  total: number
  /** Simulated minutes from 09:00 to the last message of each kind. */
  lastAtMin: Partial<Record<PostKind, number>>
  /** Minutes the same messages would take one by one at the mean gap (the baseline: no order, no merging). */
  allAtMeanGapMin: number
  /** Wall time the simulation took. */
  wallMs: number
  /** Receipts of /登记 sent while the queue drained, and the same afterwards: seconds on the simulated clock. */
  receipts: { during: Latencies; quiet: Latencies; everySec: number }
}

function kindOf(to: Target, text: string, liaison?: string): PostKind {
  if (text.startsWith('【党代表接待日公告】')) return 'announcement'
  if (text.startsWith('【每周跟进】')) return 'weekly'
  if ('roomId' in to && to.roomId === liaison) return 'liaison'
  if (text.startsWith('【到期提醒】')) return 'digest'
  return 'other'
}

export async function benchMonday(config: Config, dataDir: string, o: { now: number; gapMs?: [number, number]; receiptEverySec?: number }): Promise<MondayResult> {
  const gapMs = o.gapMs ?? [1000, 2000]
  const everyMs = (o.receiptEverySec ?? 10) * 1000
  const started = performance.now()
  let vnow = 0
  // Registrations: when each was sent (simulated), by tag; the receipts' waits, in seconds.
  const r = seededRandom(47)
  let seq = 0
  const askedAt = new Map<string, number>()
  const waited: number[] = []
  let nextAt = Infinity
  let app!: Awaited<ReturnType<typeof createApp>>
  const nameOf = new Map(config.people.map((p) => [p.wechatId, p.name]))
  /** A representative of a random studio sends one /登记 in the group at simulated time `at`. */
  const register = (at: number): Promise<void> => {
    const n = 800_000 + seq++
    const studio = Math.floor(r() * config.studios.length)
    const reg = registration(r, n, studio, Math.floor(r() * 3))
    askedAt.set(reg.tag, at)
    return app.onMessage({ id: `monday-${n}`, text: reg.text, talkerId: reg.from, talkerName: nameOf.get(reg.from) ?? reg.from, roomId: reg.room, mentions: [] })
  }
  const timer: Timer = {
    now: () => vnow,
    sleep: async (ms) => {
      vnow += ms
      // The registrations that came in during this wait are handled before the sender looks again.
      const due: Promise<void>[] = []
      for (; nextAt <= vnow; nextAt += everyMs) due.push(register(nextAt))
      if (due.length) await Promise.race([Promise.all(due), new Promise((res) => setTimeout(res, 5_000))])
      await new Promise<void>((res) => setImmediate(res))
    },
  }
  const sent: { at: number; to: Target; text: string }[] = []
  const transport: Transport = {
    isReady: () => true,
    sendText: async (to, text) => {
      let receipt = false
      for (const x of receiptsIn({ text } as Parameters<typeof receiptsIn>[0])) {
        const at = askedAt.get(x.tag)
        if (at === undefined) continue
        askedAt.delete(x.tag)
        waited.push((vnow - at) / 1000)
        receipt = true
      }
      // Receipts are not the Monday's posts: the counts below are the queue's own.
      if (!receipt) sent.push({ at: vnow, to, text })
    },
    sendFile: async (to, name) => {
      sent.push({ at: vnow, to, text: `[file] ${name}` })
    },
  }
  const today = toLocalDate(o.now)
  const firstMonday = addDays(today, ((8 - isoWeekday(today)) % 7) || 7)
  // Everything due until the Sunday evening before goes out first (not measured).
  const clock = new ManualClock(toInstant(addDays(firstMonday, -1), '23:00'))
  const store = await Store.open(dataDir)
  app = await createApp({ config, store, clock, log: memoryLogger(), transport, timer, sendGapMs: gapMs, random: seededRandom(11) })
  try {
    await app.deps.issues.scanned
    await app.runDue()
    await app.idle()
    // The Monday with the most sessions announced that day (announceDaysBefore calendar days ahead).
    let monday = firstMonday
    let best = -1
    for (let w = 0; w < 8; w++) {
      const m = addDays(firstMonday, 7 * w)
      let n = 0
      for (const s of app.deps.directory.studios) if (await app.deps.roster.sessionOn(s.id, addDays(m, s.reception.announceDaysBefore))) n++
      if (n > best) [best, monday] = [n, m]
    }
    if (monday !== firstMonday) {
      clock.set(toInstant(addDays(monday, -1), '23:00'))
      await app.runDue()
      await app.idle()
    }
    clock.set(toInstant(monday, '09:00'))
    sent.length = 0
    const t0 = vnow
    nextAt = t0 + everyMs
    await app.runDue()
    await app.idle()
    nextAt = Infinity
    const during = latencies(waited.splice(0))
    const liaison = app.deps.directory.liaisonRoom()
    const messages: Record<PostKind, number> = { announcement: 0, weekly: 0, digest: 0, liaison: 0, other: 0 }
    const lastAtMin: Partial<Record<PostKind, number>> = {}
    for (const m of sent) {
      const k = kindOf(m.to, m.text, liaison)
      messages[k]++
      lastAtMin[k] = (m.at - t0) / 60_000
    }
    const meanGap = (gapMs[0] + gapMs[1]) / 2
    const total = sent.length
    // The baseline: as many registrations at the same rate with nothing else queued.
    for (let i = 0; i < Math.max(during.n, 20); i++) {
      vnow += everyMs
      await register(vnow)
      await app.idle()
    }
    const quiet = latencies(waited.splice(0))
    return { monday, gapMs, messages, total, lastAtMin, allAtMeanGapMin: (total * meanGap) / 60_000, wallMs: performance.now() - started, receipts: { during, quiet, everySec: everyMs / 1000 } }
  } finally {
    await store.close({ compact: false })
  }
}
