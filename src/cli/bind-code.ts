/**
 * `npm run bind-code -- 刘芳`: prints a one-time binding code for a person, for staff at the server.
 * Uses the same config and data folder as `npm start` (LXQ_CONFIG, LXQ_DATA).
 */
import { cliConfig, cliDataDir, runCli } from './cli-common.js'
import { Directory } from '../app/directory.js'
import { readDirectoryFile } from '../app/directory-file.js'
import { issueConsoleBindCode } from '../app/bind-codes.js'
import { findPerson } from '../commands/lookup.js'
import { UserError } from '../commands/command.js'
import { refusalText } from '../text/refusals.js'
import { zh } from '../text/zh-CN.js'

async function run(args: string[], env = process.env): Promise<number> {
  const config = cliConfig(env)
  if (!config) return 1
  const dataDir = cliDataDir(env)
  // No store is opened: the bot may be running, and its state.json is its own (see app/bind-codes.ts).
  // People added by a 花名册 import (npm run import) get codes too.
  const imported = await readDirectoryFile(dataDir)
  const directory = new Directory(config, undefined, imported?.people)
  try {
    const person = findPerson(directory, args.join(' '))
    const code = await issueConsoleBindCode(dataDir, person.id, Date.now())
    process.stdout.write(zh.identity.codeMade(person.name, code) + '\n')
    return 0
  } catch (e) {
    if (e instanceof UserError) {
      process.stderr.write(refusalText(e) + '\n')
      return 2
    }
    throw e
  }
}

runCli(run)
