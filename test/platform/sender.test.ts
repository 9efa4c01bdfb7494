import { Sender, splitText, type Timer, type Transport } from '../../src/platform/sender.js'
import { memoryLogger } from '../../src/platform/logger.js'
import type { Target } from '../../src/messages/message.js'

/**
 * Virtual time: `sleep` parks the caller until the test drives the clock past its deadline; nothing
 * really waits. `sleeps` records every requested pause (the backoff tests read it).
 */
class FakeTimer implements Timer {
  t = 0
  sleeps: number[] = []
  private pending: { at: number; seq: number; resolve: () => void }[] = []
  private seq = 0

  now(): number {
    return this.t
  }

  sleep(ms: number): Promise<void> {
    this.sleeps.push(ms)
    return new Promise((resolve) => this.pending.push({ at: this.t + ms, seq: this.seq++, resolve }))
  }

  /** Lets every promise callback run (setImmediate fires only after the microtask queue is empty). */
  async settle(): Promise<void> {
    for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r))
  }

  /** Fires due sleeps in time order until `done()` holds or virtual time would pass `until`. */
  async run(done: () => boolean, until = Number.POSITIVE_INFINITY): Promise<void> {
    for (let steps = 0; steps < 100_000; steps++) {
      await this.settle()
      if (done()) return
      this.pending.sort((a, b) => a.at - b.at || a.seq - b.seq)
      const next = this.pending[0]
      if (!next || next.at > until) {
        if (until !== Number.POSITIVE_INFINITY) this.t = Math.max(this.t, until)
        return
      }
      this.pending.shift()
      this.t = Math.max(this.t, next.at)
      next.resolve()
    }
    throw new Error('virtual time ran away')
  }
}

interface Sent {
  at: number
  to: Target
  text?: string
  mentions?: string[]
  file?: { name: string; data: Buffer }
}

/** Records every call; `failNext` makes the next N calls throw; `ready` mirrors the gateway's login. */
class RecordingTransport implements Transport {
  ready = true
  failNext = 0
  attempts: Sent[] = []
  sent: Sent[] = []
  constructor(private readonly timer: FakeTimer) {}
  isReady(): boolean {
    return this.ready
  }
  async sendText(to: Target, text: string, mentions: string[]): Promise<void> {
    this.record({ at: this.timer.now(), to, text, mentions })
  }
  async sendFile(to: Target, name: string, data: Buffer): Promise<void> {
    this.record({ at: this.timer.now(), to, file: { name, data } })
  }
  private record(s: Sent): void {
    this.attempts.push(s)
    if (!this.ready) throw new Error('not logged in')
    if (this.failNext > 0) {
      this.failNext--
      throw new Error('transient: gateway timeout')
    }
    this.sent.push(s)
  }
}

const A: Target = { roomId: 'room-a@chatroom' }
const B: Target = { roomId: 'room-b@chatroom' }
const C: Target = { contactId: 'wxid_c' }

function setup(opts: Partial<ConstructorParameters<typeof Sender>[1]> = {}) {
  const timer = new FakeTimer()
  const transport = new RecordingTransport(timer)
  const log = memoryLogger()
  const sender = new Sender(transport, { gapMs: [1000, 2000], maxChars: 100, retries: 3, random: () => 0, ...opts }, log, timer)
  /** Drives virtual time until the queue is empty and nothing is being sent. */
  const drain = async () => {
    let idle = false
    void sender.idle().then(() => (idle = true))
    await timer.run(() => idle)
    expect(idle).toBe(true)
  }
  return { timer, transport, sender, log, drain }
}

/** Resolves to 'sent' or the rejection's message, without an unhandled rejection meanwhile. */
const outcome = (p: Promise<void>) => p.then(() => 'sent', (e: Error) => `failed: ${e.message}`)

const gaps = (xs: { at: number }[]) => xs.slice(1).map((x, i) => x.at - xs[i].at)

