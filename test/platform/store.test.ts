import { promises as fs } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Adapter } from 'lowdb'
import { Store, STATE_VERSION, emptyState } from '../../src/platform/store/store.js'
import { StoreError, removeStaleTemps } from '../../src/platform/store/atomic-json-file.js'
import { Partition } from '../../src/platform/store/partition.js'

let dir: string

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'lxq-store-test-'))
})

afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true })
})

const stateFile = () => path.join(dir, 'state.json')
const readJson = async (file: string) => JSON.parse(await fs.readFile(file, 'utf8'))

/** Resolves to the StoreError `Store.open` threw (fails the test if it opened). */
async function openError(): Promise<StoreError> {
  try {
    await Store.open(dir)
  } catch (e) {
    expect(e).toBeInstanceOf(StoreError)
    return e as StoreError
  }
  throw new Error('Store.open succeeded on a file it should have refused')
}

/** Counts db.write calls and the most that were in flight at once. */
function countWrites<T>(part: Partition<T>) {
  const counts = { writes: 0, inFlight: 0, maxInFlight: 0 }
  const original = part.db.write.bind(part.db)
  part.db.write = async () => {
    counts.writes++
    counts.inFlight++
    counts.maxInFlight = Math.max(counts.maxInFlight, counts.inFlight)
    try {
      await original()
    } finally {
      counts.inFlight--
    }
  }
  return counts
}

describe('state.json', () => {
  test('an empty folder opens with the empty state and writes nothing until a change', async () => {
    const store = await Store.open(dir)
    expect(store.state.data).toEqual(emptyState())
    await expect(fs.access(stateFile())).rejects.toThrow()
  })

  test('round trip: what was committed is what a new Store reads', async () => {
    const store = await Store.open(dir)
    await store.state.mutate((s) => {
      s.bindings.contacts['wxid_1'] = { personId: 'p01', via: 'code', at: 1_700_000_000_000 }
      s.bindings.rooms['demo-hpl@chatroom'] = 'hpl'
      s.markers['announce:hpl:2026-12-10'] = 1_700_000_000_001
      s.outbox.push({ id: 'o1', to: { roomId: 'demo-hpl@chatroom' }, text: '值班提醒：张明华、李秀兰', mentions: ['wxid_1'], createdAt: 5 })
      s.counters['HP-2026'] = 7
      s.seen.push('msg-1')
    })
    const again = await Store.open(dir)
    expect(again.state.data).toEqual(store.state.data)
    expect(again.state.data.bindings.contacts['wxid_1'].personId).toBe('p01')
    expect((await readJson(stateFile())).version).toBe(STATE_VERSION)
  })

  test('a corrupt state.json (bad JSON) stops Store.open and is left byte for byte as it was', async () => {
    const bytes = Buffer.from('{"version":1,"bindings":{"contacts":{}, "rooms"', 'utf8')
    await fs.writeFile(stateFile(), bytes)
    const e = await openError()
    expect(e.file).toBe(stateFile())
    expect(e.message).toContain('不是有效的 JSON')
    expect(e.message).toContain(stateFile())
    expect((await fs.readFile(stateFile())).equals(bytes)).toBe(true)
  })

  test('an unknown version stops Store.open and the file is left as it was', async () => {
    const text = JSON.stringify({ ...emptyState(), version: 99 })
    await fs.writeFile(stateFile(), text)
    const e = await openError()
    expect(e.message).toContain('版本未知（99')
    expect(await fs.readFile(stateFile(), 'utf8')).toBe(text)
  })

  test('a file of the right version but the wrong shape stops Store.open', async () => {
    const text = JSON.stringify({ version: STATE_VERSION, bindings: { contacts: {}, rooms: {} }, markers: 'oops' })
    await fs.writeFile(stateFile(), text)
    const e = await openError()
    expect(e.message).toContain('结构不对')
    expect(await fs.readFile(stateFile(), 'utf8')).toBe(text)
  })

  test('a crash between temp write and rename: the good file is read and the temp removed', async () => {
    const good = { ...emptyState(), counters: { 'HP-2026': 3 } }
    await fs.writeFile(stateFile(), JSON.stringify(good))
    const temp = path.join(dir, '.state.json.123.1.tmp')
    await fs.writeFile(temp, '{"version":1,"bindi') // half-written garbage
    const store = await Store.open(dir)
    expect(store.state.data).toEqual(good)
    expect(await fs.readdir(dir)).toEqual(['state.json'])
  })

  test('removeStaleTemps removes only dot-named .tmp files', async () => {
    await fs.writeFile(path.join(dir, '.state.json.1.1.tmp'), 'x')
    await fs.writeFile(path.join(dir, 'notes.tmp'), 'x')
    await fs.writeFile(path.join(dir, '.keep'), 'x')
    expect(await removeStaleTemps(dir)).toBe(1)
    expect((await fs.readdir(dir)).sort()).toEqual(['.keep', 'notes.tmp'])
    expect(await removeStaleTemps(path.join(dir, 'missing'))).toBe(0)
  })
})

