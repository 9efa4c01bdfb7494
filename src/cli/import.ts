/**
 * `npm run import -- 花名册.xlsx [--apply]`: the directory from the office's roster spreadsheet. A dry run
 * by default (prints what would change); `--apply` writes `<data>/directory.json`, which replaces the
 * config's people at the bot's next start. Errors name row and column and stop the import. Uses the same
 * config and data folder as `npm start` (LXQ_CONFIG, LXQ_DATA); reads the data folder without locking or
 * tidying it, so it is safe while the bot runs. Exit code 0 when fine, 2 when the sheet has errors.
 */
import { runImport } from '../app/directory-import.js'
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
  const out = await runImport({ file: files[0], dataDir: cliDataDir(env), config, apply: args.includes('--apply'), now: Date.now() })
  process.stdout.write(out.lines.join('\n') + '\n')
  return out.code
}

runCli(run)