describe('pacing', () => {
  test('no two sends closer than the minimum gap, even when everything is queued at once', async () => {
    // Texts of 3 characters and maxChars 4: nothing can merge, so ten separate sends.
    const { sender, transport, drain } = setup({ gapMs: [1000, 2000], maxChars: 4 })
    const targets = [A, B, C]
    for (let i = 0; i < 10; i++) sender.post({ to: targets[i % 3], text: `消息${i}` })
    await drain()
    expect(transport.sent).toHaveLength(10)
    for (const g of gaps(transport.sent)) expect(g).toBeGreaterThanOrEqual(1000)
  })

  test('jitter: each gap is min + r·(max − min) for the injected random r, within [min, max]', async () => {
    const rs = [0.5, 0, 0.999, 0.25, 0.75]
    let i = 0
    const { sender, transport, drain } = setup({ gapMs: [1000, 3000], random: () => rs[i++ % rs.length] })
    sender.post({ to: A, text: '一' })
    sender.post({ to: B, text: '二' })
    sender.post({ to: C, text: '三' })
    sender.post({ to: A, text: '四' }) // A again, but queued behind B and C, and alone by then
    await drain()
    const g = gaps(transport.sent)
    for (const x of g) {
      expect(x).toBeGreaterThanOrEqual(1000)
      expect(x).toBeLessThanOrEqual(3000)
    }
    // One random draw per send; the first send has nothing to wait for.
    expect(g).toEqual([1000, 2998, 1500])
  })

  test('a send long after the previous one goes out at once', async () => {
    const { sender, transport, timer, drain } = setup()
    sender.post({ to: A, text: '早' })
    await drain()
    timer.t += 60_000
    sender.post({ to: A, text: '晚' })
    await drain()
    expect(transport.sent.map((s) => s.at)).toEqual([0, 60_000])
  })
})

describe('merging a backlog', () => {
  test('a backlog to one chat goes out as fewer messages, none longer than maxChars, in order', async () => {
    const { sender, transport, drain } = setup({ maxChars: 50, mergeSeparator: '\n' })
    const texts = Array.from({ length: 20 }, (_, i) => `第${String(i).padStart(2, '0')}条通知`) // 7 characters each
    for (const t of texts) sender.post({ to: A, text: t })
    await drain()
    expect(transport.sent.length).toBeGreaterThan(1)
    expect(transport.sent.length).toBeLessThan(texts.length)
    for (const s of transport.sent) expect(s.text!.length).toBeLessThanOrEqual(50)
    // Nothing lost, nothing repeated, order kept.
    expect(transport.sent.flatMap((s) => s.text!.split('\n'))).toEqual(texts)
    expect(sender.stats.merged).toBe(texts.length - transport.sent.length)
  })

  test('texts to different chats are never merged, and each chat keeps its order', async () => {
    const { sender, transport, drain } = setup({ maxChars: 500 })
    for (let i = 0; i < 6; i++) {
      sender.post({ to: A, text: `A${i}` })
      sender.post({ to: B, text: `B${i}` })
    }
    await drain()
    const to = (t: Target) => transport.sent.filter((s) => JSON.stringify(s.to) === JSON.stringify(t))
    const aTexts = to(A).flatMap((s) => s.text!.split('\n\n'))
    const bTexts = to(B).flatMap((s) => s.text!.split('\n\n'))
    expect(aTexts).toEqual(['A0', 'A1', 'A2', 'A3', 'A4', 'A5'])
    expect(bTexts).toEqual(['B0', 'B1', 'B2', 'B3', 'B4', 'B5'])
    for (const s of to(A)) expect(s.text).not.toMatch(/B/)
    for (const s of to(B)) expect(s.text).not.toMatch(/A/)
    expect(transport.sent.length).toBeLessThan(12) // the backlog did merge
  })

  test('a text that does not fit ends the merge, so it is not overtaken by a later short one', async () => {
    const { sender, transport, drain } = setup({ maxChars: 20, mergeSeparator: '\n' })
    sender.post({ to: A, text: '先' }) // goes out alone, the rest piles up behind it
    sender.post({ to: A, text: '甲乙丙丁戊' })
    sender.post({ to: A, text: '甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳' }) // 16: does not fit behind 5
    sender.post({ to: A, text: '短' })
    await drain()
    expect(transport.sent.map((s) => s.text)).toEqual(['先', '甲乙丙丁戊', '甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳\n短'])
  })

  test('mentions of merged texts are kept', async () => {
    const { sender, transport, drain } = setup()
    sender.post({ to: A, text: '先' })
    sender.post({ to: A, text: '请值班', mentions: ['wxid_1'] })
    sender.post({ to: A, text: '也请', mentions: ['wxid_2', 'wxid_1'] })
    await drain()
    expect(transport.sent[1]).toMatchObject({ text: '请值班\n\n也请', mentions: ['wxid_1', 'wxid_2'] })
  })

  test('a long single text is split at line breaks into paced pieces', async () => {
    const { sender, transport, drain } = setup({ maxChars: 30 })
    const lines = Array.from({ length: 10 }, (_, i) => `第${i}行：张明华、李秀兰`) // 12 characters each
    sender.post({ to: A, text: lines.join('\n'), mentions: ['wxid_1'] })
    await drain()
    expect(transport.sent.length).toBeGreaterThan(1)
    for (const s of transport.sent) expect(s.text!.length).toBeLessThanOrEqual(30)
    expect(transport.sent.flatMap((s) => s.text!.split('\n'))).toEqual(lines)
    expect(transport.sent[0].mentions).toEqual(['wxid_1'])
    for (const s of transport.sent.slice(1)) expect(s.mentions).toEqual([])
    for (const g of gaps(transport.sent)) expect(g).toBeGreaterThanOrEqual(1000)
  })
})

