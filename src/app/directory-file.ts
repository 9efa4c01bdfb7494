/**
 * The imported directory: `<data>/directory.json`, written by `npm run import -- 花名册.xlsx --apply`.
 * When it exists, its people replace the config's `people` (studios stay in the config, as do the
 * WeChat ids and declared unavailability kept there by person id). A lowdb file like the rest of the data
 * folder (AtomicJsonFile: temp + rename), validated with zod on read, versioned.
 *
 * People who left stay in the file marked inactive when they have any history (duties, check-ins,
 * issues), so their record (一人一档) keeps a name; the import deletes only people with no trace.
 */
import path from 'node:path'
import { z } from 'zod'
import { AtomicJsonFile } from '../platform/store/atomic-json-file.js'
import type { Person } from '../domain/model.js'
import { LEVELS } from '../domain/directory/import-people.js'

export const DIRECTORY_VERSION = 1
export const DIRECTORY_FILE = 'directory.json'

export interface DirectoryFile {
  version: number
  /** When the import was applied (epoch ms). */
  importedAt: number
  /** The spreadsheet's file name. */
  source: string
  people: Person[]
}

const person = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  name: z.string().min(1),
  unit: z.string(),
  position: z.string(),
  level: z.enum(LEVELS).optional(),
  phone: z.string().optional(),
  studioId: z.string().optional(),
  roles: z.array(z.enum(['representative', 'coordinator', 'admin'])).min(1),
  group: z.string().optional(),
  specialty: z.string().optional(),
  active: z.boolean(),
})

const schema: z.ZodType<DirectoryFile> = z
  .object({ version: z.number(), importedAt: z.number(), source: z.string(), people: z.array(person) })
  .superRefine((f, ctx) => {
    const seen = new Set<string>()
    f.people.forEach((p, i) => {
      if (seen.has(p.id)) ctx.addIssue({ code: 'custom', path: ['people', i, 'id'], message: `duplicate id ${p.id}` })
      seen.add(p.id)
    })
  })


/** The imported directory, or null when there is none (the config's people apply). Throws StoreError on a bad file. */
export async function readDirectoryFile(dataDir: string): Promise<DirectoryFile | null> {
  const adapter = new AtomicJsonFile<DirectoryFile>(path.join(dataDir, DIRECTORY_FILE), schema, DIRECTORY_VERSION)
  return adapter.read()
}

export async function writeDirectoryFile(dataDir: string, data: Omit<DirectoryFile, 'version'>, opts: { fsync?: boolean } = {}): Promise<string> {
  const file = new AtomicJsonFile<DirectoryFile>(path.join(dataDir, DIRECTORY_FILE), schema, DIRECTORY_VERSION, { fsync: opts.fsync !== false })
  await file.write({ version: DIRECTORY_VERSION, importedAt: data.importedAt, source: data.source, people: data.people })
  return path.join(dataDir, DIRECTORY_FILE)
}
