/**
 * A command that changes stored data declares it (`mutates`: the dispatcher then runs it in one
 * transaction under the message's id, so a replayed message never runs it twice). Every command of the
 * bot is sent bare and as its own help example, privately and in a studio group, by a coordinator and an
 * admin; whenever the data folder changed (state.json's ring of seen message ids aside), the command must
 * be declared mutating. (The chaos fuzz found /后台 storing a login link undeclared; this finds its like
 * on every run, not only when a random seed happens on it.)
 */
import { Harness } from '../support/harness.js'
import { commands } from '../../src/commands/index.js'
import { FolderWatcher, diff } from '../../test-chaos/support/data-folder.js'

const NOW = '2026-12-06T08:00:00+08:00'

test('every command that changes the data folder is declared mutating', async () => {
  const h = await Harness.start({ now: NOW })
  const watcher = new FolderWatcher(h.dir)
  const undeclared: string[] = []
  const changedBy = new Set<string>()
  try {
    for (const c of commands) {
      const texts = [`/${c.name}`, c.help.example.split('\n')[0]].filter((t) => t.startsWith(`/${c.name}`))
      for (const text of texts)
        for (const who of ['c01', 'a01'])
          for (const where of ['private', 'hpl']) {
            const before = watcher.snapshot()
            await h.say(who, text, where)
            const files = diff(before, watcher.snapshot())
            if (!files.length) continue
            changedBy.add(c.name)
            if (!c.mutates) undeclared.push(`/${c.name} (${JSON.stringify(text)}, ${who} in ${where}) changed ${files.join(', ')}`)
          }
    }
  } finally {
    await h.close()
  }
  expect(undeclared).toEqual([])
  // The detector saw real changes: registering, the office login and setting a duty all write.
  expect([...changedBy]).toEqual(expect.arrayContaining(['登记', '后台']))
}, 240_000)
