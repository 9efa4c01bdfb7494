/**
 * Where a confirmed State Council holiday notice is kept: one small file per year,
 * `<data>/calendar/<year>.json`, written atomically (temp file, fsync, rename: AtomicJsonFile) and
 * validated with zod on reading, with a `version`. Read at start-up (app.ts) and by the minute's check
 * for notices imported from the console (npm run calendar -- import). This is the only code that touches
 * these files, so the store's next form can take them over in one place.
 */
import { promises as fs } from 'node:fs'
import path from 'node:path'
import { z } from 'zod'
import { AtomicJsonFile } from '../platform/store/atomic-json-file.js'
import type { NoticeDays } from '../domain/calendar/working-calendar.js'

export const NOTICE_FILE_VERSION = 1

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/)
const schema = z.object({
  version: z.literal(NOTICE_FILE_VERSION),
  year: z.number().int().min(1900).max(2200),
  holidays: z.array(date),
  workdays: z.array(date),
  /** Epoch ms of the confirmation (or the console import). */
  confirmedAt: z.number(),
  /** Person id of the admin who confirmed it, or `console`. */
  confirmedBy: z.string(),
  /** The text as pasted, kept for the record (it is a public notice: nothing personal). */
  text: z.string(),
})

export type StoredNotice = z.infer<typeof schema>

export const noticeDir = (dataDir: string): string => path.join(dataDir, 'calendar')
export const noticeFile = (dataDir: string, year: number): string => path.join(noticeDir(dataDir), `${year}.json`)

const fileOf = (dataDir: string, year: number) => new AtomicJsonFile<StoredNotice>(noticeFile(dataDir, year), schema, NOTICE_FILE_VERSION)

/** Writes (or replaces) the year's notice; resolves once it is on disk. */
export async function saveNotice(dataDir: string, notice: Omit<StoredNotice, 'version'>): Promise<string> {
  const f = fileOf(dataDir, notice.year)
  await f.write({ version: NOTICE_FILE_VERSION, ...notice })
  return f.file
}

/**
 * Every stored notice, by year, with the file's mtime (the minute's check loads a file again only when
 * it changed). A file that is corrupt or of an unknown version throws (StoreError): the bot must not
 * guess a holiday calendar.
 */
export async function loadNotices(dataDir: string): Promise<Map<number, StoredNotice & { mtimeMs: number }>> {
  const out = new Map<number, StoredNotice & { mtimeMs: number }>()
  let names: string[]
  try {
    names = await fs.readdir(noticeDir(dataDir))
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return out
    throw e
  }
  for (const name of names.sort()) {
    const m = /^(\d{4})\.json$/.exec(name)
    if (!m) continue
    const year = Number(m[1])
    const f = fileOf(dataDir, year)
    const n = await f.read()
    if (!n || n.year !== year) continue
    const st = await fs.stat(f.file)
    out.set(year, { ...n, mtimeMs: st.mtimeMs })
  }
  return out
}

/** The modification times of the stored notices' files (cheap: one readdir and a stat each). */
export async function noticeStamps(dataDir: string): Promise<Map<number, number>> {
  const out = new Map<number, number>()
  let names: string[]
  try {
    names = await fs.readdir(noticeDir(dataDir))
  } catch {
    return out
  }
  for (const name of names) {
    const m = /^(\d{4})\.json$/.exec(name)
    if (!m) continue
    try {
      out.set(Number(m[1]), (await fs.stat(path.join(noticeDir(dataDir), name))).mtimeMs)
    } catch {
      // Gone between readdir and stat: not there.
    }
  }
  return out
}

export const daysOf = (n: StoredNotice): NoticeDays => ({ holidays: n.holidays, workdays: n.workdays })
