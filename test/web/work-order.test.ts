/**
 * The department's work order through fastify's inject: /转办 gives the link privately (never in the
 * group); the page shows the issue masked; 签收, 答复, 申请延期 (approved and declined in chat) and 退单
 * are the lifecycle's steps, posted to the group and the coordinator; every refusal — wrong, reused or
 * void token, missing CSRF token, bad input, an action the issue no longer allows — is a Chinese page
 * and changes nothing on disk.
 */
import type { InjectOptions } from 'fastify'
import { Harness } from '../support/harness.js'
import { leaksInGroups } from '../support/issues.js'
import type { WebServer } from '../../src/web/server.js'
import { webServerOf } from '../support/web.js'
import { readAudit } from '../../src/web/audit.js'
import { esc } from '../../src/web/html.js'
import { zh } from '../../src/text/zh-CN.js'
import { createRequire } from 'node:module'
import jsQR from 'jsqr'

/** pngjs (qrcode's PNG writer) has no types of its own: the one call the test makes. */
const { PNG } = createRequire(import.meta.url)('pngjs') as { PNG: { sync: { read(b: Buffer): { data: Buffer; width: number; height: number } } } }

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

/** Registers and transfers an issue in the group; returns its id and the link's path. */
async function transferred(): Promise<{ id: string; path: string }> {
  const receipt = (await h.say('刘芳', '/登记 王大爷 13812345678 和平里3号楼 楼道灯坏了半个月', HP)).join('\n')
  const id = /HP-2026-\d{4}/.exec(receipt)![0]
  const before = h.transport.sent.length
  await h.say('刘芳', `/转办 ${id} 区房管局`, HP)
  const privately = h.transport.sent.slice(before).filter((m) => 'contactId' in m.to && m.to.contactId === h.contact('刘芳'))
  const inGroup = h.transport.sent.slice(before).filter((m) => 'roomId' in m.to).map((m) => m.text).join('\n')
  expect(inGroup).not.toMatch(/\/w\//)
  expect(inGroup).toContain(zh.web.chat.linkPrivately)
  const link = privately.map((m) => m.text).join('\n')
  const url = /https?:\/\/\S+\/w\/[A-Za-z0-9_-]{32}/.exec(link)![0]
  // The QR image follows, privately: a PNG.
  const qr = privately.find((m) => m.file)
  expect(qr?.file?.name).toBe(zh.web.chat.qrName(id))
  expect(qr!.file!.data.subarray(1, 4).toString()).toBe('PNG')
  // …that a phone reads as the link itself (decoded with pngjs and jsqr, the libraries qrcode and file-box bring).
  const png = PNG.sync.read(qr!.file!.data)
  expect(jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data).toBe(url)
  return { id, path: new URL(url).pathname }
}

/** GET the page; returns its body, the form's CSRF token and the cookie header. */
async function form(path: string): Promise<{ body: string; csrf: string; cookie: string; status: number }> {
  const r = await inject({ url: path })
  const csrf = /name="_csrf" value="([^"]+)"/.exec(r.body)?.[1] ?? ''
  return { body: r.body, csrf, cookie: r.cookies.map((c) => `${c.name}=${c.value}`).join('; '), status: r.statusCode }
}

async function post(path: string, fields: Record<string, string>, session?: { csrf: string; cookie: string }) {
  const payload = new URLSearchParams({ ...(session ? { _csrf: session.csrf } : {}), ...fields }).toString()
  return inject({ method: 'POST', url: path, payload, headers: { 'content-type': 'application/x-www-form-urlencoded', ...(session ? { cookie: session.cookie } : {}) } })
}

test('sign and answer: the steps of the lifecycle, in the group (masked) and to the coordinator', async () => {
  const { id, path } = await transferred()
  const page = await form(path)
  expect(page.status).toBe(200)
  expect(page.body).toContain(id)
  expect(page.body).toContain('王某')
  expect(page.body).toContain('138****5678')
  expect(page.body).not.toContain('13812345678')
  expect(page.body).not.toContain('王大爷')
  expect(page.body).toContain(zh.web.work.statusLine.waitingSign)
  expect(page.body).toContain('还剩 30 个工作日')

  const signed = await post(`${path}/sign`, {}, page)
  expect(signed.statusCode).toBe(303)
  expect(signed.headers.location).toBe(`${path}?done=sign`)
  await h.app.idle()
  const issue = (await h.app.deps.issues.get(id))!
  expect(issue.history.at(-1)).toMatchObject({ kind: 'sign', department: '区房管局', by: '区房管局' })
  expect(h.sentTo(HP).at(-1)!.text).toBe(zh.web.chat.signed(id, '区房管局'))
  expect(h.transport.sent.some((m) => 'contactId' in m.to && m.to.contactId === h.contact('刘芳') && m.text === zh.web.chat.signed(id, '区房管局'))).toBe(true)

  await h.say('刘芳', `/查询 ${id}`)
  expect(h.transport.sent.at(-1)!.text).toMatch(/区房管局 签收/)
  expect(h.transport.sent.at(-1)!.text).not.toContain('区房管局 区房管局')
  const after = await form(`${path}?done=sign`)
  expect(after.body).toContain(esc(zh.web.work.done.sign))
  const answered = await post(`${path}/answer`, { text: '已更换灯泡，请王大爷 13812345678 确认' }, after)
  expect(answered.statusCode).toBe(303)
  await h.app.idle()
  const now = (await h.app.deps.issues.get(id))!
  expect(now.status).toBe('answered')
  expect(now.answers.at(-1)).toMatchObject({ by: '区房管局', text: '已更换灯泡，请王大爷 13812345678 确认' })
  const inGroup = h.sentTo(HP).at(-1)!.text
  expect(inGroup).toContain('已更换灯泡')
  expect(inGroup).not.toContain('13812345678')
  expect(leaksInGroups(h)).toEqual([])
  // The page still opens, without actions, once answered.
  const view = await form(path)
  expect(view.status).toBe(200)
  expect(view.body).toContain(esc(zh.web.work.statusLine.answered))
  expect(view.body).not.toContain('<form')
  // Every action left an audit record naming the link by its hash, not the token.
  const audit = await readAudit(h.store, HP, 2026)
  expect(audit.map((a) => a.what)).toEqual(['view', 'sign', 'view', 'answer', 'view'])
  expect(JSON.stringify(audit)).not.toContain(path.slice(3))
})

