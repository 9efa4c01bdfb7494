/**
 * The data folder's write-ahead log: every acknowledged change is one line, appended and fsynced before
 * anyone is told. Files `journal/<generation>.log`, mode 0600. A line is `<hash> <json>\n`, where the hash
 * (12 characters of the json's SHA-256) tells a damaged line from a good one.
 *
 * - A failed append (ENOSPC, EIO, EROFS, a failed fsync) cuts the file back to its last good line before the
 *   error reaches the caller, so nothing of it is ever read back; where even that fails, the next append
 *   cuts first and refuses until it can.
 * - Reading: a line that is not whole at the very end of the newest generation is a torn tail (a kill -9 or
 *   a power cut during an append, never acknowledged): skipped and reported. Anything else that does not
 *   check out is damage, reported with the file and the line, and the store refuses to open.
 * - Compaction rotates to a new generation; once the snapshots hold everything of the older generations
 *   they are deleted (`retire`).
 */
import { createHash } from 'node:crypto'
import { promises as fs } from 'node:fs'
import path from 'node:path'
import { StoreError, syncDir, FILE_MODE, DIR_MODE } from './atomic-json-file.js'
import { zh } from '../../text/zh-CN.js'

/** The few file operations the log needs; tests inject a failing one where a small tmpfs is refused. */
export interface WalFs {
  open(file: string, flags: string, mode: number): Promise<fs.FileHandle>
}
export const realWalFs: WalFs = { open: (file, flags, mode) => fs.open(file, flags, mode) }

export const hashOf = (json: string): string => createHash('sha256').update(json).digest('base64url').slice(0, 12)

export interface WalLine {
  file: string
  line: number
  record: unknown
}

export interface ReadResult {
  lines: WalLine[]
  /** A torn last line that was skipped: where, and how many bytes. */
  torn?: { file: string; line: number; bytes: number; goodSize: number }
  generations: number[]
  /** Bytes of whole records read. */
  bytes: number
}

export class Wal {
  private gen = 0
  private handle: fs.FileHandle | null = null
  /** Bytes of the current generation that are whole, fsynced lines. */
  private goodSize = 0
  /** A failed append whose bytes may still be on disk beyond goodSize. */
  private mustCut = false
  /** Size and age of what the current generation holds (compaction triggers). */
  bytes = 0
  /** Wall time of the oldest record not yet compacted (undefined: none). */
  firstAt: number | undefined = undefined

  constructor(
    readonly dir: string,
    private readonly opts: { fsync: boolean; fsImpl?: WalFs },
  ) {}

  private fileOf(gen: number): string {
    return path.join(this.dir, `${String(gen).padStart(6, '0')}.log`)
  }