describe('group commit', () => {
  test('200 concurrent mutations all resolve, all are on disk, in fewer than 200 writes', async () => {
    const store = await Store.open(dir)
    const counts = countWrites(store.state)
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) => store.state.mutate((s) => {
        s.markers[`m${i}`] = i
        return i
      })),
    )
    expect(results).toEqual(Array.from({ length: 200 }, (_, i) => i))
    const onDisk = await readJson(stateFile())
    expect(Object.keys(onDisk.markers)).toHaveLength(200)
    for (let i = 0; i < 200; i++) expect(onDisk.markers[`m${i}`]).toBe(i)
    expect(counts.writes).toBeGreaterThanOrEqual(1)
    expect(counts.writes).toBeLessThan(200)
    expect(counts.maxInFlight).toBe(1)
  })

  test('mutations arriving while a write is on its way share the next write; writes never overlap', async () => {
    const store = await Store.open(dir)
    const counts = countWrites(store.state)
    const pending: Promise<unknown>[] = []
    for (let wave = 0; wave < 10; wave++) {
      for (let i = 0; i < 20; i++) pending.push(store.state.mutate((s) => void (s.counters[`w${wave}`] = (s.counters[`w${wave}`] ?? 0) + 1)))
      await new Promise((r) => setImmediate(r)) // let a write start before the next wave
    }
    await Promise.all(pending)
    expect(counts.maxInFlight).toBe(1)
    expect(counts.writes).toBeLessThan(200)
    // The last write on disk is the newest data: everything in memory.
    expect(await readJson(stateFile())).toEqual(store.state.data)
    for (let wave = 0; wave < 10; wave++) expect(store.state.data.counters[`w${wave}`]).toBe(20)
  })

  test('no caller is told "saved" before its change is on disk (slow adapter)', async () => {
    let disk = ''
    let writes = 0
    const slow: Adapter<{ version: number; items: number[] }> = {
      read: async () => null,
      write: async (data) => {
        writes++
        const snapshot = JSON.stringify(data) // serialised when the write starts
        await new Promise((r) => setTimeout(r, 5))
        disk = snapshot
      },
    }
    const part = new Partition(slow, { version: 1, items: [] as number[] })
    const violations: number[] = []
    const all: Promise<void>[] = []
    for (let i = 0; i < 60; i++) {
      all.push(part.mutate((d) => void d.items.push(i)).then(() => {
        if (!(JSON.parse(disk) as { items: number[] }).items.includes(i)) violations.push(i)
      }))
      if (i % 7 === 0) await new Promise((r) => setTimeout(r, 2))
    }
    await Promise.all(all)
    expect(violations).toEqual([])
    expect(writes).toBeLessThan(60)
    expect(JSON.parse(disk).items).toEqual(Array.from({ length: 60 }, (_, i) => i))
  })

  test('a failed write rejects its callers, and the next write still goes out', async () => {
    let fail = true
    let disk = ''
    const flaky: Adapter<{ version: number; n: number }> = {
      read: async () => null,
      write: async (data) => {
        if (fail) throw new Error('disk full')
        disk = JSON.stringify(data)
      },
    }
    const part = new Partition(flaky, { version: 1, n: 0 })
    await expect(part.mutate((d) => void d.n++)).rejects.toThrow('disk full')
    fail = false
    await part.mutate((d) => void d.n++)
    expect(JSON.parse(disk)).toEqual({ version: 1, n: 2 })
  })
})

