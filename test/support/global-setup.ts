/**
 * One throw-away home folder for the whole test run. The puppet-service client keeps a LevelDB payload
 * cache under ~/.wechaty/wechaty-puppet-service/<token>/ (its own choice, os.homedir()); every gRPC test
 * uses a new token, so a run used to leave hundreds of folders in the real home. Workers and the bots
 * the tests spawn inherit HOME; the teardown removes the folder.
 */
import { mkdtempSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

export default function globalSetup(): void {
  const home = mkdtempSync(path.join(os.tmpdir(), 'lxq-test-home-'))
  process.env.LXQ_TEST_HOME = home
  process.env.HOME = home
}
