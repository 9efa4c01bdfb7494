/**
 * `npm run import -- 花名册.xlsx [--apply]`: the directory from the office's roster spreadsheet. A dry run
 * by default (prints what would change); `--apply` writes `<data>/directory.json` (atomically: temp file,
 * fsync, rename), which replaces the config's people; a running bot loads it within a minute (the
 * load-directory job), no restart. directory.json is not part of the store's log, so this needs no lock
 * and runs beside the bot, as `npm run calendar -- import` does. Errors name row and column and stop the
 * import. Uses the same config and data folder as `npm start` (LXQ_CONFIG, LXQ_DATA). Exit code 0 when
 * fine, 2 when the sheet has errors.
 */
import { promises as fs } from 'node:fs'
import { runImport } from '../app/directory-import.js'
import { DIR_MODE } from '../platform/store/atomic-json-file.js'
import { clockFromEnv } from '../platform/clock.js'
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
  if (apply) await fs.mkdir(dataDir, { recursive: true, mode: DIR_MODE })
  const out = await runImport({ file: files[0], dataDir, config, apply, now: clockFromEnv(env).now() })
  process.stdout.write(out.lines.join('\n') + '\n')
  return out.code
}

runCli(run)
