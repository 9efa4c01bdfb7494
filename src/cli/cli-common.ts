/**
 * What the command-line tools share: the same configuration and data folder as `npm start`
 * (LXQ_CONFIG, default config/district.yaml; LXQ_DATA, default data/), and one way to end.
 */
import path from 'node:path'
import { loadConfig, ConfigError } from '../config/load-config.js'
import type { Config } from '../config/schema.js'

export const cliDataDir = (env: NodeJS.ProcessEnv): string => env.LXQ_DATA ?? 'data'

/** The configuration, or undefined after printing every error of an invalid one. */
export function cliConfig(env: NodeJS.ProcessEnv): Config | undefined {
  try {
    // The bot's parsed-config cache in the data folder, read only: a city's file is not parsed again.
    return loadConfig(env.LXQ_CONFIG ?? 'config/district.yaml', { cacheDir: path.join(cliDataDir(env), 'cache'), readOnly: true })
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(e.message + '\n')
      return undefined
    }
    throw e
  }
}

/** Runs a tool with the command line's arguments and exits with its code; a crash prints one line. */
export function runCli(run: (args: string[]) => Promise<number>): void {
  run(process.argv.slice(2)).then(
    (c) => process.exit(c),
    (e) => {
      process.stderr.write(String((e as Error).message ?? e) + '\n')
      process.exit(1)
    },
  )
}
