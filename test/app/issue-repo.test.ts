/**
 * IssueRepo on a real data folder: what is loaded at start-up, what the background scan finds in older
 * years, sequences (max + 1 per studio-year, never reused, no collisions under concurrency), and the
 * message ids handed to the replay guard.
 */
import { promises as fs } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Store, ISSUES_VERSION, WriteError } from '../../src/platform/store/store.js'
import { IssueRepo } from '../../src/app/issue-repo.js'
import { failingFs } from '../support/failing-fs.js'
import { memoryLogger } from '../../src/platform/logger.js'
import { createWorkingCalendar } from '../../src/domain/calendar/working-calendar.js'
import { createIssue, applyIssueAction } from '../../src/domain/issues/issue-machine.js'
import type { Intake, Issue } from '../../src/domain/issues/issue.js'
import { toLocalDate } from '../../src/domain/time/local-date.js'
import { issuesOnDisk, folderContents } from '../support/issues-on-disk.js'

const days = createWorkingCalendar()
const NOW = Date.parse('2026-12-10T18:30:00+08:00')
const PREFIXES: Record<string, string> = { HP: 'hpl', QY: 'qyl' }
const intake: Intake = { constituent: { name: '王大爷', phone: '13812345678' }, content: '楼道灯坏了', category: '物业管理', categoryGuessed: true }

let dir: string
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'lxq-repo-test-'))
})
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true })
})

const open = async (now = NOW) => IssueRepo.open(await Store.open(dir, { fsync: false }), { now, log: memoryLogger(), studioOfPrefix: (p) => PREFIXES[p] })

/** An issue as the bot would have stored it, registered at `at`, optionally answered and archived. */
function made(seq: number, at: number, o: { closed?: boolean; msgId?: string; prefix?: string; studioId?: string } = {}): Issue {
  const today = toLocalDate(at)
  const r = createIssue(intake, { studioId: o.studioId ?? 'hpl', prefix: o.prefix ?? 'HP', seq, at, by: 'p01', today, dutyReps: ['p01'], msgId: o.msgId ?? `m-${seq}-${at}`, days })
  if (!r.ok) throw new Error(r.code)
  if (!o.closed) return r.value
  const ctx = { at: at + 1000, by: 'c01', today, days }
  const answered = applyIssueAction(r.value, { type: 'answer', text: '已修好' }, ctx)
  if (!answered.ok) throw new Error(answered.code)
  const rated = applyIssueAction(answered.value, { type: 'feedback', rating: '满意' }, { ...ctx, at: at + 2000 })
  if (!rated.ok) throw new Error(rated.code)
  const archived = applyIssueAction(rated.value, { type: 'archive' }, { ...ctx, at: at + 3000 })
  if (!archived.ok) throw new Error(archived.code)
  return archived.value
}

async function writePartition(studioId: string, year: number, issues: Issue[]): Promise<void> {
  const folder = path.join(dir, 'issues', studioId)
  await fs.mkdir(folder, { recursive: true })
  await fs.writeFile(path.join(folder, `${year}.json`), JSON.stringify({ version: ISSUES_VERSION, issues }))
}

const at = (iso: string) => Date.parse(iso)

test('the next sequence is the highest in the partition + 1, even with gaps; another studio-year starts at 1', async () => {
  await writePartition('hpl', 2026, [made(1, at('2026-03-01T10:00:00+08:00')), made(7, at('2026-03-02T10:00:00+08:00'))])
  const repo = await open()
  const r = await repo.register({ id: 'hpl', prefix: 'HP' }, intake, { at: NOW, by: 'p01', today: '2026-12-10', dutyReps: ['p01'], days })
  expect(r.ok && r.value.id).toBe('HP-2026-0008')
  const q = await repo.register({ id: 'qyl', prefix: 'QY' }, intake, { at: NOW, by: 'p06', today: '2026-12-10', dutyReps: ['p06'], days })
  expect(q.ok && q.value.id).toBe('QY-2026-0001')
  const next = await repo.register({ id: 'hpl', prefix: 'HP' }, intake, { at: NOW, by: 'p01', today: '2027-01-04', dutyReps: ['p01'], days })
  expect(next.ok && next.value.id).toBe('HP-2027-0001')
})

test('50 registrations at once get 50 different ids, all on disk', async () => {
  const repo = await open()
  const results = await Promise.all(
    Array.from({ length: 50 }, (_, i) => repo.register({ id: 'hpl', prefix: 'HP' }, intake, { at: NOW + i, by: 'p01', today: '2026-12-10', dutyReps: ['p01'], msgId: `burst-${i}`, days })),
  )
  const ids = results.map((r) => (r.ok ? r.value.id : r.code))
  expect(new Set(ids).size).toBe(50)
  const stored = issuesOnDisk<Issue>(dir, 'hpl', 2026)
  expect(stored.map((i) => i.id).sort()).toEqual([...ids].sort())
})

