/**
 * The constituent's lookup and rating through fastify's inject, /回执 and /反馈's 是否解决: the progress
 * shows masked; the rating is /反馈's step; wrong digits and unknown numbers read the same; tries per
 * number are limited; missing CSRF and bad input change nothing; no digits in any URL, log or audit.
 */
import type { InjectOptions } from 'fastify'
import { Harness } from '../support/harness.js'
import type { WebServer } from '../../src/web/server.js'
import { webServerOf } from '../support/web.js'
import { readAudit } from '../../src/web/audit.js'
import { esc } from '../../src/web/html.js'
import { zh } from '../../src/text/zh-CN.js'

const HP = 'hpl'
let h: Harness
let web: WebServer

beforeEach(async () => {
  h = await Harness.start({ now: '2026-03-02T10:00:00+08:00' })
  web = await webServerOf(h)
})
afterEach(async () => {
  await web.close()
  await h.close()
})

const inject = (o: InjectOptions) => web.fastify.inject(o)

async function answeredIssue(): Promise<string> {
  const receipt = (await h.say('刘芳', '/登记 王大爷 13812345678 和平里3号楼 楼道灯坏了半个月', HP)).join('\n')
  const id = /HP-2026-\d{4}/.exec(receipt)![0]
  await h.say('刘芳', `/转办 ${id} 区房管局`, HP)
  await h.say('刘芳', `/答复 ${id} 已更换楼道灯`, HP)
  return id
}

async function session(path = '/q'): Promise<{ csrf: string; cookie: string; body: string }> {
  const r = await inject({ url: path })
  expect(r.statusCode).toBe(200)
  return { body: r.body, csrf: /name="_csrf" value="([^"]+)"/.exec(r.body)![1], cookie: r.cookies.map((c) => `${c.name}=${c.value}`).join('; ') }
}

function post(url: string, fields: Record<string, string>, s?: { csrf: string; cookie: string }) {
  const payload = new URLSearchParams({ ...(s ? { _csrf: s.csrf } : {}), ...fields }).toString()
  return inject({ method: 'POST', url, payload, headers: { 'content-type': 'application/x-www-form-urlencoded', ...(s ? { cookie: s.cookie } : {}) } })
}

test('/回执 gives the link and QR privately; the page looks the issue up; the rating is /反馈 with 已解决', async () => {
  const id = await answeredIssue()
  const before = h.transport.sent.length
  await h.say('刘芳', `/回执 ${id}`, HP)
  const sent = h.transport.sent.slice(before)
  const group = sent.filter((m) => 'roomId' in m.to)
  expect(group.map((m) => m.text)).toEqual([zh.web.chat.receiptPrivately])
  const mine = sent.filter((m) => 'contactId' in m.to && m.to.contactId === h.contact('刘芳'))
  const url = /http:\/\/\S+\/q\/HP-2026-\d{4}/.exec(mine.map((m) => m.text).join('\n'))![0]
  expect(mine.find((m) => m.file)?.file?.name).toBe(zh.web.chat.receiptName(id))

  const s = await session(new URL(url).pathname)
  expect(s.body).toContain(`value="${id}"`)
  const found = await post('/q', { id, last4: '5678' }, s)
  expect(found.statusCode).toBe(200)
  expect(found.body).toContain(esc(zh.web.lookup.status.answered))
  expect(found.body).toContain('已更换楼道灯')
  expect(found.body).not.toContain('王大爷')
  expect(found.body).not.toContain('13812345678')
  const token = /name="_csrf" value="([^"]+)"/.exec(found.body)![1]
  const rated = await post('/q/rate', { id, last4: '5678', solved: 'yes', rating: '满意', comment: '谢谢社区' }, { csrf: token, cookie: s.cookie })
  expect(rated.statusCode).toBe(200)
  expect(rated.body).toContain(esc(zh.web.lookup.rate.thanks))
  await h.app.idle()
  const issue = (await h.app.deps.issues.get(id))!
  expect(issue.status).toBe('rated')
  expect(issue.feedback).toMatchObject({ rating: '满意', solved: true, comment: '谢谢社区', by: zh.web.constituentActor })
  expect(h.sentTo(HP).at(-1)!.text).toBe(zh.web.chat.rated(id, true, '满意'))
  // Rated once: no second rating.
  const again = await post('/q/rate', { id, last4: '5678', solved: 'no', rating: '不满意' }, { csrf: token, cookie: s.cookie })
  expect(again.statusCode).toBe(400)
  expect(again.body).toContain(esc(zh.issues.action.already_rated({})))
  // The audit names the issue, never the digits.
  const audit = await readAudit(h.store, HP, 2026)
  expect(audit.map((a) => a.what)).toEqual(['lookup', 'rate', 'refused:rate:already_rated'])
  expect(JSON.stringify(audit)).not.toContain('5678')
  expect(h.log.lines.join('\n')).not.toContain('5678')
})

test('未解决 + 不满意 reopens it, as /反馈 不满意 does', async () => {
  const id = await answeredIssue()
  const s = await session()
  const r = await post('/q/rate', { id, last4: '5678', solved: 'no', rating: '不满意', comment: '灯还是不亮' }, s)
  expect(r.statusCode).toBe(200)
  expect(r.body).toContain(esc(zh.web.lookup.rate.reopened))
  const issue = (await h.app.deps.issues.get(id))!
  expect(issue.status).toBe('transferred')
  expect(issue.round).toBe(2)
  expect(issue.feedback).toMatchObject({ solved: false, rating: '不满意' })
})

