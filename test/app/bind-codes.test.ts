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

describe('guessing codes (/绑定 brute force)', () => {
  const adminAlerts = () => h.transport.sent.filter((m) => 'contactId' in m.to && m.to.contactId === h.contact('钱敏') && m.text.startsWith('【安全提醒】')).map((m) => m.text)
  const wrongCode = (code: string, i: number) => String((Number(code) + 1 + i) % 1_000_000).padStart(6, '0')

  test('300 wrong codes from one stranger: locked after 5, the right code then refused; the admins told once', async () => {
    h = await Harness.start({ now: '2026-11-23T10:00:00+08:00' })
    const code = /(\d{6})/.exec((await h.say('钱敏', '/绑定码 刘芳', 'private'))[0])![1]
    const replies: string[] = []
    for (let i = 0; i < 300; i++) replies.push((await h.say('x-brute', `/绑定 ${wrongCode(code, i)}`, 'private'))[0])
    expect(replies.slice(0, 4).every((r) => r.includes('绑定码不对或已过期'))).toBe(true)
    expect(replies.slice(4).every((r) => r.includes('输错次数太多'))).toBe(true)
    expect((await h.say('x-brute', `/绑定 ${code}`, 'private'))[0]).toContain('输错次数太多')
    expect(adminAlerts()).toHaveLength(1)
    expect(adminAlerts()[0]).toContain('输错绑定码 5 次')
    expect(h.app.deps.directory.binding('x-brute')).toBeUndefined()
    // An hour later, five more wrong tries: that makes 10 against the live code, which is voided.
    h.clock.advance(3600_000 + 1)
    for (let i = 300; i < 305; i++) await h.say('x-brute', `/绑定 ${wrongCode(code, i)}`, 'private')
    // Locked again (told again: a new window), and the voiding (the sender may merge the two).
    const all = adminAlerts().join('\n')
    expect(all.split('输错绑定码 5 次').length - 1).toBe(2)
    expect(all.split('已作废以下人员的绑定码：刘芳').length - 1).toBe(1)
    h.clock.advance(3600_000 + 1)
    expect((await h.say('x-brute', `/绑定 ${code}`, 'private'))[0]).toContain('绑定码不对或已过期')
    // Void also after a restart; the real 刘芳's new code works.
    await h.restart()
    expect((await h.say('x-new-phone', `/绑定 ${code}`, 'private'))[0]).toContain('绑定码不对或已过期')
    const fresh = /(\d{6})/.exec((await h.say('钱敏', '/绑定码 刘芳', 'private'))[0])![1]
    expect((await h.say('x-new-phone', `/绑定 ${fresh}`, 'private'))[0]).toContain('绑定成功：您是 刘芳')
  })

  test('ten strangers guessing once each void the live code; a wrong try writes nothing until then', async () => {
    h = await Harness.start({ now: '2026-11-23T10:00:00+08:00' })
    const code = /(\d{6})/.exec((await h.say('钱敏', '/绑定码 高翔', 'private'))[0])![1]
    await h.app.idle()
    const { snapshot } = await import('../support/issues.js')
    const before = snapshot(h.dir)
    for (let i = 0; i < 9; i++) expect((await h.say(`x-s${i}`, `/绑定 ${wrongCode(code, i)}`, 'private'))[0]).toContain('绑定码不对')
    expect(snapshot(h.dir)).toEqual(before)
    await h.say('x-s9', `/绑定 ${wrongCode(code, 9)}`, 'private')
    expect(adminAlerts()).toEqual([expect.stringContaining('已作废以下人员的绑定码：高翔')])
    expect((await h.say('x-s10', `/绑定 ${code}`, 'private'))[0]).toContain('绑定码不对或已过期')
  })
})
