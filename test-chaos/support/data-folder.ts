/**
 * What is in a data folder, for "did this change anything?": every file's content, with state.json's
 * `seen` ring left out (every inbound message updates it by design: it is bookkeeping, not a change the
 * message asked for). Incremental: a file is re-read only when its size or mtime moved, so taking a
 * snapshot after each of 10,000 messages stays cheap.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'

export type Snapshot = Map<string, string>

export class FolderWatcher {
  private stats = new Map<string, string>()
  private contents = new Map<string, string>()
  constructor(readonly dir: string) {}

  snapshot(): Snapshot {
    const seen = new Set<string>()
    const walk = (d: string) => {
      let names: string[]
      try {
        names = readdirSync(d)
      } catch {
        return
      }
      for (const name of names) {
        const p = path.join(d, name)
        const st = statSync(p, { throwIfNoEntry: false })
        if (!st) continue
        if (st.isDirectory()) {
          walk(p)
          continue
        }
        if (name.endsWith('.tmp')) continue // a write in progress (or left by a crash), not data
        const rel = path.relative(this.dir, p)
        seen.add(rel)
        const key = `${st.ino}:${st.size}:${st.mtimeMs}` // an atomic write renames a new inode in
        if (this.stats.get(rel) === key) continue
        this.stats.set(rel, key)
        const text = readFileSync(p, 'utf8')
        if (name === 'state.json') {
          const s = JSON.parse(text)
          delete s.seen
          this.contents.set(rel, JSON.stringify(s))
        } else this.contents.set(rel, text)
      }
    }
    walk(this.dir)
    for (const k of [...this.contents.keys()]) if (!seen.has(k)) (this.contents.delete(k), this.stats.delete(k))
    return new Map(this.contents)
  }
}

/** Files added, removed or changed between two snapshots. */
export function diff(a: Snapshot, b: Snapshot): string[] {
  const out: string[] = []
  for (const [k, v] of b) if (a.get(k) !== v) out.push(k)
  for (const k of a.keys()) if (!b.has(k)) out.push(k)
  return out
}