test('申请延期 once, approved in chat with /同意延期; a second request is not offered and refused', async () => {
  const { id, path } = await transferred()
  const s = await form(path)
  await post(`${path}/sign`, {}, s)
  const p = await form(path)
  const before = (await h.app.deps.issues.get(id))!.deadline
  const r = await post(`${path}/extend`, { days: '10', reason: '需协调供电公司' }, p)
  expect(r.statusCode).toBe(303)
  await h.app.idle()
  expect(h.sentTo(HP).at(-1)!.text).toBe(zh.web.chat.extendRequested(id, '区房管局', 10, '需协调供电公司'))
  const again = await form(path)
  expect(again.body).toContain(esc(zh.web.work.statusLine.pendingExtension(10)))
  expect(again.body).not.toContain(`${path}/extend`)
  const snap = await stored(id)
  const twice = await post(`${path}/extend`, { days: '5', reason: '再延' }, again)
  expect(twice.statusCode).toBe(400)
  expect(twice.body).toContain(esc(zh.issues.action.second_extension_request({})))
  await h.app.idle()
  expect(await stored(id)).toBe(snap)
  const reply = (await h.say('刘芳', `/同意延期 ${id}`, HP)).join('\n')
  const issue = (await h.app.deps.issues.get(id))!
  expect(issue.extended).toBe(true)
  expect(issue.deadline! > before!).toBe(true)
  expect(reply).toContain(`已同意 ${id} 延期 10 个工作日`)
  expect((await h.say('刘芳', `/同意延期 ${id}`, HP)).join('\n')).toContain(zh.web.chat.noPendingRequest(id))
})

test('/驳回延期 keeps the deadline; the department sees it in the history', async () => {
  const { id, path } = await transferred()
  await post(`${path}/sign`, {}, await form(path))
  await post(`${path}/extend`, { days: '5', reason: '人手不够' }, await form(path))
  const before = (await h.app.deps.issues.get(id))!.deadline
  expect((await h.say('刘芳', `/驳回延期 ${id} 可在期限内办完`, HP)).join('\n')).toContain(zh.web.chat.extensionDeclined(id))
  const issue = (await h.app.deps.issues.get(id))!
  expect(issue.deadline).toBe(before)
  expect((await form(path)).body).toContain(esc(zh.issues.event.extendDecline('可在期限内办完')))
})

test('退单: back to the coordinator, the link is void at once, a new /转办 gives a new link', async () => {
  const { id, path } = await transferred()
  const p = await form(path)
  const r = await post(`${path}/return`, { reason: '不属于本单位职责，应由区城管委办理' }, p)
  expect(r.statusCode).toBe(200)
  expect(r.body).toContain(esc(zh.web.work.done.return))
  await h.app.idle()
  const issue = (await h.app.deps.issues.get(id))!
  expect(issue.status).toBe('registered')
  expect(issue.department).toBeUndefined()
  expect(h.sentTo(HP).at(-1)!.text).toContain(`请重新 /转办 ${id}`)
  // The coordinator's /查询 names the department once as who sent it back (not "区房管局 区房管局 退单").
  await h.say('刘芳', `/查询 ${id}`)
  const history = h.transport.sent.at(-1)!.text
  expect(history).toMatch(/区房管局 退单，理由：不属于本单位职责/)
  expect(history).not.toContain('区房管局 区房管局')
  const gone = await inject({ url: path })
  expect(gone.statusCode).toBe(403)
  expect(gone.body).toContain(esc(zh.web.work.voidLink))
  await h.say('刘芳', `/转办 ${id} 区城管委`, HP)
  const second = h.transport.sent.map((m) => m.text).join('\n')
  const paths = [...second.matchAll(/\/w\/[A-Za-z0-9_-]{32}/g)].map((m) => m[0])
  expect(paths.at(-1)).not.toBe(path)
  expect((await inject({ url: paths.at(-1)! })).body).toContain('区城管委')
})