describe('long posts in parts', () => {
  test('a reply goes between two parts of a long scheduled post; its chat’s file waits for the last part; the post resolves after it', async () => {
    const { sender, transport, timer, drain } = setup({ maxChars: 30 })
    const lines = Array.from({ length: 10 }, (_, i) => `第${i}行：各工作室待办与超期`) // 12 characters each
    let posted = false
    const durable = sender.send({ to: A, text: lines.join('\n') }, 'outbox-1').then(() => (posted = true))
    sender.post({ to: A, text: '', file: { name: '周报.xlsx', data: Buffer.from('x') } })
    // The first part is out; then someone registers in another group.
    await timer.run(() => transport.sent.length === 1)
    sender.post({ to: B, text: '回执' })
    await drain()
    await durable
    const order = transport.sent.map((s) => (s.file ? 'file' : s.text === '回执' ? '回执' : 'part'))
    expect(order.indexOf('回执')).toBe(1)
    expect(order.at(-1)).toBe('file')
    expect(transport.sent.filter((s) => s.to === A && !s.file).flatMap((s) => s.text!.split('\n'))).toEqual(lines)
    expect(posted).toBe(true)
    for (const g of gaps(transport.sent)) expect(g).toBeGreaterThanOrEqual(1000)
  })
})

describe('splitText', () => {
  test.each<[string, string, number, string[]]>([
    ['fits', '一二三', 3, ['一二三']],
    ['at line breaks', '一二\n三四\n五六', 5, ['一二\n三四', '五六']],
    ['one line per piece when two do not fit', '一二三\n四五六\n七八九', 4, ['一二三', '四五六', '七八九']],
    ['a line longer than max is cut', '一二三四五六七', 3, ['一二三', '四五六', '七']],
    ['a long line between short ones', '甲\n一二三四五\n乙', 3, ['甲', '一二三', '四五', '乙']],
    ['a long line between short ones, room to rejoin', '甲\n一二三四五\n乙', 4, ['甲', '一二三四', '五\n乙']],
  ])('%s', (_label, text, max, expected) => {
    expect(splitText(text, max)).toEqual(expected)
  })

  test('no piece is longer than max and no character is lost', () => {
    const text = Array.from({ length: 40 }, (_, i) => '字'.repeat((i * 7) % 23)).join('\n')
    for (const max of [5, 10, 22, 50]) {
      const pieces = splitText(text, max)
      for (const p of pieces) expect(p.length).toBeLessThanOrEqual(max)
      expect(pieces.join('').replace(/\n/g, '')).toBe(text.replace(/\n/g, ''))
    }
  })
})

