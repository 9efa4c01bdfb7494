/**
 * Binding codes: an operator's code made on the server while the bot runs survives the bot's own writes,
 * binds with every role, and works once; an admin's code likewise; an expired or unknown code binds nobody.
 */
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { Harness } from '../support/harness.js'

let h: Harness
afterEach(async () => h && (await h.close()))

function consoleCode(dir: string, who: string): string {
  const tsx = path.join(process.cwd(), 'node_modules', '.bin', 'tsx')
  const r = spawnSync(tsx, ['src/cli/bind-code.ts', who], { env: { ...process.env, LXQ_CONFIG: 'config/demo.yaml', LXQ_DATA: dir }, encoding: 'utf8' })
  expect(r.status).toBe(0)
  const m = /(\d{6})/.exec(r.stdout)
  if (!m) throw new Error(r.stdout + r.stderr)
  return m[1]
}

test('a code from `npm run bind-code`, made while the bot runs, binds a new WeChat as the coordinator, once', async () => {
  h = await Harness.start({ now: '2026-11-23T10:00:00+08:00' })
  const code = consoleCode(h.dir, '刘芳')
  // The bot keeps writing its own state meanwhile.
  await h.say('张明华', '/我是谁', 'hpl')
  const reply = await h.say('x-new-phone', `/绑定 ${code}`, 'private')
  expect(reply[0]).toContain('绑定成功：您是 刘芳')
  expect((await h.say('x-new-phone', '/我是谁', 'private'))[0]).toContain('一次性绑定码')
  expect((await h.say('x-new-phone', '/待办', 'private'))[0]).not.toContain('只有')
  // Used up, also after a restart.
  await h.restart()
  expect((await h.say('x-other', `/绑定 ${code}`, 'private'))[0]).toContain('绑定码不对或已过期')
})

test("an admin's code works once; an unknown or expired one binds nobody and says how to get a new one", async () => {
  h = await Harness.start({ now: '2026-11-23T10:00:00+08:00' })
  const made = await h.say('钱敏', '/绑定码 高翔', 'private')
  const code = /(\d{6})/.exec(made[0])![1]
  expect((await h.say('x-a', '/绑定 000000', 'private'))[0]).toContain('绑定码不对或已过期')
  h.clock.advance(25 * 3600_000)
  expect((await h.say('x-a', `/绑定 ${code}`, 'private'))[0]).toContain('绑定码不对或已过期')
  const fresh = /(\d{6})/.exec((await h.say('钱敏', '/绑定码 高翔', 'private'))[0])![1]
  expect((await h.say('x-a', `/绑定 ${fresh}`, 'private'))[0]).toContain('绑定成功：您是 高翔')
  expect((await h.say('x-b', `/绑定 ${fresh}`, 'private'))[0]).toContain('绑定码不对或已过期')
})
