/**
 * /帮助's list: a coordinator's is longer than one message, so it comes in several, each within the
 * sender's limit and cut between two commands, never inside one (the /更正 entry was split in two).
 */
import { Harness } from '../support/harness.js'

let h: Harness
afterEach(async () => {
  await h.close()
})

test.each([['刘芳', 'private'], ['钱敏', 'private'], ['张明华', 'hpl'], ['马俊', 'qyl']])('/帮助 from %s (%s): every message within the limit, no command cut in two', async (who, where) => {
  h = await Harness.start({ now: '2026-12-06T08:00:00+08:00' })
  const replies = await h.say(who, '/帮助', where)
  const max = h.config.bot.maxMessageChars
  for (const r of replies) expect(r.length).toBeLessThanOrEqual(max)
  // An entry is its usage line, then the summary and the example indented: no message starts inside one.
  for (const r of replies) expect(r.startsWith(' ')).toBe(false)
  for (const r of replies) expect(r.split('\n').at(-1)!.startsWith('  例：') || r.endsWith('查看某个命令的详细说明。')).toBe(true)
  expect(replies.join('\n')).toContain('/帮助')
})