describe('retries', () => {
  test('transient failures are retried with growing pauses; the message is sent once', async () => {
    const { sender, transport, timer, drain } = setup({ gapMs: [1000, 2000], retries: 5 })
    transport.failNext = 3
    const result = outcome(sender.send({ to: A, text: '接待日通知' }))
    await drain()
    expect(await result).toBe('sent')
    expect(transport.attempts).toHaveLength(4)
    expect(transport.sent.map((s) => s.text)).toEqual(['接待日通知'])
    // Pauses between attempts grow: 2000, 4000, 8000 ms (base = max(500, max gap)).
    expect(gaps(transport.attempts)).toEqual([2000, 4000, 8000])
    expect(timer.sleeps).toEqual(expect.arrayContaining([2000, 4000, 8000]))
    expect(sender.stats).toMatchObject({ sent: 1, retries: 3, failed: 0 })
  })

  test('gives up after N retries: the promise rejects, and the next message still goes out', async () => {
    const { sender, transport, drain, log } = setup({ retries: 2 })
    transport.failNext = 3
    const first = outcome(sender.send({ to: A, text: '发不出去' }))
    const second = outcome(sender.send({ to: B, text: '下一条' }))
    await drain()
    expect(await first).toBe('failed: transient: gateway timeout')
    expect(await second).toBe('sent')
    expect(transport.attempts.filter((a) => a.text === '发不出去')).toHaveLength(3) // 1 + 2 retries
    expect(transport.sent.map((s) => s.text)).toEqual(['下一条'])
    expect(sender.stats.failed).toBe(1)
    expect(log.lines.filter((l) => l.includes('will retry'))).toHaveLength(2)
  })

  test('post() logs a message dropped after retries instead of throwing', async () => {
    const { sender, transport, drain, log } = setup({ retries: 0 })
    transport.failNext = 1
    sender.post({ to: A, text: '丢了' })
    await drain()
    await new Promise((r) => setImmediate(r))
    expect(log.lines.some((l) => l.includes('message dropped after retries'))).toBe(true)
  })
})

describe('holding while logged out', () => {
  test('nothing is sent while not ready; after wake() each queued message goes out exactly once', async () => {
    const { sender, transport, timer, drain } = setup({ maxChars: 5 }) // too short to merge anything
    transport.ready = false
    const results = ['一', '二', '三'].map((t, i) => outcome(sender.send({ to: [A, B, C][i], text: `通知${t}` })))
    await timer.run(() => false, 10 * 60_000) // ten minutes of virtual logout
    expect(transport.attempts).toEqual([])
    expect(sender.pending).toBe(3)
    transport.ready = true
    sender.wake()
    await drain()
    expect(await Promise.all(results)).toEqual(['sent', 'sent', 'sent'])
    expect(transport.sent.map((s) => s.text).sort()).toEqual(['通知一', '通知三', '通知二'].sort())
    expect(transport.attempts).toHaveLength(3)
    for (const g of gaps(transport.sent)) expect(g).toBeGreaterThanOrEqual(1000)
  })

  test('a logout in the middle of sending: the failed message waits for wake() and is sent once', async () => {
    const { sender, transport, timer, drain } = setup({ retries: 5, maxChars: 5 })
    sender.post({ to: A, text: '第一条' })
    await drain()
    transport.ready = false
    const second = outcome(sender.send({ to: A, text: '第二条' }))
    await timer.run(() => false, timer.t + 30 * 60_000)
    expect(transport.sent.map((s) => s.text)).toEqual(['第一条'])
    transport.ready = true
    sender.wake()
    await drain()
    expect(await second).toBe('sent')
    expect(transport.sent.map((s) => s.text)).toEqual(['第一条', '第二条'])
  })

  test('waiting while logged out does not pile up waiters for wake()', async () => {
    const { sender, transport, timer, drain } = setup()
    transport.ready = false
    sender.post({ to: A, text: '等' })
    await timer.run(() => false, 60 * 60_000) // an hour, polled once a second
    const waiters = (sender as unknown as { wakers: unknown[] }).wakers.length
    expect(waiters).toBeLessThanOrEqual(1)
    transport.ready = true
    sender.wake()
    await drain()
    expect(transport.sent).toHaveLength(1)
  })
})

