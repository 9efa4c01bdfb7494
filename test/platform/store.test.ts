/**
 * The store's promises (README 数据布局): one fsynced log record per transaction; a failed write or a
 * throwing transaction leaves memory and disk as before, and the next write is durable and readable; a
 * torn last record is skipped and cut, any other damage refuses the open naming file and line; one
 * process per folder; compaction; file modes; the first store format is migrated.
 */
import { promises as fs, statSync, readdirSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Store, WriteError, emptyState, STATE_VERSION } from '../../src/platform/store/store.js'
import { StoreError, removeStaleTemps } from '../../src/platform/store/atomic-json-file.js'
import { LockError, LOCK_FILE } from '../../src/platform/store/data-lock.js'
import { hashOf } from '../../src/platform/store/wal.js'
import { failingFs } from '../support/failing-fs.js'
import { logRecords } from '../support/issues-on-disk.js'

let dir: string
const open: Store<any>[] = []

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'lxq-store-test-'))
})

afterEach(async () => {
  for (const s of open.splice(0)) await s.close({ compact: false }).catch(() => undefined)
  await fs.rm(dir, { recursive: true, force: true })
})

async function openStore(opts: Parameters<typeof Store.open>[1] = {}): Promise<Store<any>> {
  const s = await Store.open(dir, opts)
  open.push(s)
  return s
}

/** Closes without compaction, as a kill -9 leaves the folder (everything since the last snapshot in the log). */
async function crash(s: Store<any>): Promise<void> {
  await s.close({ compact: false })
}

async function openError(): Promise<StoreError> {
  try {
    await openStore()
  } catch (e) {
    expect(e).toBeInstanceOf(StoreError)
    return e as StoreError
  }
  throw new Error('Store.open succeeded on a folder it should have refused')
}

const logFiles = () => readdirSync(path.join(dir, 'journal')).filter((n) => n.endsWith('.log')).sort()
const lastLog = () => path.join(dir, 'journal', logFiles().at(-1)!)
const session = (id: string, duty: string[] = []) => ({ id, studioId: 'hpl', date: id.slice(4), time: '18:00', durationMinutes: 120, place: '', required: 2, duty, attendance: [], history: [] })

