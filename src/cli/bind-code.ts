/**
 * `npm run bind-code -- 刘芳`: prints a one-time binding code for a person, for staff at the server.
 * Uses the same config and data folder as `npm start` (LXQ_CONFIG, LXQ_DATA).
 */
import { loadConfig } from '../config/load-config.js'
import { Store } from '../platform/store/store.js'
import { Directory } from '../app/directory.js'
import { useImportedDirectory } from '../app/directory-file.js'
import { createLogger } from '../platform/logger.js'
import { issueBindCode } from '../app/bind-codes.js'
import { findPerson } from '../commands/lookup.js'
import { UserError } from '../commands/command.js'
import { zh } from '../text/zh-CN.js'

async function run(args: string[], env = process.env): Promise<number> {
  const config = loadConfig(env.LXQ_CONFIG ?? 'config/district.yaml')
  const store = await Store.open(env.LXQ_DATA ?? 'data')
  const directory = new Directory(config, store)
  // People added by a 花名册 import (npm run import) get codes too.
  await useImportedDirectory(directory, store.dir, createLogger('warn'))
  try {
    const person = findPerson(directory, args.join(' '))
    const code = await issueBindCode(store, person.id, Date.now())
    process.stdout.write(zh.identity.codeMade(person.name, code) + '\n')
    return 0
  } catch (e) {
    if (e instanceof UserError) {
      process.stderr.write(e.reply + '\n')
      return 2
    }
    throw e
  }
}

run(process.argv.slice(2)).then(
  (c) => process.exit(c),
  (e) => {
    process.stderr.write(String((e as Error).message ?? e) + '\n')
    process.exit(1)
  },
)
