/**
 * The impersonation walk of issue 14: where a representative has no wechatId in the config, a stranger
 * who copies her name into the group nickname gets no rights, writes nothing, and the coordinator is
 * asked privately; the real person is never locked out; a coordinator can move or remove the binding.
 */
import { Harness, demoConfig } from '../support/harness.js'
import { snapshot } from '../support/issues.js'
import { NameClaims } from '../../src/app/name-claims.js'

const HP = 'hpl'
let h: Harness

beforeEach(async () => {
  // 张明华 (p01) without a wechatId: she can only be recognised by her group nickname.
  const config = demoConfig((t) => t.replace(', wechatId: demo-p01 }', ' }'))
  h = await Harness.start({ now: '2026-12-07T09:30:00+08:00', config })
})
afterEach(() => h.close())

const liuFang = () => h.contact('刘芳')
const privateTo = (contactId: string) => h.transport.sent.filter((m) => 'contactId' in m.to && m.to.contactId === contactId).map((m) => m.text)
const asksTo = (contactId: string) => privateTo(contactId).filter((t) => t.startsWith('【请确认身份】'))
const claimNumberIn = (text: string) => Number(/\/确认绑定 (\d{4})/.exec(text)![1])
const zhang = (who: string, text: string) => h.say(who, text, HP, { name: '张明华' })

test('the impostor gets no rights and writes nothing; the coordinator is asked once; refusing writes nothing', async () => {
  await h.app.idle()
  const before = snapshot(h.dir)
  const groupBefore = h.sentTo(HP).length
  const reply = await zhang('x-impostor', '/请假 12月10日 出差')
  expect(reply[0]).toContain('只有党代表可以使用')
  expect(reply[0]).toContain('已请本工作室联络员确认')
  const asked = asksTo(liuFang())
  expect(asked).toHaveLength(1)
  expect(asked[0]).toContain('群昵称“张明华”')
  expect(asked[0]).toContain('自称 张明华')
  const n = claimNumberIn(asked[0])
  expect(asked[0]).toContain(`/拒绝绑定 ${n}`)
  // Again: the same claim, no second question; still nothing on disk, nothing posted but the refusals.
  expect((await zhang('x-impostor', '/我的值班'))[0]).toContain('已请本工作室联络员确认')
  expect((await zhang('x-impostor', '/我是谁'))[0]).toContain('还没有确认为 张明华')
  expect(asksTo(liuFang())).toHaveLength(1)
  expect(snapshot(h.dir)).toEqual(before)
  expect(h.sentTo(HP).slice(groupBefore).every((m) => !m.text.includes('更正'))).toBe(true)

  // A stranger cannot answer the question.
  expect((await h.say('x-guest', `/确认绑定 ${n}`, 'private'))[0]).toContain('只有联络员')
  // Another studio's coordinator neither.
  expect((await h.say('马俊', `/确认绑定 ${n}`, 'private'))[0]).toContain('不是您工作室的')
  expect((await h.say('刘芳', `/拒绝绑定 ${n}`, 'private'))[0]).toContain('已拒绝')
  expect(snapshot(h.dir)).toEqual(before)
  // Refused: not asked again about this contact.
  await zhang('x-impostor', '/请假 12月10日')
  expect(asksTo(liuFang())).toHaveLength(1)
  expect((await h.say('刘芳', `/确认绑定 ${n}`, 'private'))[0]).toContain('没有待确认的绑定')
})