test('re-transfer voids the old link; /作废工单 voids the current one', async () => {
  const { id, path } = await transferred()
  await h.say('刘芳', `/更正 ${id} 承办单位：区城管委 理由：转错`, HP)
  const newLink = (await h.say('刘芳', `/工单链接 ${id}`, HP)).join('\n')
  expect(newLink).toContain(zh.web.chat.linkPrivately)
  expect((await inject({ url: path })).statusCode).toBe(403)
  const latest = [...h.transport.sent.map((m) => m.text).join('\n').matchAll(/\/w\/[A-Za-z0-9_-]{32}/g)].at(-1)![0]
  expect((await inject({ url: latest })).statusCode).toBe(200)
  expect((await h.say('刘芳', `/作废工单 ${id}`, HP)).join('\n')).toContain(zh.web.chat.voided(id, 1))
  expect((await inject({ url: latest })).statusCode).toBe(403)
})

test('refusals: wrong, malformed or void tokens, missing CSRF, bad input, a stale page — a Chinese page, nothing changed', async () => {
  const { id, path } = await transferred()
  const p = await form(path)
  await h.app.idle()
  const snap = await stored(id)
  const flipped = path.slice(0, -1) + (path.endsWith('A') ? 'B' : 'A')
  for (const bad of [flipped, '/w/short', `/w/${'x'.repeat(32)}`]) {
    const r = await inject({ url: bad })
    expect(r.statusCode).toBe(403)
    expect(r.body).toContain(esc(zh.web.work.voidLink))
    const rp = await post(`${bad}/sign`, {}, p)
    expect(rp.statusCode).toBe(403)
  }
  expect(await stored(id)).toBe(snap)
  // No CSRF token, or a wrong one.
  expect((await post(`${path}/sign`, {})).statusCode).toBe(403)
  expect((await post(`${path}/sign`, {}, { csrf: 'nope', cookie: p.cookie })).body).toContain(esc(zh.web.csrfExpired))
  expect(await stored(id)).toBe(snap)
  // Bad input.
  await post(`${path}/sign`, {}, p)
  await h.app.idle()
  const signedSnap = await stored(id)
  const s2 = await form(path)
  const empty = await post(`${path}/answer`, { text: '   ' }, s2)
  expect(empty.statusCode).toBe(400)
  expect(empty.body).toContain(esc(zh.issues.action.empty_answer({})))
  for (const days of ['0', '16', 'abc', '']) {
    const r = await post(`${path}/extend`, { days, reason: '需协调' }, s2)
    expect(r.statusCode).toBe(400)
    expect(r.body).toContain(esc(zh.web.work.badDays(15)))
  }
  expect((await post(`${path}/extend`, { days: '5', reason: '' }, s2)).body).toContain(esc(zh.issues.action.extension_needs_reason({})))
  expect((await post(`${path}/return`, { reason: '' }, s2)).body).toContain(esc(zh.issues.action.return_needs_reason({})))
  expect((await post(`${path}/sign`, {}, s2)).body).toContain(esc(zh.issues.action.already_signed({ department: '区房管局' })))
  expect((await post(`${path}/nonsense`, {}, s2)).statusCode).toBe(404)
  await h.app.idle()
  expect(await stored(id)).toBe(signedSnap)
  // A stale page after the issue was answered in chat: refused, nothing changed.
  await h.say('刘芳', `/答复 ${id} 已处理`, HP)
  await h.app.idle()
  const answeredSnap = await stored(id)
  const late = await post(`${path}/answer`, { text: '我们也答复一下' }, s2)
  expect(late.statusCode).toBe(400)
  expect(late.body).toContain(esc(zh.issues.action.not_with_department({})))
  await h.app.idle()
  expect(await stored(id)).toBe(answeredSnap)
  expect((await h.app.deps.issues.get(id))!.answers).toHaveLength(1)
  // Closed: the link is void.
  await h.say('刘芳', `/反馈 ${id} 满意`, HP)
  await h.say('刘芳', `/归档 ${id}`, HP)
  expect((await inject({ url: path })).statusCode).toBe(403)
  const refusedAudit = (await readAudit(h.store, 'district', 2026)).map((a) => a.what)
  expect(refusedAudit.filter((w) => w === 'refused:bad_token').length).toBeGreaterThanOrEqual(6)
})

test('web.departmentsSeeContacts shows the constituent in full', async () => {
  h.app.deps.config.web.departmentsSeeContacts = true
  const { path } = await transferred()
  const body = (await form(path)).body
  expect(body).toContain('王大爷')
  expect(body).toContain('13812345678')
})

/** The issue and the web tokens as stored, after a restart from disk (what a refusal must leave alone). */
async function stored(id: string): Promise<string> {
  await h.app.idle()
  await h.restart()
  await web.close()
  web = await webServerOf(h)
  return JSON.stringify([await h.app.deps.issues.get(id), h.store.state.data.webTokens])
}
