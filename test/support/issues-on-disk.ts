/**
 * What a studio-year's issues are on disk, read straight from the files (not through the store's code):
 * the lowdb snapshot `<year>.json`, then every journal generation `<year>.log.<n>` in order, each line
 * one record upserted by id; a torn last line (an append cut by a crash) is not a record.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'

export function issuesOnDisk<T extends { id: string } = { id: string; status: string; history: { msgId?: string }[] } & Record<string, any>>(dir: string, studioId: string, year: number): T[] {
  const folder = path.join(dir, 'issues', studioId)
  const snapshot = path.join(folder, `${year}.json`)
  const list: T[] = existsSync(snapshot) ? JSON.parse(readFileSync(snapshot, 'utf8')).issues : []
  const at = new Map(list.map((r, i) => [r.id, i]))
  const gens = existsSync(folder)
    ? readdirSync(folder)
        .map((n) => new RegExp(`^${year}\\.log\\.(\\d+)$`).exec(n))
        .filter((m): m is RegExpExecArray => !!m)
        .map((m) => Number(m[1]))
        .sort((a, b) => a - b)
    : []
  for (const g of gens) {
    for (const line of readFileSync(path.join(folder, `${year}.log.${g}`), 'utf8').split('\n')) {
      if (!line) continue
      let r: T
      try {
        r = JSON.parse(line)
      } catch {
        continue
      }
      const i = at.get(r.id)
      if (i === undefined) at.set(r.id, list.push(r) - 1)
      else list[i] = r
    }
  }
  return list
}

/** Every file of a folder with its content (for "nothing changed" checks). */
export function folderContents(dir: string): Record<string, string> {
  const out: Record<string, string> = {}
  if (!existsSync(dir)) return out
  for (const n of readdirSync(dir)) out[n] = readFileSync(path.join(dir, n), 'utf8')
  return out
}
