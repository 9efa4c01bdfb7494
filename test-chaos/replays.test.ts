/**
 * Replays: gateways fire one message event twice, and replay recent history after a restart. The bot runs
 * as in production (src/main.ts, real mode, its own process, gRPC to a mock gateway, fsync on). Members
 * register issues and a coordinator transfers one; then the gateway fires every one of those message
 * events again (once, then twice at the same instant) while the bot runs; then the bot is killed with
 * SIGKILL, a member registers while it is down, it is started again, and the gateway replays every
 * message of the last hour. The data folder (state.json's ring of seen ids aside) must be exactly as it
 * was after the first delivery — no second registration, no second transfer, no second receipt — except
 * for the one registration sent while the bot was down, which the replay brings in, once.
 *
 * Not covered here: replays of a swap acceptance (the swap commands do not exist yet).
 */
import { rmSync } from 'node:fs'
import path from 'node:path'
import { log as wechatyLog } from 'wechaty-puppet'
import { Driver, sleep } from '../bench/lib/driver.js'
import { coordinatorContact, studioRoom } from '../bench/bench-config.js'
import { registration, receiptsIn } from '../bench/sections/registration.js'
import { seededRandom } from '../bench/synthetic.js'
import { FolderWatcher, diff } from './support/data-folder.js'
import { setup, startBot, kill9 } from './support/bot-process.js'
import { readIssues } from './support/store-records.js'

wechatyLog.level('silent')

test('a message delivered twice, and the last hour replayed after a kill -9 and restart, change the store once', async () => {
  const s = setup({ studios: 10 })
  const driver = new Driver(s.config)
  const inbound: { id: string; at: number; text: string }[] = []
  driver.gateway.onMessage((m) => {
    if (!m.fromBot) inbound.push({ id: m.id, at: Date.now(), text: m.text ?? '' })
  })
  await driver.start()
  let bot = await startBot(driver, s)
  const counts = { registrations: 0, duplicatesFired: 0, replayed: 0, repliesToDuplicates: 0, repliesToReplay: 0 }
  try {
    // First delivery: 20 registrations in 10 groups, then a transfer of the first one.
    const r = seededRandom(42)
    const regs = Array.from({ length: 20 }, (_, i) => registration(r, 500_000 + i, i % 10, Math.floor(i / 10)))
    const ids = new Map<string, string>()
    for (const reg of regs) {
      const from = driver.fromBot.length
      driver.say(reg.from, reg.text, reg.room)
      const m = await driver.reply(from, (x) => receiptsIn(x).some((y) => y.tag === reg.tag), 20_000, `receipt of ${reg.tag}`)
      ids.set(reg.tag, receiptsIn(m).find((y) => y.tag === reg.tag)!.id)
    }
    counts.registrations = regs.length
    const first = ids.get(regs[0].tag)!
    let from = driver.fromBot.length
    driver.say(coordinatorContact(0), `/转办 ${first} ${s.config.issues.departments[0]}`, studioRoom(0))
    await driver.reply(from, (x) => (x.text ?? '').includes(first) && (x.text ?? '').includes(s.config.issues.departments[0]), 20_000, 'the transfer')
    await sleep(500)

    // While it runs: the files themselves must not change at all (no journal line, no snapshot).
    const watcher = new FolderWatcher(s.dataDir)
    const settled = watcher.snapshot()
    const work = inbound.filter((m) => m.text.startsWith('/登记') || m.text.startsWith('/转办'))
    expect(work.length).toBe(regs.length + 1)

    // The gateway fires each event again while the bot runs: once, then twice at the same instant.
    from = driver.fromBot.length
    for (const m of work) driver.gateway.puppet.emit('message', { messageId: m.id })
    for (const m of work) {
      driver.gateway.puppet.emit('message', { messageId: m.id })
      driver.gateway.puppet.emit('message', { messageId: m.id })
    }
    counts.duplicatesFired = work.length * 3
    await sleep(3000)
    counts.repliesToDuplicates = driver.fromBot.length - from
    expect(diff(settled, watcher.snapshot())).toEqual([])
    expect(counts.repliesToDuplicates).toBe(0)

    // kill -9 and read the store: this is what the first delivery left.
    await kill9(bot)
    const byId = (list: { id: string }[]) => new Map(list.map((i) => [i.id, JSON.stringify(i)]))
    const first1 = byId(await readIssues(s.dataDir))
    expect(first1.size).toBe(regs.length)

    // A member registers while the bot is down (the gateway has nobody to tell); the bot starts again and
    // the gateway replays the last hour: every inbound message of this test, the missed one included.
    const missed = registration(r, 600_000, 3, 0)
    driver.say(missed.from, missed.text, missed.room)
    await sleep(200)
    bot = await startBot(driver, s)
    await sleep(500)
    const hourAgo = Date.now() - 3_600_000
    const replay = [...new Map(inbound.filter((m) => m.at >= hourAgo && !m.text.startsWith('/我是谁')).map((m) => [m.id, m])).values()]
    from = driver.fromBot.length
    for (const m of replay) driver.gateway.puppet.emit('message', { messageId: m.id })
    counts.replayed = replay.length
    // The missed registration is new to the bot: registered once (proof that the replay reaches the bot).
    const got = await driver.reply(from, (x) => receiptsIn(x).some((y) => y.tag === missed.tag), 20_000, 'the receipt of the registration missed while down')
    const missedId = receiptsIn(got).find((y) => y.tag === missed.tag)!.id
    await sleep(3000)
    counts.repliesToReplay = driver.fromBot.slice(from).filter((x) => x !== got && !(x.listenerId && !x.roomId)).length
    await kill9(bot)
    const after = byId(await readIssues(s.dataDir))
    expect([...after.keys()].filter((id) => !first1.has(id))).toEqual([missedId])
    for (const [id, json] of first1) expect(after.get(id)).toBe(json)
    expect(counts.repliesToReplay).toBe(0)
  } finally {
    await kill9(bot)
    await driver.stop()
    console.log(
      `replays: ${counts.registrations} registrations and 1 transfer delivered once; ${counts.duplicatesFired} duplicate events fired while running ` +
        `(${counts.repliesToDuplicates} replies); after kill -9 and restart, ${counts.replayed} messages of the last hour replayed: the one sent while the bot was down registered once, ` +
        `the rest ignored (${counts.repliesToReplay} replies); files compared while running, every record compared after each kill`,
    )
    rmSync(path.dirname(s.dataDir), { recursive: true, force: true })
  }
})