  async generations(): Promise<number[]> {
    let names: string[]
    try {
      names = await fs.readdir(this.dir)
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return []
      throw e
    }
    return names
      .map((n) => /^(\d+)\.log$/.exec(n))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => Number(m[1]))
      .sort((a, b) => a - b)
  }

  /**
   * Every record on disk, oldest first. Only the last line of the newest generation may be torn; a
   * read-only reader (`tolerateTail`) also accepts a line still being written by the running bot.
   */
  async read(): Promise<ReadResult> {
    const gens = await this.generations()
    const out: ReadResult = { lines: [], generations: gens, bytes: 0 }
    for (const g of gens) {
      const file = this.fileOf(g)
      const text = await fs.readFile(file, 'utf8')
      const rows = text.split('\n')
      let offset = 0
      for (let i = 0; i < rows.length; i++) {
        const row = rows[i]
        const whole = i < rows.length - 1 // followed by a newline
        if (row === '' && !whole) break
        const record = whole ? parseLine(row) : undefined
        if (record === undefined) {
          const isTail = g === gens[gens.length - 1] && rows.slice(i + 1).every((r) => r === '')
          if (isTail) {
            out.torn = { file, line: i + 1, bytes: Buffer.byteLength(text) - offset, goodSize: offset }
            break
          }
          throw new StoreError(zh.store.corruptJournal(file, i + 1, zh.store.badLine), file)
        }
        out.lines.push({ file, line: i + 1, record })
        offset += Buffer.byteLength(row) + 1
        out.bytes += Buffer.byteLength(row) + 1
      }
    }
    return out
  }

  /** Makes the log writable after `read`: cuts a torn tail away, then starts a new generation. */
  async openForAppend(read: ReadResult): Promise<void> {
    if (read.torn) {
      const h = await fs.open(read.torn.file, 'r+')
      try {
        await h.truncate(read.torn.goodSize)
        if (this.opts.fsync) await h.sync()
      } finally {
        await h.close()
      }
    }
    this.gen = (read.generations[read.generations.length - 1] ?? 0) + 1
  }

  /** Appends one record; resolves once it is on disk. Never leaves a partial line behind on failure. */
  async append(record: unknown, at: number): Promise<void> {
    await this.appendLines([lineOf(JSON.stringify(record))], at)
  }

  /** Appends whole lines (`lineOf`) in one write and one fsync (group commit). */
  async appendLines(lines: Buffer[], at: number): Promise<void> {
    const buf = lines.length === 1 ? lines[0] : Buffer.concat(lines)
    const h = await this.current()
    if (this.mustCut) {
      await h.truncate(this.goodSize)
      if (this.opts.fsync) await h.sync()
      this.mustCut = false
    }
    try {
      let done = 0
      while (done < buf.length) {
        const { bytesWritten } = await h.write(buf, done, buf.length - done, this.goodSize + done)
        if (bytesWritten <= 0) throw Object.assign(new Error('short write'), { code: 'EIO' })
        done += bytesWritten
      }
      if (this.opts.fsync) await h.sync()
    } catch (e) {
      this.mustCut = true
      try {
        await h.truncate(this.goodSize)
        if (this.opts.fsync) await h.sync()
        this.mustCut = false
      } catch {
        // Cut again before the next append (which refuses until it can).
      }
      throw e
    }
    this.goodSize += buf.length
    if (this.firstAt === undefined) this.firstAt = at
    this.bytes += buf.length
  }

  private async current(): Promise<fs.FileHandle> {
    if (this.handle) return this.handle
    if (this.gen === 0) throw new Error('wal: not opened for append')
    await fs.mkdir(this.dir, { recursive: true, mode: DIR_MODE })
    const file = this.fileOf(this.gen)
    const h = await (this.opts.fsImpl ?? realWalFs).open(file, 'a+', FILE_MODE)
    // The name of a new generation must be durable before a line in it is acknowledged.
    if (this.opts.fsync) await syncDir(this.dir)
    this.handle = h
    this.goodSize = (await h.stat()).size
    return h
  }

  /** Counts records of older generations (replayed at start-up) toward the compaction thresholds. */
  carryOver(bytes: number, firstAt: number): void {
    if (bytes === 0) return
    this.bytes += bytes
    if (this.firstAt === undefined || firstAt < this.firstAt) this.firstAt = firstAt
  }

  /** Starts a new generation; returns the one that was current, to retire once snapshots hold it. */
  async rotate(): Promise<number> {
    const old = this.gen
    await this.handle?.close()
    this.handle = null
    this.gen = old + 1
    this.goodSize = 0
    this.bytes = 0
    this.firstAt = undefined
    return old
  }

  /** Deletes every generation up to `upTo` (their records are in the snapshots now). */
  async retire(upTo: number): Promise<void> {
    for (const g of await this.generations()) if (g <= upTo) await fs.rm(this.fileOf(g), { force: true })
    if (this.opts.fsync) await syncDir(this.dir)
  }

  async close(): Promise<void> {
    await this.handle?.close()
    this.handle = null
  }
}

/** One log line of a record's JSON. */
export const lineOf = (json: string): Buffer => Buffer.from(`${hashOf(json)} ${json}\n`, 'utf8')

/** The record of a whole line, or undefined when the hash does not match (damaged or torn). */
function parseLine(row: string): unknown {
  const sp = row.indexOf(' ')
  if (sp !== 12) return undefined
  const json = row.slice(sp + 1)
  if (hashOf(json) !== row.slice(0, sp)) return undefined
  try {
    return JSON.parse(json)
  } catch {
    return undefined
  }
}