test('the real person is never locked out: confirmed, she has rights; an earlier impostor is moved off by confirming her', async () => {
  // The impostor came first, and a coordinator confirmed by mistake.
  await zhang('x-impostor', '/我的值班')
  const n1 = claimNumberIn(asksTo(liuFang()).at(-1)!)
  expect((await h.say('刘芳', `/确认绑定 ${n1}`, 'private'))[0]).toContain('已确认')
  expect((await zhang('x-impostor', '/我的值班'))[0]).not.toContain('只有党代表')

  // The real 张明华 speaks: she is asked about, with the warning that the name is bound elsewhere.
  const r = await zhang('x-real', '/我的值班')
  expect(r[0]).toContain('已请本工作室联络员确认')
  const ask = asksTo(liuFang()).at(-1)!
  expect(ask).toContain('现已绑定另一个微信')
  expect((await h.say('刘芳', `/确认绑定 ${claimNumberIn(ask)}`, 'private'))[0]).toContain('已确认')
  expect((await zhang('x-real', '/我的值班'))[0]).not.toContain('只有党代表')
  // The binding moved: the impostor has nothing now, and the real one keeps hers.
  expect((await zhang('x-impostor', '/我的值班'))[0]).toContain('只有党代表')
  expect(h.app.deps.directory.contactOf('p01')).toBe('x-real')

  // /解绑 by the coordinator removes it; a representative may not.
  expect((await h.say('李秀兰', '/解绑 张明华', HP))[0]).toContain('只有联络员')
  expect((await h.say('刘芳', '/解绑 张明华', 'private'))[0]).toContain('已解除 张明华')
  expect(h.app.deps.directory.contactOf('p01')).toBeUndefined()
  expect((await h.say('刘芳', '/解绑 张明华', 'private'))[0]).toContain('没有绑定微信')
  expect((await h.say('刘芳', '/解绑 李秀兰', 'private'))[0]).toContain('写在配置文件里')
  expect((await h.say('马俊', '/解绑 张明华', 'private'))[0]).toContain('只能解绑本工作室')
})

test('a representative bound by the config is never claimed: the copy is a stranger, the coordinator is told once', async () => {
  const r = await h.say('x-impostor', '/请假 12月10日', HP, { name: '李秀兰' })
  expect(r[0]).toContain('只有党代表可以使用')
  expect(r[0]).not.toContain('联络员确认')
  expect(asksTo(liuFang())).toHaveLength(0)
  const told = privateTo(liuFang()).filter((t) => t.startsWith('【提醒】和平里工作室群里有一个微信'))
  expect(told).toHaveLength(1)
  expect(told[0]).toContain('群昵称“李秀兰”')
  await h.say('x-impostor', '/我的值班', HP, { name: '李秀兰' })
  expect(privateTo(liuFang()).filter((t) => t.startsWith('【提醒】和平里工作室群里有一个微信'))).toHaveLength(1)
})

test('a bad claim number is answered with the format', async () => {
  expect((await h.say('刘芳', '/确认绑定 12', 'private'))[0]).toContain('4 位数字')
})

describe('NameClaims', () => {
  const person = { id: 'p01', name: '张明华' } as never
  test('numbers are unique, claims expire after 7 days, a flood is capped', () => {
    let i = 0
    const seq = [1111, 1111, 2222, 3333]
    const c = new NameClaims(() => seq[i++ % seq.length])
    const a = c.open('x1', '张明华', person, 'hpl', 0)!
    const b = c.open('x2', '张明华', person, 'hpl', 0)!
    expect(a.claim.n).toBe(1111)
    expect(b.claim.n).toBe(2222)
    expect(c.open('x1', '张明华', person, 'hpl', 5)!.isNew).toBe(false)
    expect(c.get(1111, 7 * 24 * 3600_000 + 1)).toBeUndefined()
  })
  test('at most MAX_CLAIMS open', () => {
    let k = 1000
    const c = new NameClaims(() => k++)
    for (let j = 0; j < 600; j++) c.open(`x${j}`, 'n', person, 'hpl', 0)
    expect(c.get(1000, 0)).toBeUndefined()
    expect(c.get(1599, 0)).toBeDefined()
  })
})

test('a representative bound by a one-time code is never claimed either (a confirmation would downgrade her)', async () => {
  const code = /(\d{6})/.exec((await h.say('钱敏', '/绑定码 张明华', 'private'))[0])![1]
  expect((await h.say('x-real', `/绑定 ${code}`, 'private'))[0]).toContain('绑定成功')
  await zhang('x-impostor', '/我的值班')
  expect(asksTo(liuFang())).toHaveLength(0)
  expect(privateTo(liuFang()).some((t) => t.includes('群昵称“张明华”发命令'))).toBe(true)
  expect(h.app.deps.directory.binding('x-real')?.via).toBe('code')
})