describe('roster and issue partitions', () => {
  test('load lazily, are cached, and create a file only when changed', async () => {
    const store = await Store.open(dir)
    const roster = await store.roster('hpl', 2026)
    expect(await store.roster('hpl', 2026)).toBe(roster)
    expect(roster.data).toEqual({ version: 1, sessions: [], swaps: [] })
    await expect(fs.access(path.join(dir, 'roster'))).rejects.toThrow()
    await roster.mutate((r) => void r.sessions.push({ id: 's1', studioId: 'hpl', date: '2026-12-10', duty: ['p01', 'p02'], history: [] } as never))
    expect((await readJson(path.join(dir, 'roster', 'hpl', '2026.json'))).sessions).toHaveLength(1)

    const issues = await store.issues('qyl', 2027)
    await issues.mutate((d) => void d.issues.push({ id: 'QY-2027-0001', studioId: 'qyl', status: 'open', history: [] }))
    await store.issues('hpl', 2026) // opened, never changed: no file

    const again = await Store.open(dir)
    expect((await again.roster('hpl', 2026)).data.sessions.map((s) => s.id)).toEqual(['s1'])
    expect(await again.peekIssues('qyl', 2027)).toEqual([{ id: 'QY-2027-0001', studioId: 'qyl', status: 'open', history: [] }])
    expect(await again.peekIssues('qyl', 2020)).toEqual([])
  })

  test('listPartitions names the studio-years on disk, sorted, ignoring strays and removing stale temps', async () => {
    const store = await Store.open(dir)
    for (const [studio, year] of [['xbl', 2026], ['hpl', 2027], ['hpl', 2026]] as const) {
      await (await store.issues(studio, year)).mutate((d) => void d.issues.push({ id: `${studio}-${year}`, studioId: studio, status: 'open', history: [] }))
    }
    await (await store.roster('qyl', 2026)).mutate((r) => void (r.sessions = []))
    await fs.writeFile(path.join(dir, 'issues', 'hpl', '.2028.json.99.1.tmp'), 'garbage')
    await fs.writeFile(path.join(dir, 'issues', 'hpl', 'notes.txt'), 'not a partition')
    await fs.writeFile(path.join(dir, 'issues', '.DS_Store'), 'a stray file beside the studio folders')
    expect(await store.listPartitions('issues')).toEqual([
      { studioId: 'hpl', year: 2026 },
      { studioId: 'hpl', year: 2027 },
      { studioId: 'xbl', year: 2026 },
    ])
    expect(await store.listPartitions('roster')).toEqual([{ studioId: 'qyl', year: 2026 }])
    expect((await fs.readdir(path.join(dir, 'issues', 'hpl'))).sort()).toEqual(['2026.json', '2027.json', 'notes.txt'])
  })

  test('listPartitions on a fresh folder is empty', async () => {
    const store = await Store.open(dir)
    expect(await store.listPartitions('roster')).toEqual([])
  })

  test('listPartitions while a write is on its way never deletes that write\'s temp file', async () => {
    const store = await Store.open(dir)
    const part = await store.issues('hpl', 2026)
    let stop = false
    const lister = (async () => {
      while (!stop) await store.listPartitions('issues')
    })()
    const outcomes: string[] = []
    try {
      for (let i = 0; i < 40; i++) {
        outcomes.push(await part.mutate((d) => void d.issues.push({ id: String(i), studioId: 'hpl', status: 'open', history: [] })).then(() => 'ok', (e: Error) => e.message))
      }
    } finally {
      stop = true
      await lister
    }
    expect(outcomes.filter((o) => o !== 'ok')).toEqual([])
    expect((await readJson(path.join(dir, 'issues', 'hpl', '2026.json'))).issues).toHaveLength(40)
  })

  test('a corrupt partition is refused, left as it was, and retried on the next call', async () => {
    const store = await Store.open(dir)
    const file = path.join(dir, 'roster', 'hpl', '2026.json')
    await fs.mkdir(path.dirname(file), { recursive: true })
    await fs.writeFile(file, 'not json')
    await expect(store.roster('hpl', 2026)).rejects.toBeInstanceOf(StoreError)
    expect(await fs.readFile(file, 'utf8')).toBe('not json')
    await fs.writeFile(file, JSON.stringify({ version: 1, sessions: [], swaps: [] }))
    expect((await store.roster('hpl', 2026)).data.sessions).toEqual([])
  })

  test('a roster of an unknown version is refused', async () => {
    const store = await Store.open(dir)
    const file = path.join(dir, 'roster', 'hpl', '2026.json')
    await fs.mkdir(path.dirname(file), { recursive: true })
    await fs.writeFile(file, JSON.stringify({ version: 2, sessions: [], swaps: [] }))
    await expect(store.roster('hpl', 2026)).rejects.toThrow(/版本未知/)
  })
})