describe('durable items', () => {
  test('onDelivered gets the durable ids only after the transport took the message', async () => {
    const delivered: { ids: string[]; sentSoFar: string[] }[] = []
    let sentSoFar = (): string[] => []
    const { sender, transport, drain } = setup({ retries: 3, onDelivered: (ids) => void delivered.push({ ids, sentSoFar: sentSoFar() }) })
    sentSoFar = () => transport.sent.map((s) => s.text!)
    transport.failNext = 2
    sender.post({ to: A, text: '定时公告' }, 'outbox-1')
    sender.post({ to: A, text: '普通回复' }) // merges with nothing durable
    sender.post({ to: B, text: '另一群公告' }, 'outbox-2')
    await drain()
    expect(delivered).toEqual([
      { ids: ['outbox-1'], sentSoFar: ['定时公告'] },
      { ids: ['outbox-2'], sentSoFar: ['定时公告', '普通回复', '另一群公告'] },
    ])
  })

  test('a durable item that is never sent is never reported', async () => {
    const reported: string[][] = []
    const { sender, transport, drain } = setup({ retries: 1, onDelivered: (ids) => void reported.push(ids) })
    transport.failNext = 10
    const r = outcome(sender.send({ to: A, text: '发不出' }, 'outbox-9'))
    await drain()
    expect(await r).toMatch(/^failed/)
    expect(reported).toEqual([])
  })

  test('merged durable items are reported together, once', async () => {
    const reported: string[][] = []
    const { sender, drain } = setup({ onDelivered: (ids) => void reported.push(ids) })
    sender.post({ to: A, text: '先' }, 'd0')
    sender.post({ to: A, text: '一' }, 'd1')
    sender.post({ to: A, text: '二' }, 'd2')
    await drain()
    expect(reported).toEqual([['d0'], ['d1', 'd2']])
  })

  test('a failing outbox update is logged and the senders are still told "sent"', async () => {
    const { sender, drain, log } = setup({ onDelivered: () => Promise.reject(new Error('disk full')) })
    const r = outcome(sender.send({ to: A, text: '公告' }, 'd1'))
    await drain()
    expect(await r).toBe('sent')
    expect(log.lines.some((l) => l.includes('outbox update failed'))).toBe(true)
  })

  test('an onDelivered that throws synchronously does not turn a sent message into a failure', async () => {
    const { sender, transport, drain, log } = setup({
      onDelivered: () => {
        throw new Error('bug in the outbox')
      },
    })
    const r = outcome(sender.send({ to: A, text: '公告' }, 'd1'))
    await drain()
    expect(transport.sent).toHaveLength(1)
    expect(await r).toBe('sent')
    expect(sender.stats.failed).toBe(0)
    expect(log.lines.some((l) => l.includes('outbox update failed'))).toBe(true)
  })
})

