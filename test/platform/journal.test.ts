/**
 * Journaled partitions (issues): an acknowledged change is one appended line; the snapshot is rewritten
 * now and then; loading = snapshot + journal generations in order; a torn last line is skipped; a
 * corrupt line elsewhere stops loading; compaction under concurrent appends loses nothing.
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync, appendFileSync, readFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Store } from '../../src/platform/store/store.js'
import { StoreError } from '../../src/platform/store/atomic-json-file.js'
import { issuesOnDisk } from '../support/issues-on-disk.js'

type Rec = { id: string; studioId: string; status: string; history: unknown[]; n: number }
const rec = (id: string, n = 0): Rec => ({ id, studioId: 'hpl', status: 'registered', history: [], n })

let dir: string
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'lxq-journal-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

const files = () => readdirSync(path.join(dir, 'issues', 'hpl')).sort()

test('a change is an append, not a rewrite; a fresh store reads it back', async () => {
  const store = await Store.open<Rec>(dir, { fsync: false })
  const part = await store.issues('hpl', 2026)
  await part.mutateItem((d) => (d.issues.push(rec('A')), d.issues[0]))
  await part.mutateItem((d) => (d.issues.push(rec('B')), d.issues[1]))
  await part.mutateItem((d) => ((d.issues[0] = rec('A', 2)), d.issues[0]))
  expect(files()).toEqual(['2026.log.1']) // no snapshot written yet
  expect(readFileSync(path.join(dir, 'issues', 'hpl', '2026.log.1'), 'utf8').trim().split('\n')).toHaveLength(3)
  const again = await Store.open<Rec>(dir, { fsync: false })
  expect((await again.issues('hpl', 2026)).data.issues.map((r) => [r.id, r.n])).toEqual([['A', 2], ['B', 0]])
  expect(await again.listPartitions('issues')).toEqual([{ studioId: 'hpl', year: 2026 }])
})

test('a torn last line (a kill -9 during an append) is not a record; appends go on in a new generation', async () => {
  const store = await Store.open<Rec>(dir, { fsync: false })
  const part = await store.issues('hpl', 2026)
  await part.mutateItem((d) => (d.issues.push(rec('A')), d.issues[0]))
  appendFileSync(path.join(dir, 'issues', 'hpl', '2026.log.1'), '{"id":"B","stud')
  const again = await Store.open<Rec>(dir, { fsync: false })
  const p2 = await again.issues('hpl', 2026)
  expect(p2.data.issues.map((r) => r.id)).toEqual(['A'])
  await p2.mutateItem((d) => (d.issues.push(rec('C')), d.issues[1]))
  expect(files()).toEqual(['2026.log.1', '2026.log.2'])
  const third = await Store.open<Rec>(dir, { fsync: false })
  expect((await third.issues('hpl', 2026)).data.issues.map((r) => r.id)).toEqual(['A', 'C'])
})

test('a corrupt line that is not the tail stops loading with a StoreError and the file is kept', async () => {
  const folder = path.join(dir, 'issues', 'hpl')
  const store = await Store.open<Rec>(dir, { fsync: false })
  await (await store.issues('hpl', 2026)).mutateItem((d) => (d.issues.push(rec('A')), d.issues[0]))
  const file = path.join(folder, '2026.log.1')
  writeFileSync(file, 'garbage\n' + readFileSync(file, 'utf8'))
  const before = readFileSync(file, 'utf8')
  const again = await Store.open<Rec>(dir, { fsync: false })
  await expect(again.issues('hpl', 2026)).rejects.toBeInstanceOf(StoreError)
  expect(readFileSync(file, 'utf8')).toBe(before)
})

test('compaction: after COMPACT_EVERY appends the snapshot is rewritten and old generations go; nothing is lost under concurrent appends', async () => {
  const store = await Store.open<Rec>(dir, { fsync: false })
  const part = await store.issues('hpl', 2026)
  const n = Store.COMPACT_EVERY * 2 + 37
  await Promise.all(
    Array.from({ length: n }, (_, i) => part.mutateItem((d) => (d.issues.push(rec(`R${i}`, i)), d.issues[d.issues.length - 1]))),
  )
  await part.settle()
  expect(files()).toContain('2026.json')
  expect(files().filter((f) => f.includes('.log.')).length).toBeLessThanOrEqual(2)
  const onDisk = issuesOnDisk<Rec>(dir, 'hpl', 2026)
  expect(onDisk).toHaveLength(n)
  expect(new Set(onDisk.map((r) => r.id)).size).toBe(n)
  const again = await Store.open<Rec>(dir, { fsync: false })
  expect((await again.issues('hpl', 2026)).data.issues).toHaveLength(n)
})

test('a whole-file commit retires the journal, so an older journal line can never override newer data', async () => {
  const store = await Store.open<Rec>(dir, { fsync: false })
  const part = await store.issues('hpl', 2026)
  await part.mutateItem((d) => (d.issues.push(rec('A', 1)), d.issues[0]))
  await part.mutate((d) => {
    d.issues[0] = rec('A', 2)
  })
  expect(files()).toEqual(['2026.json'])
  const again = await Store.open<Rec>(dir, { fsync: false })
  expect((await again.issues('hpl', 2026)).data.issues[0].n).toBe(2)
})