test('wrong digits and an unknown number read the same; another issue is never shown; tries per number are limited', async () => {
  const id = await answeredIssue()
  const other = /HP-2026-\d{4}/.exec((await h.say('刘芳', '/登记 李阿姨 13698765432 垃圾没人清', HP)).join('\n'))![0]
  const s = await session()
  const wrong = await post('/q', { id, last4: '0000' }, s)
  const unknown = await post('/q', { id: 'HP-2026-0999', last4: '5678' }, s)
  // The other issue's number with this issue's digits.
  const crossed = await post('/q', { id: other, last4: '5678' }, s)
  for (const r of [wrong, unknown, crossed]) {
    expect(r.statusCode).toBe(400)
    expect(r.body).toContain(esc(zh.web.lookup.notMatched))
    expect(r.body).not.toContain('楼道灯')
    expect(r.body).not.toContain('垃圾')
  }
  // The same page apart from the echoed number and the form's fresh CSRF token.
  const plain = (body: string, n: string) => body.replaceAll(`value="${n}"`, 'value="X"').replace(/name="_csrf" value="[^"]+"/, '')
  expect(plain(wrong.body, id)).toBe(plain(unknown.body, 'HP-2026-0999'))
  // Ten tries an hour per number (the config default), then locked even with the right digits.
  for (let i = 0; i < 9; i++) await post('/q', { id, last4: '1111' }, s)
  const locked = await post('/q', { id, last4: '5678' }, s)
  expect(locked.statusCode).toBe(429)
  expect(locked.body).toContain(esc(zh.web.lookup.locked))
  // An unknown number locks the same way (nothing tells it does not exist).
  for (let i = 0; i < 9; i++) await post('/q', { id: 'HP-2026-0999', last4: '1111' }, s)
  expect((await post('/q', { id: 'HP-2026-0999', last4: '1111' }, s)).body).toContain(esc(zh.web.lookup.locked))
  // An hour later the number opens again.
  h.clock.set(h.clock.now() + 3600_000)
  expect((await post('/q', { id, last4: '5678' }, s)).statusCode).toBe(200)
})

test('missing CSRF token and bad input change nothing', async () => {
  const id = await answeredIssue()
  const before = JSON.stringify(await h.app.deps.issues.get(id))
  expect((await post('/q/rate', { id, last4: '5678', solved: 'yes', rating: '满意' })).statusCode).toBe(403)
  const s = await session()
  const noSolved = await post('/q/rate', { id, last4: '5678', rating: '满意' }, s)
  expect(noSolved.statusCode).toBe(400)
  expect(noSolved.body).toContain(esc(zh.web.lookup.rate.needSolved))
  const badRating = await post('/q/rate', { id, last4: '5678', solved: 'yes', rating: '很好' }, s)
  expect(badRating.body).toContain(esc(zh.web.lookup.rate.needRating))
  const wrongDigits = await post('/q/rate', { id, last4: '0000', solved: 'yes', rating: '满意' }, s)
  expect(wrongDigits.body).toContain(esc(zh.web.lookup.notMatched))
  await h.app.idle()
  await h.restart()
  expect(await h.app.deps.issues.get(id)).toEqual(JSON.parse(before))
})

test('before an answer there is nothing to rate; /回执 for an issue without a phone says how', async () => {
  const id = /HP-2026-\d{4}/.exec((await h.say('刘芳', '/登记 王大爷 13812345678 楼道灯坏了', HP)).join('\n'))![0]
  const s = await session()
  const r = await post('/q', { id, last4: '5678' }, s)
  expect(r.body).toContain(esc(zh.web.lookup.status.registered))
  expect(r.body).not.toContain('/q/rate')
  const noPhone = /HP-2026-\d{4}/.exec((await h.say('刘芳', '/登记 赵女士 问老年食堂在哪', HP)).join('\n'))![0]
  expect((await h.say('刘芳', `/回执 ${noPhone}`)).join('\n')).toContain(zh.web.chat.receiptNoPhone(noPhone))
  expect((await h.say('张明华', `/回执 ${id}`)).join('\n')).not.toContain('/q/')
})

test('/反馈 takes 是否解决 before or after the rating, and its old forms still work', async () => {
  const a = await answeredIssue()
  expect((await h.say('刘芳', `/反馈 ${a} 已解决 满意 很及时`, HP)).join('\n')).toContain(zh.issues.rated(a, '满意'))
  expect((await h.app.deps.issues.get(a))!.feedback).toMatchObject({ solved: true, rating: '满意', comment: '很及时' })
  // /查询 shows the 是否解决 answer beside the rating.
  expect((await h.say('刘芳', `/查询 ${a}`)).join('\n')).toContain('已解决，满意（第 1 次办理），意见：很及时')
  const b = await answeredIssue()
  await h.say('刘芳', `/反馈 ${b} 基本满意 未解决 还要再看`, HP)
  expect((await h.app.deps.issues.get(b))!.feedback).toMatchObject({ solved: false, rating: '基本满意', comment: '还要再看' })
  expect((await h.say('刘芳', `/查询 ${b}`)).join('\n')).toContain('未解决，基本满意（第 1 次办理）')
  const c = await answeredIssue()
  await h.say('刘芳', `/反馈 ${c} 满意`, HP)
  const fc = (await h.app.deps.issues.get(c))!.feedback!
  expect(fc.rating).toBe('满意')
  expect('solved' in fc).toBe(false)
})