describe('transactions', () => {
  test('an empty folder opens empty and writes no data file until a change', async () => {
    const store = await openStore()
    expect(store.state.data).toEqual(emptyState())
    expect(readdirSync(dir)).toEqual([LOCK_FILE])
  })

  test('everything one transaction changes is one log record, with the message id; a new Store reads it back', async () => {
    const store = await openStore()
    await store.transaction(
      async () => {
        await store.state.set('contacts', 'wxid_1', { personId: 'p01', via: 'code', at: 1 })
        await store.state.set('markers', 'announce:hpl/2026-12-10', 2)
        await store.state.addOutbox([{ id: 'o1', to: { roomId: 'r1' }, text: '值班提醒', createdAt: 5 }])
        const part = await store.roster('hpl', 2026)
        part.data.sessions.push(session('hpl/2026-12-10', ['p01', 'p02']) as any)
        await part.commit()
        const part2 = await store.roster('hpl', 2027)
        part2.data.sessions.push(session('hpl/2027-01-11') as any)
        await part2.commit()
        const issues = await store.issues('hpl', 2026)
        const issue = { id: 'HP-2026-0001', studioId: 'hpl', status: 'registered', history: [] }
        issues.data.issues.push(issue as any)
        await issues.put(issue)
      },
      { msgId: 'wx-1' },
    )
    const records = logRecords(dir)
    expect(records).toHaveLength(1)
    expect(records[0].m).toBe('wx-1')
    expect(records[0].ops.map((o) => o.f ?? o.s).sort()).toEqual(['contacts', 'issues/hpl/2026', 'markers', 'outbox', 'roster/hpl/2026', 'roster/hpl/2027'])
    await crash(store)
    const again = await openStore()
    expect(again.state.data.bindings.contacts.wxid_1.personId).toBe('p01')
    expect(again.state.data.outbox.map((o) => o.id)).toEqual(['o1'])
    expect(again.state.data.seen).toEqual(['wx-1'])
    expect((await again.roster('hpl', 2027)).data.sessions.map((s) => s.id)).toEqual(['hpl/2027-01-11'])
    expect((await again.issues('hpl', 2026)).data.issues.map((i: any) => i.id)).toEqual(['HP-2026-0001'])
  })

  test('a transaction that throws changes nothing, in memory or on disk', async () => {
    const store = await openStore()
    await store.state.set('counters', 'c', 1)
    const part = await store.roster('hpl', 2026)
    part.data.sessions.push(session('hpl/2026-12-10') as any)
    await part.commit()
    const before = logRecords(dir).length
    await expect(
      store.transaction(async () => {
        await store.state.set('counters', 'c', 2)
        await store.state.set('counters', 'new', 1)
        part.data.sessions[0].duty = ['p09']
        await part.commit()
        throw new Error('refused')
      }),
    ).rejects.toThrow('refused')
    expect(store.state.data.counters).toEqual({ c: 1 })
    expect((await store.roster('hpl', 2026)).data.sessions[0].duty).toEqual([])
    expect(logRecords(dir)).toHaveLength(before)
  })

  test('reads and a transaction that changes nothing write nothing', async () => {
    const store = await openStore()
    await store.roster('hpl', 2026)
    await store.transaction(async () => undefined, { msgId: 'wx-chat' })
    expect(readdirSync(dir)).toEqual([LOCK_FILE])
    expect(store.state.data.seen).toEqual([])
  })

  test('concurrent transactions run one at a time (no lost update)', async () => {
    const store = await openStore()
    await Promise.all(
      Array.from({ length: 50 }, () =>
        store.transaction(async () => {
          const n = store.state.data.counters.n ?? 0
          await new Promise((r) => setImmediate(r))
          await store.state.set('counters', 'n', n + 1)
        }),
      ),
    )
    expect(store.state.data.counters.n).toBe(50)
    await crash(store)
    expect((await openStore()).state.data.counters.n).toBe(50)
  })
})

describe('group commit', () => {
  test('200 concurrent transactions all resolve durable, in far fewer log writes', async () => {
    const store = await openStore()
    const wal = (store as unknown as { wal: { appendLines: (l: Buffer[], at: number) => Promise<void> } }).wal
    const write = wal.appendLines.bind(wal)
    let writes = 0
    wal.appendLines = async (lines, at) => {
      writes++
      await new Promise((r) => setTimeout(r, 5))
      return write(lines, at)
    }
    const done = await Promise.all(Array.from({ length: 200 }, (_, i) => store.state.set('counters', `k${i}`, i).then(() => i)))
    expect(done).toHaveLength(200)
    expect(writes).toBeLessThan(50)
    expect(logRecords(dir)).toHaveLength(200)
    await crash(store)
    expect(Object.keys((await openStore()).state.data.counters)).toHaveLength(200)
  })

  test('a transaction built on one still being written fails with it, and both are undone', async () => {
    const ffs = failingFs()
    const store = await openStore({ walFs: ffs })
    await store.state.set('counters', 'n', 1)
    const wal = (store as unknown as { wal: { appendLines: (l: Buffer[], at: number) => Promise<void> } }).wal
    const write = wal.appendLines.bind(wal)
    let release!: () => void
    const gate = new Promise<void>((r) => (release = r))
    wal.appendLines = async (lines, at) => {
      await gate
      return write(lines, at)
    }
    const a = store.transaction(async () => store.state.set('counters', 'n', store.state.data.counters.n + 1))
    const b = store.transaction(async () => store.state.set('counters', 'n', store.state.data.counters.n + 1))
    const aDone = a.catch((e) => e)
    const bDone = b.catch((e) => e)
    await new Promise((r) => setTimeout(r, 20))
    ffs.failWith('ENOSPC')
    release()
    expect(await aDone).toBeInstanceOf(WriteError)
    expect(await bDone).toBeInstanceOf(WriteError)
    expect(store.state.data.counters.n).toBe(1)
    ffs.heal()
    await store.transaction(async () => store.state.set('counters', 'n', store.state.data.counters.n + 1))
    await crash(store)
    expect((await openStore()).state.data.counters.n).toBe(2)
  })
})

