/**
 * The liaison office's pages through fastify's inject, on the test app (config/demo.yaml): /后台 gives a
 * one-time login link privately; the link opens one session (HttpOnly, SameSite cookie with an expiry);
 * every page and every refusal (void, reused or expired link, no or expired session, another studio's
 * issue, bad input) is a Chinese page, changes nothing, and is audited.
 *
 * People: 钱敏 admin (district), 刘芳 coordinator of 和平里 (hpl), 马俊 coordinator of 七一 (qyl).
 */
import type { InjectOptions, LightMyRequestResponse } from 'fastify'
import { Harness } from '../support/harness.js'
import type { WebServer } from '../../src/web/server.js'
import { webServerOf } from '../support/web.js'
import { readAudit } from '../../src/web/audit.js'
import { zh } from '../../src/text/zh-CN.js'
import { esc } from '../../src/web/html.js'
import { SESSION_HOURS, LOGIN_MINUTES } from '../../src/app/office-sessions.js'

const HP = 'hpl'
const t = zh.office
let h: Harness
let web: WebServer

async function start(): Promise<void> {
  h = await Harness.start({ now: '2026-11-02T10:00:00+08:00' })
  await h.say('张明华', '/登记 王大爷 13812345678 和平里3号楼 楼道灯坏了半个月', HP)
  await h.say('刘芳', '/转办 HP-2026-0001 区房管局 5', HP)
  await h.say('刘芳', '/答复 HP-2026-0001 已更换灯泡', HP)
  await h.say('刘芳', '/反馈 HP-2026-0001 满意', HP)
  await h.say('马俊', '/登记 赵大姐 13698765432 七一路5号 小区门口积水', 'qyl')
  web = await webServerOf(h)
}
beforeEach(start)
afterEach(async () => {
  await web.close()
  await h.close()
})

/** A browser's cookies: kept from every response, sent with every request. */
class Jar {
  cookies = new Map<string, string>()
  async go(o: InjectOptions): Promise<LightMyRequestResponse> {
    const headers = { ...(o.headers ?? {}), ...(this.cookies.size ? { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } : {}) }
    const r = await web.fastify.inject({ ...o, headers })
    for (const c of r.cookies) {
      if (c.value === '' || (c.expires && c.expires.getTime() < Date.now())) this.cookies.delete(c.name)
      else this.cookies.set(c.name, c.value)
    }
    return r
  }
  async submit(page: LightMyRequestResponse, action: string, fields: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? ''
    const payload = new URLSearchParams({ _csrf: csrf, ...fields }).toString()
    return this.go({ method: 'POST', url: action, payload, headers: { 'content-type': 'application/x-www-form-urlencoded' } })
  }
}

const linkPath = (reply: string) => {
  const m = /https?:\/\/[^/\s]+(\/office\/login\/[A-Za-z0-9_-]+)/.exec(reply)
  if (!m) throw new Error(`no link in ${reply}`)
  return m[1]
}

/** Logs in through /后台's link; returns the jar (with the session cookie) and the login response. */
async function login(who: string): Promise<{ jar: Jar; res: LightMyRequestResponse; path: string }> {
  const [reply] = await h.say(who, '/后台')
  const path = linkPath(reply)
  const jar = new Jar()
  const page = await jar.go({ url: path })
  expect(page.statusCode).toBe(200)
  const res = await jar.submit(page, path)
  return { jar, res, path }
}

const audits = async () => [...(await readAudit(h.store, 'district', 2026)), ...(await readAudit(h.store, 'hpl', 2026)), ...(await readAudit(h.store, 'qyl', 2026))]

