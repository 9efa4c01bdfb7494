/**
 * `npm run import -- 花名册.xlsx [--apply]`: the directory from the office's roster spreadsheet. A dry run
 * by default (prints what would change); `--apply` writes `<data>/directory.json`, which replaces the
 * config's people at the bot's next start. Errors name row and column and stop the import. Uses the same
 * config and data folder as `npm start` (LXQ_CONFIG, LXQ_DATA); reads the data folder without locking or
 * tidying it, so it is safe while the bot runs. Exit code 0 when fine, 2 when the sheet has errors.
 */
import { loadConfig, ConfigError } from '../config/load-config.js'
import { runImport } from '../app/directory-import.js'
import { zh } from '../text/zh-CN.js'

async function run(args: string[], env = process.env): Promise<number> {
  const t = zh.followup.cli
  const files = args.filter((a) => !a.startsWith('--'))
  const unknown = args.filter((a) => a.startsWith('--') && a !== '--apply')
  if (files.length !== 1 || unknown.length) {
    if (unknown.length) process.stderr.write(t.unknownOption(unknown[0]) + '\n')
    process.stderr.write(t.importUsage + '\n')
    return 2
  }
  let config
  try {
    config = loadConfig(env.LXQ_CONFIG ?? 'config/district.yaml')
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(e.message + '\n')
      return 1
    }
    throw e
  }
  const out = await runImport({ file: files[0], dataDir: env.LXQ_DATA ?? 'data', config, apply: args.includes('--apply'), now: Date.now() })
  process.stdout.write(out.lines.join('\n') + '\n')
  return out.code
}

run(process.argv.slice(2)).then(
  (c) => process.exit(c),
  (e) => {
    process.stderr.write(String((e as Error).message ?? e) + '\n')
    process.exit(1)
  },
)