describe('a failed write (disk full, I/O error)', () => {
  test.each(['ENOSPC', 'EIO', 'EROFS'])('%s: WriteError, memory and disk as before, and the next write is durable and readable', async (code) => {
    const ffs = failingFs()
    const store = await openStore({ walFs: ffs })
    await store.state.set('counters', 'kept', 1)
    const sizeBefore = statSync(lastLog()).size
    ffs.failWith(code, { partial: true })
    const err = await store.state.set('counters', 'lost', 2).catch((e) => e)
    expect(err).toBeInstanceOf(WriteError)
    expect(err.code).toBe(code)
    expect(store.state.data.counters).toEqual({ kept: 1 })
    // The torn bytes were cut away.
    expect(statSync(lastLog()).size).toBe(sizeBefore)
    ffs.heal()
    await store.state.set('counters', 'after', 3)
    await crash(store)
    const again = await openStore()
    expect(again.state.data.counters).toEqual({ kept: 1, after: 3 })
  })

  test('where even the cut fails, the next write cuts first, so nothing torn is ever read back', async () => {
    const ffs = failingFs()
    const store = await openStore({ walFs: ffs })
    await store.state.set('counters', 'kept', 1)
    ffs.failWith('ENOSPC', { partial: true, truncateToo: true })
    await expect(store.state.set('counters', 'lost', 2)).rejects.toBeInstanceOf(WriteError)
    ffs.heal()
    await store.state.set('counters', 'after', 3)
    await crash(store)
    expect((await openStore()).state.data.counters).toEqual({ kept: 1, after: 3 })
  })

  test('the admins are told once per spell of failures', async () => {
    const ffs = failingFs()
    const store = await openStore({ walFs: ffs })
    ffs.failWith('ENOSPC')
    await expect(store.state.set('counters', 'a', 1)).rejects.toBeInstanceOf(WriteError)
    expect(store.takeFailureAlert()).toBe(true)
    await expect(store.state.set('counters', 'a', 1)).rejects.toBeInstanceOf(WriteError)
    expect(store.takeFailureAlert()).toBe(false)
    ffs.heal()
    await store.state.set('counters', 'a', 1)
    ffs.failWith('ENOSPC')
    await expect(store.state.set('counters', 'b', 1)).rejects.toBeInstanceOf(WriteError)
    expect(store.takeFailureAlert()).toBe(true)
  })
})

