/**
 * Fuzz: 10,000 seeded hostile messages through the production dispatcher (the harness: createApp, the
 * real dispatcher and sender, a recording transport) from every role — coordinator, representative,
 * admin, stranger — in a private chat, the person's own studio group, another studio's group and an
 * unbound group.
 *
 * Asserted for every message: no crash (no reply is the generic error line, no log line at error level,
 * onMessage never throws, no command threw anything but a UserError), no unhandled rejection, and the
 * data folder (compared after each message, state.json's ring of seen message ids aside) changes only
 * when the message succeeded: the command ran to its success reply (it neither refused nor was stopped
 * before running), it declares that it changes data, and every issue record that changed is named by id
 * in its reply. Any other change is a change caused by invalid input.
 *
 * Reproduce a failure with CHAOS_SEED=<seed> (printed at the start and in every failure); FUZZ_N sets the
 * number of messages.
 */
import { zh } from '../src/text/zh-CN.js'
import { FolderWatcher, diff, type Snapshot } from './support/data-folder.js'
import { fuzzMessage, seededRandom, type FuzzKind } from './support/fuzz-messages.js'
import { BotUnderTest } from './support/bot-under-test.js'

const SEED = Number(process.env.CHAOS_SEED ?? Math.floor(Math.random() * 2 ** 31))
const N = Number(process.env.FUZZ_N ?? 10_000)

interface Sender {
  role: 'coordinator' | 'representative' | 'admin' | 'stranger'
  contactId: string
  name: string
}

const SENDERS: Sender[] = [
  { role: 'coordinator', contactId: 'demo-c01', name: '刘芳' },
  { role: 'representative', contactId: 'demo-p01', name: '张明华' },
  { role: 'admin', contactId: 'demo-a01', name: '钱敏' },
  { role: 'stranger', contactId: 'x-stranger', name: '路人甲' },
]
const CHATS = [
  { kind: 'private' as const },
  { kind: 'own group' as const, roomId: 'demo-hpl@chatroom' },
  { kind: 'other group' as const, roomId: 'demo-qyl@chatroom' },
  { kind: 'unbound group' as const, roomId: 'x-unbound@chatroom' },
]

/**
 * Every issue record in a snapshot, by id: each partition's snapshot (`issues/<studio>/<year>.json`) with
 * its journal generations (`<year>.log.<n>`, one record per line) replayed over it in order, as the store
 * loads them.
 */
function issueRecords(snap: Snapshot): Map<string, string> {
  const out = new Map<string, string>()
  const files = [...snap.keys()].filter((f) => f.startsWith('issues')).sort((a, b) => {
    const gen = (f: string) => (f.endsWith('.json') ? -1 : Number(/\.log\.(\d+)$/.exec(f)?.[1] ?? 0))
    const base = (f: string) => f.replace(/\.(json|log\.\d+)$/, '')
    return base(a) < base(b) ? -1 : base(a) > base(b) ? 1 : gen(a) - gen(b)
  })
  for (const f of files) {
    const text = snap.get(f)!
    const records: { id: string }[] = f.endsWith('.json') ? JSON.parse(text).issues : text.split('\n').filter(Boolean).map((l) => JSON.parse(l))
    for (const r of records) out.set(r.id, JSON.stringify(r))
  }
  return out
}

/** Issue records (by id) added, changed or gone between two snapshots. */
function changedIssueIds(before: Snapshot, after: Snapshot): string[] {
  const a = issueRecords(before)
  const b = issueRecords(after)
  const ids = new Set<string>()
  for (const [id, v] of b) if (a.get(id) !== v) ids.add(id)
  for (const id of a.keys()) if (!b.has(id)) ids.add(id)
  return [...ids]
}