describe('files', () => {
  test('a file item is sent as a file, never merged with texts around it', async () => {
    const { sender, transport, drain } = setup()
    const data = Buffer.from('xlsx bytes')
    sender.post({ to: A, text: '前' })
    sender.post({ to: A, text: '中' })
    sender.post({ to: A, text: '', file: { name: '值班表.xlsx', data } })
    sender.post({ to: A, text: '后' })
    await drain()
    expect(transport.sent.map((s) => (s.file ? `file:${s.file.name}` : s.text))).toEqual(['前', '中', 'file:值班表.xlsx', '后'])
    expect(transport.sent[2].file!.data.equals(data)).toBe(true)
  })

  test('a slow upload does not hold other chats: their texts go out meanwhile, paced; its own chat and other files wait', async () => {
    const { sender, transport, timer, drain } = setup()
    // Uploading a ledger takes 10 s (virtual) at the gateway.
    const fast = transport.sendFile.bind(transport)
    transport.sendFile = async (to, name, data) => {
      await timer.sleep(10_000)
      await fast(to, name, data)
    }
    sender.post({ to: A, text: '台账已生成', file: { name: '台账.xlsx', data: Buffer.from('xlsx') } })
    sender.post({ to: A, text: 'A 的下一条' })
    sender.post({ to: C, text: '', file: { name: '另一个.xlsx', data: Buffer.from('x') } })
    for (let i = 0; i < 3; i++) sender.post({ to: B, text: `回执${i}` })
    // B's receipts merge into one message and leave during the upload, not after it.
    await timer.run(() => transport.sent.some((s) => s.text?.includes('回执2')))
    expect(timer.t).toBeLessThan(10_000)
    expect(transport.sent.map((s) => s.text ?? `file:${s.file!.name}`)).toEqual(['回执0\n\n回执1\n\n回执2'])
    await drain()
    const order = transport.sent.map((s) => (s.file ? `file:${s.file.name}` : s.text))
    expect(order).toEqual(['回执0\n\n回执1\n\n回执2', 'file:台账.xlsx', '台账已生成\n\nA 的下一条', 'file:另一个.xlsx'])
    // Never two sends closer than the minimum gap, counting when each upload began.
    const starts = transport.attempts.map((s) => (s.file ? s.at - 10_000 : s.at)).sort((a, b) => a - b)
    for (const g of gaps(starts.map((at) => ({ at })))) expect(g).toBeGreaterThanOrEqual(1000)
  })

  test('a file with a caption: the file, then the caption, paced', async () => {
    const { sender, transport, drain } = setup()
    sender.post({ to: B, text: '十二月值班表', mentions: ['wxid_1'], file: { name: 'a.ics', data: Buffer.from('BEGIN:VCALENDAR') } })
    await drain()
    expect(transport.sent.map((s) => (s.file ? `file:${s.file.name}` : s.text))).toEqual(['file:a.ics', '十二月值班表'])
    expect(transport.sent[1].mentions).toEqual(['wxid_1'])
    expect(gaps(transport.sent)[0]).toBeGreaterThanOrEqual(1000)
  })
})

describe('an unreachable gateway (no logout) holds messages instead of spending their retries', () => {
  test('60 s of UNAVAILABLE on a message with 2 retries: it is sent once the gateway answers, exactly once', async () => {
    const { Sender } = await import('../../src/platform/sender.js')
    const { memoryLogger } = await import('../../src/platform/logger.js')
    let now = 0
    const timer = { now: () => now, sleep: async (ms: number) => { now += ms } }
    const sent: string[] = []
    let downUntil = 60_000
    const transport = {
      isReady: () => true,
      isUnreachable: (e: unknown) => (e as { code?: number }).code === 14,
      sendText: async (_to: unknown, text: string) => {
        if (now < downUntil) throw Object.assign(new Error('UNAVAILABLE'), { code: 14 })
        sent.push(text)
      },
      sendFile: async () => undefined,
    }
    const sender = new Sender(transport, { gapMs: [0, 0], maxChars: 1800, retries: 2 }, memoryLogger(), timer)
    await sender.send({ to: { roomId: 'r@chatroom' }, text: 'a' })
    await sender.send({ to: { roomId: 'r@chatroom' }, text: 'b' })
    expect(sent).toEqual(['a', 'b'])
    expect(now).toBeGreaterThanOrEqual(60_000)
    expect(sender.stats.failed).toBe(0)
    // A message that fails for its own reasons still gives up after its retries.
    downUntil = 0
    transport.sendText = async () => {
      throw new Error('room not found')
    }
    await expect(sender.send({ to: { roomId: 'gone@chatroom' }, text: 'c' })).rejects.toThrow('room not found')
  })
})