describe('damaged data', () => {
  async function withLog(lines: string[]): Promise<string> {
    await fs.mkdir(path.join(dir, 'journal'), { recursive: true })
    const file = path.join(dir, 'journal', '000001.log')
    await fs.writeFile(file, lines.join(''))
    return file
  }
  const line = (rec: unknown) => {
    const json = JSON.stringify(rec)
    return `${hashOf(json)} ${json}\n`
  }
  const good = (n: number, k = `k${n}`) => line({ v: 1, n, at: 0, ops: [{ s: 'counters', k, v: n }] })

  test('a torn last record (an interrupted append) is skipped, reported, and cut', async () => {
    const file = await withLog([good(1), good(2), good(3).slice(0, 20)])
    const notices: string[] = []
    const store = await openStore({ onNotice: (e) => notices.push(e) })
    expect(store.state.data.counters).toEqual({ k1: 1, k2: 2 })
    expect(notices).toEqual(['torn tail skipped'])
    expect(await fs.readFile(file, 'utf8')).toBe(good(1) + good(2))
  })

  test.each([
    ['a bad line in the middle', [good(1), 'garbage\n', good(3)], 2],
    ['a line whose hash does not match', [good(1), good(2).replace('"k2"', '"k9"'), good(3)], 2],
    ['a record of the wrong shape', [good(1), line(null), good(3)], 2],
    ['a record with an id only', [good(1), line({ id: 'HP-2026-0004' }), good(3)], 2],
    ['a state op of the wrong shape', [good(1), line({ v: 1, n: 2, at: 0, ops: [{ s: 'contacts', k: 'x', v: 'not a binding' }] })], 2],
  ])('%s refuses the open, naming the file and the line, and leaves it as it was', async (_, lines, lineNo) => {
    const file = await withLog(lines as string[])
    const before = await fs.readFile(file, 'utf8')
    const e = await openError()
    expect(e.file).toBe(file)
    expect(e.message).toContain(`第 ${lineNo} 行`)
    expect(e.message).toContain(file)
    expect(await fs.readFile(file, 'utf8')).toBe(before)
  })

  test('a partition record of the wrong shape in the log is refused when that partition loads', async () => {
    await withLog([line({ v: 1, n: 1, at: 0, ops: [{ f: 'roster/hpl/2026', d: { version: 1, sessions: 'oops', swaps: [] } }] })])
    const store = await openStore()
    await expect(store.roster('hpl', 2026)).rejects.toThrow(/第 1 行/)
  })

  test.each([
    ['cut in half', (t: string) => t.slice(0, Math.floor(t.length / 2))],
    ['empty', () => ''],
    ['random bytes', () => '\u0000\u00ff\u0013garbage'],
  ])('a snapshot %s refuses the open (state) or the load (a partition of any year), and is left as it was', async (_, damage) => {
    const store = await openStore()
    await store.state.set('counters', 'a', 1)
    const part = await store.roster('hpl', 2019)
    part.data.sessions.push(session('hpl/2019-05-10') as any)
    await part.commit()
    await store.close()
    const stateFile = path.join(dir, 'state.json')
    const rosterFile = path.join(dir, 'roster', 'hpl', '2019.json')
    const stateText = await fs.readFile(stateFile, 'utf8')
    await fs.writeFile(rosterFile, damage(await fs.readFile(rosterFile, 'utf8')))
    const again = await openStore()
    await expect(again.roster('hpl', 2019)).rejects.toBeInstanceOf(StoreError)
    await again.close({ compact: false })
    await fs.writeFile(stateFile, damage(stateText))
    const e = await openError()
    expect(e.file).toBe(stateFile)
    expect(await fs.readFile(stateFile, 'utf8')).toBe(damage(stateText))
  })

  test('an unknown snapshot version is refused', async () => {
    await fs.writeFile(path.join(dir, 'state.json'), JSON.stringify({ ...emptyState(), version: 99 }))
    expect((await openError()).message).toContain('版本未知（99')
  })

  test('a crash between temp write and rename: the good file is read and the temp removed', async () => {
    const good = { ...emptyState(), version: STATE_VERSION, counters: { n: 3 } }
    await fs.writeFile(path.join(dir, 'state.json'), JSON.stringify(good))
    await fs.writeFile(path.join(dir, '.state.json.123.1.tmp'), '{"version":1,"bindi')
    const store = await openStore()
    expect(store.state.data.counters).toEqual({ n: 3 })
    expect(readdirSync(dir).sort()).toEqual([LOCK_FILE, 'state.json'])
    expect(await removeStaleTemps(path.join(dir, 'missing'))).toBe(0)
  })
})

describe('one process per data folder', () => {
  test('a second writer is refused, naming the holder; a read-only open works beside it', async () => {
    const store = await openStore()
    await store.state.set('counters', 'n', 1)
    // Another process's lock (pid 1 is alive on every machine and is not us).
    await store.close()
    await fs.writeFile(path.join(dir, LOCK_FILE), JSON.stringify({ pid: 1, host: os.hostname(), startedAt: 0, command: 'tsx src/main.ts' }))
    const e = await Store.open(dir).catch((x) => x)
    expect(e).toBeInstanceOf(LockError)
    expect(e.message).toContain('进程 1')
    expect(e.message).toContain('tsx src/main.ts')
    const reader = await Store.open(dir, { readOnly: true })
    expect(reader.state.data.counters.n).toBe(1)
    await expect(reader.transaction(async () => undefined)).rejects.toThrow('read-only')
  })

  test('a stale lock (its holder gone) is taken over', async () => {
    await fs.writeFile(path.join(dir, LOCK_FILE), JSON.stringify({ pid: 2 ** 22 + 12345, host: os.hostname(), startedAt: 0, command: 'x' }))
    const store = await openStore()
    await store.state.set('counters', 'n', 1)
    await store.close()
    expect(readdirSync(dir)).not.toContain(LOCK_FILE)
  })
})

