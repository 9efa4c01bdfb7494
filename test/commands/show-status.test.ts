/**
 * /状态 through the production dispatcher and sender (config/demo.yaml; 钱敏 is the admin): privately
 * for admins only; it shows the connection (or that there is none in this rig), the queue, the last
 * message to each group, the calendar's coverage, the data folder and today's sends.
 */
import { Harness } from '../support/harness.js'

let h: Harness
beforeEach(async () => {
  h = await Harness.start({ now: '2026-12-02T10:00:00+08:00' })
})
afterEach(() => h.close())

test('an admin in private: every part of the status, with the last post to a group after one is sent', async () => {
  await h.app.deps.outbox.post('test:status', [{ to: { roomId: h.room('hpl') }, text: 'a post' }], h.clock.now())
  await h.app.idle()
  const [reply] = await h.say('钱敏', '/状态')
  expect(reply).toContain('【连心桥运行状态】')
  expect(reply).toContain('微信连接：未知')
  expect(reply).toContain('排队待发：0 条')
  expect(reply).toContain('和平里工作室：2026-12-02 10:00')
  expect(reply).toContain('七一社区工作室：本次启动后未发送')
  expect(reply).toContain('节假日日历：2026 年已收录，2027 年未收录（暂按临时日历：法定节假日加周末）')
  expect(reply).toMatch(/数据目录 .+：可写，剩余空间 [\d,]+ MB/)
  expect(reply).toMatch(/今天已发送：\d+ 条，最多的群 \S+ \d+ 条/)
})

test('the connection as the gateway supervisor reports it', async () => {
  const deps = h.app.deps
  const inner = deps.botStatus!
  deps.botStatus = () => ({ ...inner(), connection: { state: 'logged-in', since: Date.parse('2026-12-02T08:30:00+08:00'), account: { name: '连心桥', id: 'wxid_lxq' } } })
  const [reply] = await h.say('钱敏', '/状态')
  expect(reply).toContain('微信连接：已登录微信（自 2026-12-02 08:30）')
  expect(reply).toContain('登录账号：连心桥（wxid_lxq）')
})

test('refused to a coordinator, and in a group', async () => {
  const [coord] = await h.say('刘芳', '/状态')
  expect(coord).toContain('只有联络室管理员可以使用')
  const [group] = await h.say('钱敏', '/状态', 'hpl')
  expect(group).toContain('“/状态”只在私聊里使用，请私聊我发送。')
})