test(`fuzz: ${N} hostile messages from every role change nothing and crash nothing`, async () => {
  console.log(`fuzz seed=${SEED} (reproduce with CHAOS_SEED=${SEED}), ${N} messages`)
  const rejections: unknown[] = []
  const onRejection = (e: unknown) => rejections.push(e)
  process.on('unhandledRejection', onRejection)
  const h = await BotUnderTest.start({ now: '2026-11-23T10:00:00+08:00' })
  const watcher = new FolderWatcher(h.dir)
  const r = seededRandom(SEED)
  const names = h.app.dispatcher.names
  const byName = new Map(h.commands.map((c) => [c.name, c] as const))
  const knownIds: string[] = []
  const counts: Record<FuzzKind, number> = { random: 0, huge: 0, command: 0, mention: 0, 'near-valid': 0 }
  const outcome = { replied: 0, silent: 0, changed: 0, readOnly: 0, refused: 0, notRun: 0 }
  const failures: string[] = []
  const where = (i: number, text: string, s: Sender, chat: (typeof CHATS)[number]) =>
    `#${i} seed=${SEED} ${s.role} in ${chat.kind}: ${JSON.stringify(text.length > 300 ? text.slice(0, 300) + `…(${text.length} chars)` : text)}`
  try {
    let before = watcher.snapshot()
    for (let i = 0; i < N; i++) {
      const { kind, text } = fuzzMessage(r, { names, botNames: ['连心桥'], ids: () => knownIds })
      counts[kind]++
      const s = SENDERS[Math.floor(r() * SENDERS.length)]
      const chat = CHATS[Math.floor(r() * CHATS.length)]
      const logBefore = h.log.lines.length
      let replies: string[] = []
      let result: Awaited<ReturnType<BotUnderTest['deliver']>>['outcome'] = { kind: 'not-run' }
      try {
        const got = await h.deliver({
          id: `fuzz-${SEED}-${i}`,
          text,
          talkerId: s.contactId,
          talkerName: s.name,
          roomId: chat.roomId,
          mentions: r() < 0.1 ? ['demo-p02'] : [],
          mentionsBot: kind === 'mention' || r() < 0.05,
        })
        replies = got.replies
        result = got.outcome
      } catch (e) {
        failures.push(`onMessage threw ${(e as Error).message} — ${where(i, text, s, chat)}`)
      }
      if (result.kind === 'crashed') failures.push(`/${result.command} crashed: ${String((result.error as Error)?.stack ?? result.error).slice(0, 400)} — ${where(i, text, s, chat)}`)
      if (replies.length) outcome.replied++
      else outcome.silent++
      if (replies.some((t) => t === zh.common.genericError)) failures.push(`generic error reply — ${where(i, text, s, chat)}`)
      const errors = h.log.lines.slice(logBefore).filter((l) => / ERROR /.test(l))
      if (errors.length) failures.push(`error logged: ${errors[0].slice(0, 400)} — ${where(i, text, s, chat)}`)

      const after = watcher.snapshot()
      const files = diff(before, after)
      if (files.length) {
        const command = result.kind === 'success' ? byName.get(result.command) : undefined
        const ids = changedIssueIds(before, after)
        const replyText = replies.join('\n')
        const acknowledged = command?.mutates === true && ids.every((id) => replyText.includes(id))
        if (acknowledged) {
          outcome.changed++
          for (const id of ids) if (!knownIds.includes(id)) knownIds.push(id)
        } else {
          failures.push(`data changed (${files.join(', ')}; records ${ids.join(', ') || '—'}) by a message that ${result.kind === 'success' ? `succeeded (/${result.command}) without naming them` : result.kind === 'not-run' ? 'never reached a command' : `was ${result.kind} by /${result.command}`}: reply ${JSON.stringify(replyText.slice(0, 300))} — ${where(i, text, s, chat)}`)
        }
      } else if (result.kind === 'not-run') outcome.notRun++
      else if (result.kind === 'refused') outcome.refused++
      else if (result.kind === 'success') outcome.readOnly++
      before = after
      if (failures.length >= 20) break
    }
    // The detector itself: a change nobody asked for must show up.
    await h.store.state.set('counters', 'chaos-self-check', 1)
    expect(diff(before, watcher.snapshot()).length).toBeGreaterThan(0)
    // Give stray promises a chance to reject before counting.
    await new Promise((res) => setTimeout(res, 200))
  } finally {
    process.off('unhandledRejection', onRejection)
    await h.close()
  }
  console.log(
    `fuzz seed=${SEED}: ${N} messages tried (${counts.random} random, ${counts.huge} huge, ${counts.mention} mentions, ${counts.command} command-like with junk, ${counts['near-valid']} near-valid); ` +
      `${outcome.replied} answered, ${outcome.silent} ignored; ${outcome.notRun} stopped before any command ran, ${outcome.refused} refused by the command, ` +
      `${outcome.readOnly} succeeded without changing data, ${outcome.changed} succeeded with a change (${knownIds.length} issue records written, each named in its reply); ` +
      `${failures.length} failures, ${rejections.length} unhandled rejections`,
  )
  expect({ seed: SEED, failures: failures.slice(0, 20) }).toEqual({ seed: SEED, failures: [] })
  expect({ seed: SEED, rejections: rejections.map(String) }).toEqual({ seed: SEED, rejections: [] })
})