describe('compaction', () => {
  test('by size: snapshots are written, older log generations deleted, nothing lost', async () => {
    const store = await openStore({ compactBytes: 2000 })
    for (let i = 0; i < 40; i++) await store.state.set('counters', `k${i}`, i)
    await store.settle()
    expect(store.stats.compactions).toBeGreaterThan(0)
    expect(logFiles().length).toBeLessThanOrEqual(2)
    await crash(store)
    const again = await openStore()
    expect(Object.keys(again.state.data.counters)).toHaveLength(40)
  })

  test('at graceful shutdown the log is folded into the snapshots', async () => {
    const store = await openStore()
    const part = await store.roster('hpl', 2026)
    part.data.sessions.push(session('hpl/2026-12-10') as any)
    await part.commit()
    await store.close()
    expect(logFiles().every((f) => statSync(path.join(dir, 'journal', f)).size === 0)).toBe(true)
    expect(JSON.parse(await fs.readFile(path.join(dir, 'roster', 'hpl', '2026.json'), 'utf8')).sessions).toHaveLength(1)
  })

  test('by age', async () => {
    let now = 0
    const store = await openStore({ compactAgeMs: 60_000, now: () => now })
    await store.state.set('counters', 'a', 1)
    now = 61_000
    await store.state.set('counters', 'b', 1)
    await store.settle()
    expect(store.stats.compactions).toBe(1)
  })
})

test('data files are 0600 and folders 0700', async () => {
  const store = await openStore({ compactBytes: 1 })
  const part = await store.roster('hpl', 2026)
  part.data.sessions.push(session('hpl/2026-12-10') as any)
  await part.commit()
  await store.settle()
  await store.state.set('counters', 'n', 1)
  const walk = (d: string): string[] => readdirSync(d).flatMap((n) => (statSync(path.join(d, n)).isDirectory() ? [path.join(d, n), ...walk(path.join(d, n))] : [path.join(d, n)]))
  const all = [dir, ...walk(dir)]
  expect(all.length).toBeGreaterThan(5)
  for (const p of all) expect([p, (statSync(p).mode & 0o777).toString(8)]).toEqual([p, statSync(p).isDirectory() ? '700' : '600'])
})

test('a data folder of the first format (per-partition journals) is read, and migrated at the next compaction', async () => {
  await fs.mkdir(path.join(dir, 'issues', 'hpl'), { recursive: true })
  await fs.writeFile(path.join(dir, 'issues', 'hpl', '2026.json'), JSON.stringify({ version: 1, issues: [{ id: 'HP-2026-0001', studioId: 'hpl', status: 'registered', history: [] }] }))
  await fs.writeFile(path.join(dir, 'issues', 'hpl', '2026.log.1'), JSON.stringify({ id: 'HP-2026-0001', studioId: 'hpl', status: 'transferred', history: [] }) + '\n' + JSON.stringify({ id: 'HP-2026-0002', studioId: 'hpl', status: 'registered', history: [] }) + '\n')
  const store = await openStore()
  expect((await store.listPartitions('issues'))).toEqual([{ studioId: 'hpl', year: 2026 }])
  expect((await store.issues('hpl', 2026)).data.issues.map((i: any) => [i.id, i.status])).toEqual([['HP-2026-0001', 'transferred'], ['HP-2026-0002', 'registered']])
  await store.close()
  expect(readdirSync(path.join(dir, 'issues', 'hpl'))).toEqual(['2026.json'])
  const again = await openStore()
  expect((await again.issues('hpl', 2026)).data.issues).toHaveLength(2)
})
