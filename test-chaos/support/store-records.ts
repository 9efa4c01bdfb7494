/** Every issue record of a data folder, read the way the bot reads it (the same store code, opened read-only: every file validated, no lock taken). */
import { Store } from '../../src/platform/store/store.js'
import type { Issue } from '../../src/domain/issues/issue.js'

export async function readIssues(dataDir: string): Promise<Issue[]> {
  const store = await Store.open(dataDir, { readOnly: true })
  const out: Issue[] = []
  for (const p of await store.listPartitions('issues')) out.push(...((await store.peekIssues(p.studioId, p.year)) as Issue[]))
  return out
}
