/** The address `npm start` prints opens a Chinese front page (not a 404), naming nobody; a favicon request is answered empty. */
import { Harness } from '../support/harness.js'
import { webServerOf } from '../support/web.js'
import { esc } from '../../src/web/html.js'
import { zh } from '../../src/text/zh-CN.js'

test('the front page says how constituents, departments and the liaison office get in; /favicon.ico is 204', async () => {
  const h = await Harness.start({ now: '2026-12-10T18:30:00+08:00' })
  const web = await webServerOf(h)
  try {
    await h.say('刘芳', '/登记 王大爷 13812345678 和平里3号楼 楼道灯坏了', 'hpl')
    const home = await web.fastify.inject({ url: '/' })
    expect(home.statusCode).toBe(200)
    expect(home.headers['content-type']).toMatch(/text\/html/)
    for (const s of [zh.web.home.title, zh.web.home.constituent.title, zh.web.home.department.title, zh.web.home.office.title]) expect(home.body).toContain(esc(s))
    expect(home.body).toContain('href="/q"')
    expect(home.body).not.toMatch(/王|13812345678|HP-2026/)
    expect((await web.fastify.inject({ url: '/favicon.ico' })).statusCode).toBe(204)
    expect((await web.fastify.inject({ url: '/nothing-here' })).statusCode).toBe(404)
  } finally {
    await web.close()
    await h.close()
  }
})
