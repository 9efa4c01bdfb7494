/**
 * Issue 14's walks, one by one: the list cut before masking, stored text rewritten, a pasted form line
 * that looked like a receipt field. (The seeded property test over every group path is
 * test/app/group-privacy.property.test.ts.)
 */
import { Harness } from '../support/harness.js'
import { showsDigitsOf } from '../../src/domain/privacy/mask-group-text.js'

const HP = 'hpl'
let h: Harness

beforeEach(async () => {
  h = await Harness.start({ now: '2026-12-10T18:30:00+08:00' })
})
afterEach(() => h.close())

const groupTexts = () => h.sentTo(HP).map((m) => m.text)

test('mask first, cut after: /待办 never shows the start of a number the receipt shows the end of', async () => {
  const content = '楼上邻居家漏水，已经三天了，物业不管，请联系我13812345678'
  await h.say('刘芳', `/登记 周大姐 13812345678 ${content}`, HP)
  await h.say('刘芳', '/登记 钱阿姨 身份证号120101195001011234的补办问题，派出所说要等', HP)
  const todo = (await h.say('刘芳', '/待办', HP))[0]
  expect(todo).toContain('HP-2026-0001')
  expect(todo).toContain('…')
  for (const text of groupTexts()) {
    expect(showsDigitsOf(text, '13812345678', 4 + 1)).toBe(false) // not even 5 digits of the middle
    expect(text).not.toMatch(/1381234|1201011/)
  }
})

test('stored text is what was typed: full-width punctuation stays, parsing works on a normalised copy', async () => {
  await h.say('刘芳', '/登记 王大爷 １３８１２３４５６７８ 和平里３号楼 楼道灯坏了，晚上很黑！请尽快修。', HP)
  await h.say('刘芳', '/答复 HP-2026-0001 物业已于12月12日更换楼道灯，并检查了线路！', HP)
  await h.say('刘芳', '/反馈 HP-2026-0001 满意！', HP)
  const issue = (await h.app.deps.issues.get('HP-2026-0001'))!
  expect(issue.constituent.phone).toBe('13812345678') // parsed: normalised
  expect(issue.constituent.address).toBe('和平里３号楼')
  expect(issue.content).toBe('楼道灯坏了，晚上很黑！请尽快修。')
  expect(issue.answers[0].text).toBe('物业已于12月12日更换楼道灯，并检查了线路！')
  expect(issue.feedback?.rating).toBe('满意')
  expect(issue.feedback?.comment).toBeUndefined() // `！` alone is no comment
})

test('a comment with full-width punctuation is kept as typed', async () => {
  await h.say('刘芳', '/登记 王大爷 楼道灯坏了', HP)
  await h.say('刘芳', '/答复 HP-2026-0001 已修好', HP)
  await h.say('刘芳', '/反馈 HP-2026-0001 基本满意，修得慢了点！', HP)
  expect((await h.app.deps.issues.get('HP-2026-0001'))!.feedback?.comment).toBe('修得慢了点！')
})

test('a pasted form line that is no intake field is content (masked like it), never a field of the receipt', async () => {
  const form = ['/登记', '姓名：李阿姨', '电话：13698765432', '诉求：小区门口垃圾堆了一周', '值班代表：钱敏', '身份证：120101195001011234'].join('\n')
  const receipt = (await h.say('刘芳', form, HP))[0]
  const lines = receipt.split('\n')
  // Only the receipt's own 值班代表 line (if any: this day has no session) starts with the label.
  expect(lines.filter((l) => l.startsWith('值班代表：') && l.includes('钱敏'))).toEqual([])
  expect(receipt).toContain('　　值班代表：钱敏')
  expect(receipt).toContain('　　身份证：120***********1234')
  const issue = (await h.app.deps.issues.get('HP-2026-0001'))!
  expect(issue.content).toBe('小区门口垃圾堆了一周\n值班代表：钱敏\n身份证：120101195001011234')
})

test('a home address inside the complaint is cut before its numbers in the group receipt and /待办; the coordinator privately sees it whole', async () => {
  await h.say('张明华', '/登记 钱叔 13812345678 楼道灯坏了，住在滨江道8号楼3门201', HP)
  await h.say('张明华', '/登记 周阿姨 灯坏了 我家是成都道120号3单元501', HP)
  await h.say('刘芳', '/待办', HP)
  const texts = groupTexts().join('\n')
  expect(texts).toContain('住在滨江道**')
  expect(texts).toContain('我家是成都道**')
  expect(texts).not.toMatch(/8号楼|3门|201|120号|3单元|501/)
  const full = (await h.say('刘芳', '/查询 HP-2026-0001')).join('\n')
  expect(full).toContain('滨江道8号楼3门201')
})

test('a phone with digits missing right after the name is refused, not taken into the complaint', async () => {
  const reply = (await h.say('张明华', '/登记 王大爷 138123 成都道120号3单元501 灯坏了', HP)).join('\n')
  expect(reply).toContain('电话号码位数不对')
  expect(await h.app.deps.issues.get('HP-2026-0001')).toBeUndefined()
  expect(groupTexts().join('\n')).not.toContain('138123')
})
