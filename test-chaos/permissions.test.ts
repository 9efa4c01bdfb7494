/**
 * Permissions: every command of the registry that needs a coordinator or an admin (read from
 * src/commands/index.ts, so a new command is covered the day it is added) is sent with its own help
 * example — well-formed, aimed at a real issue — by people who may not use it: a representative and a
 * stranger (private, in a studio group, in an unbound group), a coordinator in another studio's group,
 * a coordinator and an admin in a group bound to no studio, and, for admin-only commands, a coordinator
 * anywhere. Every attempt must be refused with a reply, and
 * the data folder (state.json's ring of seen ids aside) must not change.
 *
 * The legitimate way to bind a group (/绑定本群 by a coordinator in a group not yet bound) is the one
 * thing a coordinator or admin may do in an unbound group; everything else of theirs there is checked.
 */
import { zh } from '../src/text/zh-CN.js'
import type { Command } from '../src/commands/command.js'
import { BotUnderTest } from './support/bot-under-test.js'
import { FolderWatcher, diff } from './support/data-folder.js'

interface Who {
  label: string
  contactId: string
  name: string
  roomId?: string
}

const REP_PRIVATE: Who = { label: 'representative, private', contactId: 'demo-p01', name: '张明华' }
const REP_OWN_GROUP: Who = { label: 'representative, own studio group', contactId: 'demo-p01', name: '张明华', roomId: 'demo-hpl@chatroom' }
const REP_UNBOUND: Who = { label: 'representative, unbound group', contactId: 'demo-p01', name: '张明华', roomId: 'x-unbound@chatroom' }
const STRANGER_PRIVATE: Who = { label: 'stranger, private', contactId: 'x-stranger', name: '路人甲' }
const STRANGER_GROUP: Who = { label: 'stranger, studio group', contactId: 'x-stranger', name: '路人甲', roomId: 'demo-hpl@chatroom' }
const STRANGER_UNBOUND: Who = { label: 'stranger, unbound group', contactId: 'x-stranger', name: '路人甲', roomId: 'x-unbound@chatroom' }
const COORD_OTHER_GROUP: Who = { label: 'coordinator of 七一, in the 和平里 group', contactId: 'demo-c02', name: '马俊', roomId: 'demo-hpl@chatroom' }
const COORD_UNBOUND: Who = { label: 'coordinator, unbound group', contactId: 'demo-c01', name: '刘芳', roomId: 'x-unbound@chatroom' }
const ADMIN_UNBOUND: Who = { label: 'admin, unbound group', contactId: 'demo-a01', name: '钱敏', roomId: 'x-unbound@chatroom' }
const COORD_PRIVATE: Who = { label: 'coordinator, private', contactId: 'demo-c01', name: '刘芳' }
const COORD_OWN_GROUP: Who = { label: 'coordinator, own studio group', contactId: 'demo-c01', name: '刘芳', roomId: 'demo-hpl@chatroom' }

const privileged = (c: Command<any>) => c.roles !== 'anyone' && !c.roles.includes('representative')
const adminOnly = (c: Command<any>) => c.roles !== 'anyone' && c.roles.length === 1 && c.roles[0] === 'admin'

function outsiders(c: Command<any>): Who[] {
  const list = [REP_PRIVATE, REP_OWN_GROUP, REP_UNBOUND, STRANGER_PRIVATE, STRANGER_GROUP, STRANGER_UNBOUND, COORD_OTHER_GROUP]
  if (c.name !== '绑定本群') list.push(COORD_UNBOUND, ADMIN_UNBOUND)
  if (adminOnly(c)) list.push(COORD_PRIVATE, COORD_OWN_GROUP)
  return list
}

async function attempt(): Promise<{ failures: string[]; n: number; tried: string[] }> {
  const bot = await BotUnderTest.start({ now: '2026-11-23T10:00:00+08:00' })
  let n = 0
  const failures: string[] = []
  const tried: string[] = []
  try {
    // A real issue for the examples to aim at (HP-2026-0001), registered by a representative.
    const reg = await bot.deliver({ id: 'perm-setup', text: '/登记 王大爷 13812345678 和平里3号楼 楼道灯坏了半个月', talkerId: 'demo-p01', talkerName: '张明华', roomId: 'demo-hpl@chatroom', mentions: [] })
    expect(reg.outcome.kind).toBe('success')
    const watcher = new FolderWatcher(bot.dir)
    const commands = bot.commands.filter(privileged)
    expect(commands.length).toBeGreaterThan(0)
    for (const c of commands) {
      const example = c.help.example.startsWith('/') ? c.help.example.split('\n')[0] : `/${c.name} ${c.help.example}`
      tried.push(`/${c.name}`)
      for (const who of outsiders(c)) {
        const before = watcher.snapshot()
        const { replies, outcome } = await bot.deliver({ id: `perm-${++n}`, text: example, talkerId: who.contactId, talkerName: who.name, roomId: who.roomId, mentions: [] })
        const changed = diff(before, watcher.snapshot())
        const what = `${JSON.stringify(example)} from ${who.label}`
        if (outcome.kind === 'success') failures.push(`${what}: ran to success: ${JSON.stringify(replies.join(' / ').slice(0, 200))}`)
        if (outcome.kind === 'crashed') failures.push(`${what}: crashed`)
        if (replies.length === 0) failures.push(`${what}: no reply`)
        if (replies.includes(zh.common.genericError)) failures.push(`${what}: generic error`)
        if (changed.length) failures.push(`${what}: changed ${changed.join(', ')}`)
      }
    }
  } finally {
    await bot.close()
  }
  return { failures, n, tried }
}

test('every coordinator/admin command is refused, with a reply and no change, to everyone else', async () => {
  const { failures, n, tried } = await attempt()
  console.log(`permissions: ${tried.length} coordinator/admin commands (${tried.join(' ')}) × their outsiders = ${n} attempts; ${n - failures.length} refused with a reply and no change; ${failures.length} failures`)
  expect(failures).toEqual([])
})