test('older years: open issues are found by the background scan, closed ones are read on demand, and an old open one can still be handled', async () => {
  const old = made(3, at('2019-05-06T10:00:00+08:00'))
  const closed = made(4, at('2019-05-07T10:00:00+08:00'), { closed: true })
  await writePartition('hpl', 2019, [old, closed])
  await writePartition('hpl', 2025, [made(1, at('2025-06-01T10:00:00+08:00'), { closed: true })])
  const repo = await open()
  await repo.scanned
  expect((await repo.openIssues('hpl')).map((i) => i.id)).toEqual(['HP-2019-0003'])
  expect((await repo.get('HP-2019-0004'))?.status).toBe('archived')
  expect((await repo.get('HP-2025-0001'))?.status).toBe('archived')
  expect(await repo.get('HP-2019-0009')).toBeUndefined()
  expect(await repo.get('ZZ-2019-0001')).toBeUndefined()
  const answered = await repo.apply('HP-2019-0003', { type: 'answer', text: '已处理' }, { at: NOW, by: 'c01', today: '2026-12-10', msgId: 'late-1', days })
  expect(answered.ok && answered.value.status).toBe('answered')
  const reopened = await open()
  await reopened.scanned
  expect((await reopened.get('HP-2019-0003'))?.status).toBe('answered')
  expect((await reopened.registeredBy('p01')).map((i) => i.id)).toEqual(['HP-2019-0003'])
  await reopened.verified
})

test('only the current year is loaded before start-up completes; earlier years are scanned afterwards', async () => {
  await writePartition('hpl', 2019, [made(1, at('2019-05-06T10:00:00+08:00'), { closed: true })])
  await writePartition('hpl', 2025, [made(1, at('2025-05-06T10:00:00+08:00'), { closed: true })])
  await writePartition('hpl', 2026, [made(1, at('2026-05-06T10:00:00+08:00'))])
  const log = memoryLogger()
  const repo = await IssueRepo.open(await Store.open(dir, { fsync: false }), { now: NOW, log, studioOfPrefix: (p) => PREFIXES[p] })
  await repo.verified
  expect(log.lines.find((l) => l.includes('issues loaded'))).toContain('"partitions":1,"issues":1,"olderPartitions":2')
})

test('a refused step writes nothing; an accepted one is on disk when apply resolves', async () => {
  await writePartition('hpl', 2026, [made(1, at('2026-12-01T10:00:00+08:00'))])
  const folder = path.join(dir, 'issues', 'hpl')
  const before = folderContents(folder)
  const repo = await open()
  const refused = await repo.apply('HP-2026-0001', { type: 'archive' }, { at: NOW, by: 'c01', today: '2026-12-10', days })
  expect(refused).toEqual({ ok: false, code: 'archive_before_answer' })
  expect(await repo.apply('HP-2026-0099', { type: 'archive' }, { at: NOW, by: 'c01', today: '2026-12-10', days })).toEqual({ ok: false, code: 'not_found' })
  expect(folderContents(folder)).toEqual(before)
  await repo.apply('HP-2026-0001', { type: 'correct', fields: { content: '楼道灯坏了一个月' } }, { at: NOW, by: 'c01', today: '2026-12-10', days }, { reason: '群众补充' })
  const stored = issuesOnDisk<Issue>(dir, 'hpl', 2026)[0]
  expect(stored.content).toBe('楼道灯坏了一个月')
  expect(stored.history.at(-1)).toMatchObject({ kind: 'correct', reason: '群众补充' })
})

test('a write that fails takes the change back: nothing registered, nothing changed, the next id is still free', async () => {
  const ffs = failingFs()
  const store = await Store.open(dir, { fsync: false, walFs: ffs })
  const repo = await IssueRepo.open(store, { now: NOW, log: memoryLogger(), studioOfPrefix: (p) => PREFIXES[p] })
  const meta = { at: NOW, by: 'p01', today: '2026-12-10', dutyReps: ['p01'], days }
  const first = await repo.register({ id: 'hpl', prefix: 'HP' }, intake, meta)
  expect(first.ok).toBe(true)
  ffs.failWith('ENOSPC', { partial: true })
  await expect(repo.register({ id: 'hpl', prefix: 'HP' }, intake, meta)).rejects.toBeInstanceOf(WriteError)
  await expect(repo.apply('HP-2026-0001', { type: 'answer', text: '已修好' }, { at: NOW, by: 'c01', today: '2026-12-10', days })).rejects.toBeInstanceOf(WriteError)
  expect(await repo.get('HP-2026-0002')).toBeUndefined()
  expect((await repo.get('HP-2026-0001'))?.status).toBe('registered')
  expect((await repo.openIssues('hpl')).map((i) => i.id)).toEqual(['HP-2026-0001'])
  ffs.heal()
  const again = await repo.register({ id: 'hpl', prefix: 'HP' }, intake, meta)
  expect(again.ok && again.value.id).toBe('HP-2026-0002')
  const stored = issuesOnDisk<Issue>(dir, 'hpl', 2026)
  expect(stored.map((i) => [i.id, i.status])).toEqual([['HP-2026-0001', 'registered'], ['HP-2026-0002', 'registered']])
})