describe('/后台 and the login', () => {
  test('privately, an admin gets a one-time link; the link opens a session with an HttpOnly, SameSite cookie that expires', async () => {
    const [reply] = await h.say('钱敏', '/后台')
    expect(reply).toContain('【联络室后台】登录链接')
    expect(reply).toContain(`${LOGIN_MINUTES} 分钟内有效，只能用一次`)
    const path = linkPath(reply)
    // 32 base64url characters: 24 random bytes.
    expect(path.split('/').at(-1)).toMatch(/^[A-Za-z0-9_-]{32}$/)
    // The token itself is nowhere in the store: only its hash.
    expect(JSON.stringify(h.store.state.data.webTokens)).not.toContain(path.split('/').at(-1)!.slice(8))
    const jar = new Jar()
    const confirm = await jar.go({ url: path })
    expect(confirm.body).toContain(t.loginConfirm('钱敏'))
    const res = await jar.submit(confirm, path)
    expect(res.statusCode).toBe(303)
    expect(res.headers.location).toBe('/office')
    const cookie = res.cookies.find((c) => c.name === 'lxq_office')!
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/office', maxAge: SESSION_HOURS * 3600 })
    const overview = await jar.go({ url: '/office' })
    expect(overview.statusCode).toBe(200)
    expect(overview.body).toContain(t.overviewTitle(t.scopeDistrict('和平区'), 2026))
    expect((await audits()).map((a) => a.what)).toEqual(expect.arrayContaining(['login_page', 'login', 'overview']))
  })

  test('in a group, or by a representative: refused, no link', async () => {
    expect((await h.say('刘芳', '/后台', HP)).join('\n')).not.toContain('/office/login/')
    expect((await h.say('张明华', '/后台')).join('\n')).not.toContain('/office/login/')
  })

  test('a link is single use: the second use is the Chinese 403 page and opens nothing', async () => {
    const { jar, path } = await login('刘芳')
    const again = new Jar()
    const page = await again.go({ url: path })
    expect(page.statusCode).toBe(403)
    expect(page.body).toContain(esc(t.loginVoid))
    expect(page.body).toContain('data-error')
    // Replaying the form with a fresh CSRF token of another page: still refused.
    const form = await again.go({ url: '/office/login/' + 'A'.repeat(32) })
    expect(form.statusCode).toBe(403)
    expect((await jar.go({ url: '/office' })).statusCode).toBe(200)
    expect(again.cookies.has('lxq_office')).toBe(false)
  })

  test('a wrong or malformed link: 403, audited as refused', async () => {
    const j = new Jar()
    for (const bad of ['/office/login/' + 'x'.repeat(32), '/office/login/short', '/office/login/%3Cscript%3E']) {
      const r = await j.go({ url: bad })
      expect(r.statusCode).toBe(403)
      expect(r.body).toContain(esc(t.loginVoid))
      expect(r.body).not.toContain('<script>')
    }
    expect((await audits()).filter((a) => a.what === 'refused:bad_login_link')).toHaveLength(3)
  })

  test('an expired link (after 10 minutes) is refused', async () => {
    const [reply] = await h.say('刘芳', '/后台')
    h.clock.set(h.clock.now() + LOGIN_MINUTES * 60_000)
    const r = await new Jar().go({ url: linkPath(reply) })
    expect(r.statusCode).toBe(403)
  })

  test('without a session every page is the 403 page saying how to log in; an expired session likewise', async () => {
    for (const url of ['/office', '/office/overdue', '/office/roster', '/office/issues', '/office/issues/HP-2026-0001', '/office/ledger']) {
      const r = await new Jar().go({ url })
      expect(r.statusCode).toBe(403)
      expect(r.body).toContain(esc(t.needLogin))
    }
    const { jar } = await login('刘芳')
    expect((await jar.go({ url: '/office' })).statusCode).toBe(200)
    h.clock.set(h.clock.now() + SESSION_HOURS * 3_600_000)
    expect((await jar.go({ url: '/office' })).statusCode).toBe(403)
  })

  test('a session survives a restart of the bot (stored hashed in the store)', async () => {
    const { jar } = await login('刘芳')
    await web.close()
    await h.restart({ crash: true })
    web = await webServerOf(h)
    expect((await jar.go({ url: '/office' })).statusCode).toBe(200)
  })

  test('/后台 退出全部 ends every session and unused link of that person, not of others', async () => {
    const a = await login('刘芳')
    const b = await login('刘芳')
    const other = await login('钱敏')
    const [unused] = await h.say('刘芳', '/后台')
    expect(unused).toContain('您现在有 2 个已登录的网页')
    const [reply] = await h.say('刘芳', '/后台 退出全部')
    expect(reply).toBe(t.revoked(3))
    expect((await a.jar.go({ url: '/office' })).statusCode).toBe(403)
    expect((await b.jar.go({ url: '/office' })).statusCode).toBe(403)
    expect((await new Jar().go({ url: linkPath(unused) })).statusCode).toBe(403)
    expect((await other.jar.go({ url: '/office' })).statusCode).toBe(200)
  })

  test('logout ends this session (a form with its CSRF token; without it, 403 and still logged in)', async () => {
    const { jar } = await login('刘芳')
    const page = await jar.go({ url: '/office' })
    const noCsrf = await jar.go({ method: 'POST', url: '/office/logout', payload: '', headers: { 'content-type': 'application/x-www-form-urlencoded' } })
    expect(noCsrf.statusCode).toBe(403)
    expect((await jar.go({ url: '/office' })).statusCode).toBe(200)
    const out = await jar.submit(page, '/office/logout')
    expect(out.body).toContain(t.loggedOut)
    expect((await jar.go({ url: '/office' })).statusCode).toBe(403)
  })

  test('the login endpoint is rate-limited (the Chinese 429 page)', async () => {
    const j = new Jar()
    let last = 0
    for (let k = 0; k <= h.config.web.ratePerMinute; k++) last = (await j.go({ url: '/office/login/' + 'y'.repeat(32) })).statusCode
    expect(last).toBe(429)
  })
})

