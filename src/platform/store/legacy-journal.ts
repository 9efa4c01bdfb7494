/**
 * The per-partition journals of the store's first format (`<year>.log.<generation>` beside
 * `<year>.json`, one JSON record per line, upserted by id). A data folder written by that version is
 * read once: the partition loads its records, and the next compaction writes them into the snapshot and
 * deletes these files. Nothing writes this format any more.
 */
import { promises as fs } from 'node:fs'
import path from 'node:path'
import { StoreError } from './atomic-json-file.js'
import { zh } from '../../text/zh-CN.js'

export class LegacyJournal {
  constructor(readonly base: string) {}

  private async files(): Promise<string[]> {
    const dir = path.dirname(this.base)
    const prefix = `${path.basename(this.base)}.log.`
    let names: string[]
    try {
      names = await fs.readdir(dir)
    } catch {
      return []
    }
    return names
      .filter((n) => n.startsWith(prefix) && /^\d+$/.test(n.slice(prefix.length)))
      .sort((a, b) => Number(a.slice(prefix.length)) - Number(b.slice(prefix.length)))
      .map((n) => path.join(dir, n))
  }

  /** Every record, oldest first; a torn last line of a file (never acknowledged) is skipped. */
  async replay(): Promise<unknown[]> {
    const out: unknown[] = []
    for (const file of await this.files()) {
      const lines = (await fs.readFile(file, 'utf8')).split('\n')
      for (let i = 0; i < lines.length; i++) {
        if (!lines[i]) continue
        let rec: unknown
        try {
          rec = JSON.parse(lines[i])
        } catch {
          rec = undefined
        }
        const good = rec !== null && typeof rec === 'object' && typeof (rec as { id?: unknown }).id === 'string'
        if (good) {
          out.push(rec)
          continue
        }
        if (lines.slice(i + 1).every((l) => l === '')) continue
        throw new StoreError(zh.store.corruptJournal(file, i + 1, zh.store.badLine), file)
      }
    }
    return out
  }

  async remove(): Promise<void> {
    for (const file of await this.files()) await fs.rm(file, { force: true })
  }
}
