/**
 * What the data folder holds, read straight from the files (not through the store's code), so tests
 * check the format itself: each lowdb snapshot (`state.json`, `roster/<studio>/<year>.json`,
 * `issues/<studio>/<year>.json`), then every line of the write-ahead log (`journal/<gen>.log`, lines
 * `<hash> <json>`) in order, each a transaction whose ops replace a roster file, upsert an issue, or set
 * state entries. A line that does not parse (a torn last line) is not a record.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'

export interface LogRecord {
  n: number
  m?: string
  ops: Record<string, any>[]
}

/** The log's records, oldest first. */
export function logRecords(dir: string): LogRecord[] {
  const folder = path.join(dir, 'journal')
  if (!existsSync(folder)) return []
  const out: LogRecord[] = []
  for (const name of readdirSync(folder).filter((n) => /^\d+\.log$/.test(n)).sort()) {
    for (const line of readFileSync(path.join(folder, name), 'utf8').split('\n')) {
      const sp = line.indexOf(' ')
      if (sp < 0) continue
      try {
        out.push(JSON.parse(line.slice(sp + 1)))
      } catch {
        // torn
      }
    }
  }
  return out
}

const readJson = (file: string): any => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined)

export function issuesOnDisk<T extends { id: string } = { id: string; status: string; history: { msgId?: string }[] } & Record<string, any>>(dir: string, studioId: string, year: number): T[] {
  const key = `issues/${studioId}/${year}`
  const list: T[] = readJson(path.join(dir, `${key}.json`))?.issues ?? []
  const at = new Map(list.map((r, i) => [r.id, i]))
  for (const rec of logRecords(dir)) {
    for (const op of rec.ops) {
      if (op.f !== key || !op.put) continue
      const i = at.get(op.put.id)
      if (i === undefined) at.set(op.put.id, list.push(op.put) - 1)
      else list[i] = op.put
    }
  }
  return list
}

export function rosterOnDisk(dir: string, studioId: string, year: number): { sessions: any[]; swaps: any[] } {
  const key = `roster/${studioId}/${year}`
  let data = readJson(path.join(dir, `${key}.json`)) ?? { sessions: [], swaps: [] }
  for (const rec of logRecords(dir)) for (const op of rec.ops) if (op.f === key && op.d) data = op.d
  return data
}

export function stateOnDisk(dir: string): Record<string, any> {
  const s = readJson(path.join(dir, 'state.json')) ?? { bindings: { contacts: {}, rooms: {} }, bindCodes: [], markers: {}, outbox: [], counters: {}, seen: [] }
  for (const rec of logRecords(dir)) {
    for (const op of rec.ops) {
      if (!op.s) continue
      if (op.s === 'outbox' || op.s === 'bindCodes') {
        const idOf = (x: any) => (op.s === 'outbox' ? x.id : x.code)
        if (op.add) s[op.s].push(...op.add)
        if (op.del) s[op.s] = s[op.s].filter((x: any) => !op.del.includes(idOf(x)))
        continue
      }
      const map = op.s === 'contacts' ? s.bindings.contacts : op.s === 'rooms' ? s.bindings.rooms : s[op.s]
      if (op.v === undefined) delete map[op.k]
      else map[op.k] = op.v
    }
    if (rec.m) s.seen.push(rec.m)
  }
  return s
}

/** Every file of a folder with its content (for "nothing changed" checks). */
export function folderContents(dir: string): Record<string, string> {
  const out: Record<string, string> = {}
  if (!existsSync(dir)) return out
  for (const n of readdirSync(dir)) if (statSync(path.join(dir, n)).isFile()) out[n] = readFileSync(path.join(dir, n), 'utf8')
  return out
}