describe('the pages', () => {
  test('the overview says what /统计 本年 says: 响应率, 解决率, 满意率, 结案率, sessions, 接待人次, with charts', async () => {
    const { jar } = await login('钱敏')
    const r = await jar.go({ url: '/office?year=2026' })
    const [stats] = await h.say('钱敏', '/统计 本年 全区')
    const fig = (name: string) => new RegExp(`data-figure="${name}">([^<]+)<`).exec(r.body)?.[1]
    const line = (label: string) => stats.split('\n').find((l) => l.startsWith(label))!
    expect(line('满意率')).toContain(fig('satisfaction')!)
    expect(line('结案')).toContain(fig('closure')!)
    expect(line('响应率')).toContain(fig('response')!)
    expect(line('响应率')).toContain(`解决率 ${fig('solved')}`)
    expect(fig('satisfaction')).toBe('100%（1/1）')
    expect(fig('response')).toBe('100%（1/1）')
    expect(fig('received')).toBe('2 件')
    expect(stats).toContain('受理群众反映问题 2 件')
    expect(line('接待群众')).toBe(`接待群众 ${fig('visits')!.replace(' 人次', '')} 人次`)
    // The charts are server-side SVG, no script anywhere.
    expect((r.body.match(/<svg/g) ?? []).length).toBeGreaterThanOrEqual(4)
    for (const s of [t.chartByMonth, t.chartByStudio, t.chartByDepartment, '11月', '和平里工作室', '区房管局']) expect(r.body).toContain(s)
    expect(r.body).not.toContain('<script')
    // Nobody's name or phone on the overview.
    expect(r.body).not.toMatch(/王大爷|13812345678|赵大姐/)
  })

  test('figures kept between views follow every change: a new registration, a rating, the next day', async () => {
    const { jar } = await login('刘芳')
    const fig = async (name: string) => new RegExp(`data-figure="${name}">([^<]+)<`).exec((await jar.go({ url: '/office' })).body)?.[1]
    expect(await fig('received')).toBe('1 件')
    await h.say('刘芳', '/登记 李大妈 13912345678 和平里5号楼 电梯坏了', HP)
    expect(await fig('received')).toBe('2 件')
    await h.say('刘芳', '/转办 HP-2026-0002 区房管局 3', HP)
    await h.say('刘芳', '/答复 HP-2026-0002 已报修', HP)
    await h.say('刘芳', '/反馈 HP-2026-0002 不满意 不重办', HP)
    expect(await fig('satisfaction')).toBe('50%（1/2）')
  })

  test("a coordinator's overview is their studio only", async () => {
    const { jar } = await login('马俊')
    const r = await jar.go({ url: '/office' })
    expect(r.body).toContain(t.overviewTitle('七一社区工作室', 2026))
    expect(/data-figure="received">([^<]+)</.exec(r.body)?.[1]).toBe('1 件')
    expect(r.body).not.toContain('区房管局')
  })

  test('a bad year is a clear Chinese page and changes nothing', async () => {
    const { jar } = await login('钱敏')
    const before = JSON.stringify(h.store.state.data.markers)
    for (const y of ['abc', '1999', '2027', '2026;drop']) {
      const r = await jar.go({ url: `/office?year=${encodeURIComponent(y)}` })
      expect(r.statusCode).toBe(400)
      expect(r.body).toContain(esc(t.badYear(2017, 2026)))
    }
    expect(JSON.stringify(h.store.state.data.markers)).toBe(before)
  })

  test('the overdue list: green, yellow and red rows, masked', async () => {
    await h.say('刘芳', '/登记 李大妈 13912345678 和平里5号楼 电梯坏了', HP)
    await h.say('刘芳', '/转办 HP-2026-0002 区房管局 30', HP)
    await h.say('刘芳', '/登记 钱大哥 和平里7号楼 路灯不亮', HP)
    await h.say('刘芳', '/转办 HP-2026-0003 区城管委 3', HP)
    // 11-02 Monday: 七一's registration is due for transfer by 11-09; 11-11 it is red; 0003 (due 11-05) red; 0002 green.
    h.clock.set(h.clock.now() + 7 * 86_400_000 + 2 * 86_400_000)
    const { jar } = await login('钱敏')
    const r = await jar.go({ url: '/office/overdue' })
    expect(r.statusCode).toBe(200)
    const colours = [...r.body.matchAll(/data-colour="(\w+)"/g)].map((m) => m[1])
    expect(colours).toEqual(['red', 'red', 'green'])
    expect(r.body).toContain('HP-2026-0003')
    expect(r.body).toContain('钱某')
    expect(r.body).not.toMatch(/李大妈|13912345678|钱大哥/)
    expect(r.body).toContain(t.counts(1, 0, 2))
  })

  test('the roster calendar of a month; a coordinator cannot open another studio', async () => {
    const { jar } = await login('刘芳')
    const r = await jar.go({ url: '/office/roster?month=2026-12' })
    expect(r.statusCode).toBe(200)
    expect(r.body).toContain(t.rosterTitle('和平里工作室', '2026年12月'))
    expect(r.body).toMatch(/data-date="2026-12-\d\d"/)
    const other = await jar.go({ url: '/office/roster?studio=qyl&month=2026-12' })
    expect(other.statusCode).toBe(403)
    expect(other.body).toContain(t.otherStudio)
    expect((await jar.go({ url: '/office/roster?month=2026-13' })).statusCode).toBe(400)
  })

  test("search and the record: the studio's coordinator sees the contact; the admin masked; another studio's coordinator nothing", async () => {
    const hp = await login('刘芳')
    const s = await hp.jar.go({ url: '/office/issues?q=' + encodeURIComponent('楼道灯') })
    expect(s.body).toContain('HP-2026-0001')
    expect(s.body).toContain('王某')
    expect(s.body).not.toContain('王大爷')
    // The other studio's issue is not found by its coordinator's search.
    expect((await hp.jar.go({ url: '/office/issues?q=' + encodeURIComponent('积水') })).body).toContain(t.noResults)
    const own = await hp.jar.go({ url: '/office/issues/HP-2026-0001' })
    expect(own.body).toContain('王大爷')
    expect(own.body).toContain('13812345678')
    const foreign = await hp.jar.go({ url: '/office/issues/QY-2026-0001' })
    expect(foreign.statusCode).toBe(404)
    expect(foreign.body).not.toContain('赵大姐')
    expect(foreign.body).toContain(esc(t.notFound('QY-2026-0001')))
    const admin = await login('钱敏')
    const masked = await admin.jar.go({ url: '/office/issues/QY-2026-0001' })
    expect(masked.statusCode).toBe(200)
    expect(masked.body).toContain('赵某')
    expect(masked.body).not.toMatch(/赵大姐|13698765432/)
    expect((await audits()).some((a) => a.what === 'refused:other_studio' && a.issueId === 'QY-2026-0001')).toBe(true)
  })

  test('bad search input: a clear Chinese page, nothing changed', async () => {
    const { jar } = await login('刘芳')
    for (const q of ['x', 'y'.repeat(31)]) {
      const r = await jar.go({ url: '/office/issues?q=' + encodeURIComponent(q) })
      expect(r.statusCode).toBe(400)
      expect(r.body).toContain(esc(t.searchTooShort))
    }
    expect((await jar.go({ url: '/office/issues/not-an-id' })).statusCode).toBe(404)
    // A field given twice is bad input too (never a crash).
    for (const url of ['/office/issues?q=ab&q=cd', '/office?year=2026&year=2025', '/office/roster?month=2026-12&month=2026-11']) {
      const r = await jar.go({ url })
      expect(r.statusCode).toBe(400)
      expect(r.body).toContain('data-error="400"')
    }
  })

  test('the ledger downloads as xlsx (CSRF form); a bad period is a Chinese page', async () => {
    const { jar } = await login('刘芳')
    const form = await jar.go({ url: '/office/ledger' })
    const bad = await jar.submit(form, '/office/ledger', { period: '13月' })
    expect(bad.statusCode).toBe(400)
    expect(bad.body).toContain('data-error')
    const form2 = await jar.go({ url: '/office/ledger' })
    const r = await jar.submit(form2, '/office/ledger', { period: '本年' })
    expect(r.statusCode).toBe(200)
    expect(r.headers['content-type']).toContain('spreadsheetml')
    expect(r.rawPayload.subarray(0, 2).toString()).toBe('PK')
    expect(String(r.headers['content-disposition'])).toContain(encodeURIComponent('和平里工作室'))
    expect((await audits()).some((a) => a.what === 'ledger')).toBe(true)
  }, 30_000)
})
