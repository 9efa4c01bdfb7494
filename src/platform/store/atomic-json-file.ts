/**
 * A lowdb adapter that makes every write durable and atomic: the JSON goes to a temp file beside the
 * target, is fsync'ed, then renamed over it (and the folder fsync'ed), so a kill -9 at any moment leaves
 * either the old file or the new one, never half of one. A write resolves only once it is on disk; the
 * caller tells the user afterwards.
 *
 * Reading validates the envelope with zod and refuses a corrupt file or an unknown version with a
 * StoreError; such a file is never overwritten (the store refuses to start instead).
 */
import { promises as fs } from 'node:fs'
import path from 'node:path'
import type { Adapter } from 'lowdb'
import type { z } from 'zod'
import { zh } from '../../text/zh-CN.js'

export class StoreError extends Error {
  constructor(message: string, readonly file: string) {
    super(message)
    this.name = 'StoreError'
  }
}

/** Data files and folders are the server account's alone: they hold constituents' names, phones and addresses. */
export const FILE_MODE = 0o600
export const DIR_MODE = 0o700

/** Temp files this process is writing right now; removeStaleTemps must not delete them mid-write. */
const inFlight = new Set<string>()

export interface AtomicJsonOptions {
  /** fsync the temp file and the folder (default true; the benchmark says what it costs). */
  fsync?: boolean
}

export class AtomicJsonFile<T extends { version: number }> implements Adapter<T> {
  private seq = 0
  constructor(
    readonly file: string,
    private readonly schema: z.ZodType<T>,
    private readonly version: number,
    private readonly opts: AtomicJsonOptions = {},
  ) {}

  async read(): Promise<T | null> {
    let text: string
    try {
      text = await fs.readFile(this.file, 'utf8')
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null
      throw e
    }
    let raw: unknown
    try {
      raw = JSON.parse(text)
    } catch (e) {
      const at = /position (\d+)/.exec((e as Error).message)?.[1]
      throw new StoreError(zh.store.corrupt(this.file, at !== undefined ? zh.store.brokenAt(Number(at), text.length) : zh.store.truncated(text.length)), this.file)
    }
    const version = (raw as { version?: unknown } | null)?.version
    if (version !== this.version) {
      throw new StoreError(zh.store.unknownVersion(this.file, String(version), this.version), this.file)
    }
    const parsed = this.schema.safeParse(raw)
    if (!parsed.success) {
      const first = parsed.error.issues[0]
      throw new StoreError(zh.store.badShape(this.file, String(first?.path.join('.')), String(first?.message)), this.file)
    }
    return parsed.data
  }

  write(data: T): Promise<void> {
    return this.writeText(JSON.stringify(data))
  }

  /** Writes already serialised JSON (compaction serialises under the store's lock, writes outside it). */
  async writeText(body: string): Promise<void> {
    const dir = path.dirname(this.file)
    await fs.mkdir(dir, { recursive: true, mode: DIR_MODE })
    const tmp = path.join(dir, `.${path.basename(this.file)}.${process.pid}.${++this.seq}.tmp`)
    inFlight.add(path.resolve(tmp))
    try {
      const handle = await fs.open(tmp, 'w', FILE_MODE)
      try {
        await handle.writeFile(body, 'utf8')
        if (this.opts.fsync !== false) await handle.sync()
      } finally {
        await handle.close()
      }
      await fs.rename(tmp, this.file)
    } finally {
      inFlight.delete(path.resolve(tmp))
    }
    if (this.opts.fsync !== false) await syncDir(dir)
  }
}

/** fsync a folder, so a file created or renamed in it is durable by name too. */
export async function syncDir(dir: string): Promise<void> {
  let h: fs.FileHandle | undefined
  try {
    h = await fs.open(dir, 'r')
    await h.sync()
  } catch {
    // Some file systems refuse fsync on a folder; the rename itself is still atomic.
  } finally {
    await h?.close()
  }
}

/** Removes temp files left by a crash between the temp write and the rename (the target is intact). */
export async function removeStaleTemps(dir: string): Promise<number> {
  let removed = 0
  let entries: string[]
  try {
    entries = await fs.readdir(dir)
  } catch {
    return 0
  }
  for (const name of entries) {
    if (name.startsWith('.') && name.endsWith('.tmp') && !inFlight.has(path.resolve(dir, name))) {
      await fs.rm(path.join(dir, name), { force: true })
      removed++
    }
  }
  return removed
}
