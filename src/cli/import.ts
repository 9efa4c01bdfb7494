/**
 * `npm run import -- 花名册.xlsx [--apply]`: the directory from the office's roster spreadsheet. A dry run
 * by default (prints what would change); `--apply` writes `<data>/directory.json`, which replaces the
 * config's people at the bot's next start. Errors name row and column and stop the import. Uses the same
 * config and data folder as `npm start` (LXQ_CONFIG, LXQ_DATA); reads the data folder without locking or
 * tidying it, so it is safe while the bot runs. Exit code 0 when fine, 2 when the sheet has errors.
 */
import { promises as fs } from 'node:fs'
import { runImport } from '../app/directory-import.js'
import { DataLock, LockError } from '../platform/store/data-lock.js'
import { DIR_MODE } from '../platform/store/atomic-json-file.js'
import { zh } from '../text/zh-CN.js'
import { cliConfig, cliDataDir, runCli } from './cli-common.js'

async function run(args: string[], env = process.env): Promise<number> {
  const t = zh.followup.cli
  const files = args.filter((a) => !a.startsWith('--'))
  const unknown = args.filter((a) => a.startsWith('--') && a !== '--apply')
  if (files.length !== 1 || unknown.length) {
    if (unknown.length) process.stderr.write(t.unknownOption(unknown[0]) + '\n')
    process.stderr.write(t.importUsage + '\n')
    return 2
  }
  const config = cliConfig(env)
  if (!config) return 1
  const dataDir = cliDataDir(env)
  const apply = args.includes('--apply')
  // Applying writes the data folder: not while the bot (or another writer) holds it.
  let lock: DataLock | undefined
  if (apply) {
    try {
      await fs.mkdir(dataDir, { recursive: true, mode: DIR_MODE })
      lock = await DataLock.acquire(dataDir)
    } catch (e) {
      if (e instanceof LockError) {
        process.stderr.write(e.message + '\n')
        return 1
      }
      throw e
    }
  }
  try {
    const out = await runImport({ file: files[0], dataDir, config, apply, now: Date.now() })
    process.stdout.write(out.lines.join('\n') + '\n')
    return out.code
  } finally {
    await lock?.release()
  }
}

runCli(run)
