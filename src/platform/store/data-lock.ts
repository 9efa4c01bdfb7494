/**
 * One process per data folder: `<data>/lock` is created exclusively (O_EXCL) before anything is read and
 * holds who has it (pid, host, start time, command). A second bot, or a CLI that writes, finds it and
 * refuses, naming the holder.
 *
 * Stale rule: a lock whose holder is gone is taken over, so a bot killed with kill -9 restarts at once.
 * Gone means: the file is not a lock this program wrote; or, on this host, no process has that pid, or the
 * process with that pid started at another time than the holder did (the pid was reused), or the pid is
 * our own (a container restarted the bot as pid 1 again). A lock from another host is never taken over
 * (a data folder on a network share): the operator removes it after checking.
 */
import { promises as fs, readFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { FILE_MODE } from './atomic-json-file.js'
import { zh } from '../../text/zh-CN.js'
import { toLocalDate, toLocalTime } from '../../domain/time/local-date.js'

export const LOCK_FILE = 'lock'

export interface LockHolder {
  pid: number
  host: string
  /** The holder's start, in the kernel's ticks since boot (/proc/<pid>/stat field 22), where known. */
  procStart?: string
  startedAt: number
  command: string
}

export class LockError extends Error {
  constructor(
    message: string,
    readonly holder: LockHolder | undefined,
  ) {
    super(message)
    this.name = 'LockError'
  }
}

function procStartOf(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    // The command name (field 2) is in parentheses and may hold spaces: count fields after the last ')'.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]
  } catch {
    return undefined
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** Whether the holder is gone (see the stale rule above). */
export function isStale(h: LockHolder | undefined): boolean {
  if (!h || typeof h.pid !== 'number') return true
  if (h.host !== os.hostname()) return false
  if (h.pid === process.pid) return true
  if (!alive(h.pid)) return true
  const now = procStartOf(h.pid)
  return h.procStart !== undefined && now !== undefined && now !== h.procStart
}

async function readHolder(file: string): Promise<LockHolder | undefined> {
  try {
    const raw = JSON.parse(await fs.readFile(file, 'utf8')) as LockHolder
    return raw && typeof raw === 'object' ? raw : undefined
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw e
    return undefined
  }
}

export class DataLock {
  private constructor(
    readonly file: string,
    private readonly me: LockHolder,
  ) {}

  /** Takes the folder's lock or throws LockError naming its holder. */
  static async acquire(dir: string, command = process.argv.slice(1).map((a) => path.basename(a)).join(' ')): Promise<DataLock> {
    const file = path.join(dir, LOCK_FILE)
    const me: LockHolder = { pid: process.pid, host: os.hostname(), procStart: procStartOf(process.pid), startedAt: Date.now(), command }
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        const h = await fs.open(file, 'wx', FILE_MODE)
        try {
          await h.writeFile(JSON.stringify(me))
          await h.sync()
        } finally {
          await h.close()
        }
        return new DataLock(file, me)
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e
      }
      let holder: LockHolder | undefined
      try {
        holder = await readHolder(file)
      } catch {
        continue // removed meanwhile: try again
      }
      if (!isStale(holder)) throw new LockError(zh.store.locked(dir, describeHolder(holder!)), holder)
      await fs.rm(file, { force: true })
    }
    throw new LockError(zh.store.locked(dir, zh.store.lockUnknown), undefined)
  }

  /** Releases the lock if it is still ours. */
  async release(): Promise<void> {
    try {
      const h = await readHolder(this.file)
      if (h && h.pid === this.me.pid && h.startedAt === this.me.startedAt) await fs.rm(this.file, { force: true })
    } catch {
      // already gone
    }
  }
}

export function describeHolder(h: LockHolder): string {
  return zh.store.lockHolder(h.pid, h.host, `${toLocalDate(h.startedAt)} ${toLocalTime(h.startedAt)}`, h.command)
}
