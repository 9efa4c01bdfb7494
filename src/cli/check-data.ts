/**
 * `npm run check-data [-- 数据目录]`: reads every file of a data folder (state, every roster and issues
 * studio-year of every year, the write-ahead log) through the store's own code, read-only, without
 * starting the bot; safe beside a running bot. Exit 0 when everything reads, 1 with the file, the line
 * and what to do when something is damaged.
 */
import { Store } from '../platform/store/store.js'
import { StoreError } from '../platform/store/atomic-json-file.js'
import { zh } from '../text/zh-CN.js'
import { cliDataDir, runCli } from './cli-common.js'

export async function checkDataFolder(dir: string): Promise<{ ok: boolean; lines: string[] }> {
  const t = zh.store.check
  const lines: string[] = []
  try {
    let torn: string | undefined
    const store = await Store.open(dir, {
      readOnly: true,
      onNotice: (event, f) => {
        if (event === 'torn tail skipped') torn = t.torn(String(f.file), Number(f.line))
      },
    })
    let partitions = 0
    let records = 0
    for (const p of await store.listPartitions('roster')) {
      const part = await store.roster(p.studioId, p.year)
      records += part.data.sessions.length + part.data.swaps.length
      partitions++
    }
    for (const p of await store.listPartitions('issues')) {
      records += (await store.peekIssues(p.studioId, p.year)).length
      partitions++
    }
    lines.push(t.ok(dir), t.summary(partitions + 1, records, partitions))
    if (torn) lines.push(torn)
    return { ok: true, lines }
  } catch (e) {
    if (e instanceof StoreError) return { ok: false, lines: [t.failed(dir), e.message] }
    throw e
  }
}

async function run(args: string[], env = process.env): Promise<number> {
  if (args.includes('--help') || args.includes('-h') || args.length > 1) {
    process.stdout.write(zh.store.check.usage + '\n')
    return args.length > 1 ? 2 : 0
  }
  const out = await checkDataFolder(args[0] ?? cliDataDir(env))
  ;(out.ok ? process.stdout : process.stderr).write(out.lines.join('\n') + '\n')
  return out.ok ? 0 : 1
}

runCli(run)