describe('the cache of older years’ open issues (cache/open-issues.json)', () => {
  const openLogged = async () => {
    const log = memoryLogger()
    const repo = await IssueRepo.open(await Store.open(dir, { fsync: false }), { now: NOW, log, studioOfPrefix: (p) => PREFIXES[p] })
    return { repo, log, known: () => log.lines.find((l) => l.includes('open issues of older years known')) ?? '' }
  }
  const cacheFile = () => path.join(dir, 'cache', 'open-issues.json')

  beforeEach(async () => {
    await writePartition('hpl', 2019, [made(3, at('2019-05-06T10:00:00+08:00')), made(4, at('2019-05-07T10:00:00+08:00'), { closed: true })])
    await writePartition('qyl', 2024, [made(1, at('2024-03-04T10:00:00+08:00'), { prefix: 'QY', studioId: 'qyl' })])
  })

  test('a second start takes the unchanged partitions from the cache, and they are what the files say', async () => {
    const first = await openLogged()
    await first.repo.verified
    expect(first.known()).toContain('"fromCache":0,"read":2')
    const second = await openLogged()
    await second.repo.scanned
    expect(second.known()).toContain('"fromCache":2,"read":0')
    expect((await second.repo.openIssues()).map((i) => i.id).sort()).toEqual(['HP-2019-0003', 'QY-2024-0001'])
    expect((await second.repo.registeredBy('p01')).map((i) => i.id).sort()).toEqual(['HP-2019-0003', 'QY-2024-0001'])
  })

  test('the cache is what is used: an entry that disagrees with an unchanged file shows until the file is read again, then it is corrected', async () => {
    const first = await openLogged()
    await first.repo.verified
    const cache = JSON.parse(await fs.readFile(cacheFile(), 'utf8'))
    cache.entries['hpl/2019'].open = []
    await fs.writeFile(cacheFile(), JSON.stringify(cache))
    const second = await openLogged()
    await second.repo.scanned
    expect((await second.repo.openIssues('hpl')).map((i) => i.id)).toEqual([])
    await second.repo.verified
    expect((await second.repo.openIssues('hpl')).map((i) => i.id)).toEqual(['HP-2019-0003'])
  })

  test('a partition rewritten since is read again before the open issues count as known', async () => {
    await (await openLogged()).repo.verified
    await writePartition('hpl', 2019, [made(3, at('2019-05-06T10:00:00+08:00'), { closed: true }), made(4, at('2019-05-07T10:00:00+08:00'), { closed: true })])
    const second = await openLogged()
    await second.repo.scanned
    expect(second.known()).toContain('"fromCache":1,"read":1')
    expect((await second.repo.openIssues()).map((i) => i.id)).toEqual(['QY-2024-0001'])
    await second.repo.verified
  })

  test('a step on an older issue (in the log, not yet compacted) makes its partition be read again', async () => {
    const first = await openLogged()
    await first.repo.verified
    const r = await first.repo.apply('HP-2019-0003', { type: 'withdraw', reason: '重复登记' }, { at: NOW, by: 'c01', today: '2026-12-10', days })
    expect(r.ok).toBe(true)
    const second = await openLogged()
    await second.repo.scanned
    expect(second.known()).toContain('"fromCache":1,"read":1')
    expect((await second.repo.openIssues()).map((i) => i.id)).toEqual(['QY-2024-0001'])
    await second.repo.verified
  })

  test('a damaged or foreign cache file is ignored: every partition is read', async () => {
    await (await openLogged()).repo.verified
    for (const body of ['{"version":1,"entries":', '{"version":2,"entries":{}}', '[]']) {
      await fs.writeFile(cacheFile(), body)
      const again = await openLogged()
      await again.repo.scanned
      expect(again.known()).toContain('"fromCache":0,"read":2')
      expect((await again.repo.openIssues()).map((i) => i.id).sort()).toEqual(['HP-2019-0003', 'QY-2024-0001'])
      await again.repo.verified
    }
  })
})