describe('replies before scheduled posts', () => {
  test('a reply queued behind 30 scheduled posts is sent first; the posts keep their order', async () => {
    const { Sender } = await import('../../src/platform/sender.js')
    const { memoryLogger } = await import('../../src/platform/logger.js')
    let now = 0
    const timer = { now: () => now, sleep: async (ms: number) => { now += ms } }
    const sent: string[] = []
    const transport = { isReady: () => true, sendText: async (_to: unknown, text: string) => void sent.push(text), sendFile: async () => undefined }
    const sender = new Sender(transport, { gapMs: [1000, 1000], maxChars: 10, retries: 0 }, memoryLogger(), timer)
    const posts = Array.from({ length: 30 }, (_, i) => sender.send({ to: { roomId: `room${i}@chatroom` }, text: `post${i}` }, `d${i}`))
    const reply = sender.send({ to: { contactId: 'someone' }, text: 'receipt' })
    await Promise.all([...posts, reply])
    expect(sent.indexOf('receipt')).toBeLessThanOrEqual(1) // the first post may already be on its way
    expect(sent.filter((t) => t.startsWith('post'))).toEqual(Array.from({ length: 30 }, (_, i) => `post${i}`))
  })
})

describe('the group gate', () => {
  test('every text to a group is masked as it is queued; private chats are not', async () => {
    const { sender, transport, drain } = setup({ maxChars: 1000 })
    sender.post({ to: A, text: '请联系 138.1234.5671，座机 (022)23456789' })
    sender.post({ to: A, text: '身份证号１２０１０１１９９００１０１１２３Ｘ' })
    sender.post({ to: C, text: '请联系 138.1234.5671' })
    await drain()
    const toA = transport.sent.filter((s) => s.to === A).map((s) => s.text).join('\n\n')
    expect(toA).toBe('请联系 138****5671，座机 (*******6789\n\n身份证号120***********123X')
    expect(transport.sent.find((s) => s.to === C)?.text).toBe('请联系 138.1234.5671')
  })

  test('the text sent with a file to a group is gated too', async () => {
    const { sender, transport, drain } = setup()
    sender.post({ to: A, text: '附：13812345678', file: { name: 'a.ics', data: Buffer.from('x') } })
    await drain()
    expect(transport.sent.map((s) => s.text ?? '')).toContain('附：138****5678')
  })
})

describe('the daily send budget', () => {
  test('near the cap the most urgent allowed message goes first; the rest wait (not dropped), idle() resolves, and they go when allowed', async () => {
    let maxPriority = 0 // what the budget lets out now
    const told: string[] = []
    const budget = {
      priorityOf: (req: { text: string }, durable: boolean) => (!durable ? 0 : req.text.startsWith('weekly') ? 2 : req.text.startsWith('correction') ? 1 : 0),
      allows: (_to: Target, p: number) => p <= maxPriority,
      deferred: (req: { text: string }) => told.push(req.text),
    }
    const { sender, transport, drain } = setup({ budget })
    for (const text of ['weekly A', 'correction A', 'announcement A']) sender.post({ to: A, text }, `d-${text}`)
    sender.post({ to: B, text: 'reply B' })
    await drain()
    expect(transport.sent.map((s) => s.text)).toEqual(['reply B', 'announcement A'])
    expect(told.sort()).toEqual(['correction A', 'weekly A'])
    expect(sender.pending).toBe(2)
    expect(sender.waitingForBudget).toBe(true)
    expect(sender.deferredNow).toBe(2)
    maxPriority = 2
    sender.wake()
    await drain()
    expect(transport.sent.map((s) => s.text)).toEqual(['reply B', 'announcement A', 'correction A', 'weekly A'])
    expect(sender.pending).toBe(0)
    expect(told).toHaveLength(2) // each told once
  })

  test('without a budget the order is unchanged (the first post is already on its way; then replies first)', async () => {
    const { sender, transport, drain } = setup()
    for (const text of ['weekly A', 'correction A']) sender.post({ to: A, text }, `d-${text}`)
    sender.post({ to: B, text: 'reply B' })
    await drain()
    expect(transport.sent.map((s) => s.text)).toEqual(['weekly A', 'reply B', 'correction A'])
  })
})
