import { parseIntake, type IntakeCode } from '../../../src/domain/issues/parse-intake.js'
import type { Intake } from '../../../src/domain/issues/issue.js'

const CATEGORIES = ['市容环境', '物业管理', '社会保障', '医疗卫生', '教育', '交通出行', '治安', '供暖供水', '其他']
const parse = (text: string, maxLength?: number) => parseIntake(text, { categories: CATEGORIES, maxLength })

/** Shorthand for an expected intake: category guessed unless `stated` is set. */
function intake(
  name: string,
  phone: string | undefined,
  address: string | undefined,
  content: string,
  category: string,
  extra: { stated?: boolean; onTheSpot?: string } = {},
): Intake {
  return {
    constituent: { name, ...(phone ? { phone } : {}), ...(address ? { address } : {}) },
    content,
    category,
    categoryGuessed: !extra.stated,
    ...(extra.onTheSpot ? { onTheSpot: extra.onTheSpot } : {}),
  }
}

const accepted: [string, string, Intake][] = [
  ['one line, the example', '王大爷 13812345678 和平里3号楼 楼道灯坏了半个月',
    intake('王大爷', '13812345678', '和平里3号楼', '楼道灯坏了半个月', '物业管理')],
  ['phone first', '13812345678 王大爷 和平里3号楼 楼道灯坏了半个月',
    intake('王大爷', '13812345678', '和平里3号楼', '楼道灯坏了半个月', '物业管理')],
  ['phone between address and content', '王大爷 和平里3号楼 13812345678 楼道灯坏了半个月',
    intake('王大爷', '13812345678', '和平里3号楼', '楼道灯坏了半个月', '物业管理')],
  ['phone at the end', '王大爷 和平里3号楼 楼道灯坏了半个月 13812345678',
    intake('王大爷', '13812345678', '和平里3号楼', '楼道灯坏了半个月', '物业管理')],
  ['phone with dashes', '李阿姨 138-1234-5678 幸福小区 小区门口垃圾堆了一周没人清',
    intake('李阿姨', '13812345678', '幸福小区', '小区门口垃圾堆了一周没人清', '市容环境')],
  ['phone with spaces', '李阿姨 138 1234 5678 幸福小区 小区门口垃圾堆了一周没人清',
    intake('李阿姨', '13812345678', '幸福小区', '小区门口垃圾堆了一周没人清', '市容环境')],
  ['no address', '张师傅 13912345678 暖气不热，室温只有14度',
    intake('张师傅', '13912345678', undefined, '暖气不热,室温只有14度', '供暖供水')], // NFKC turns ， into ,
  ['no phone', '赵女士 解放路12号 门口下水道堵塞',
    intake('赵女士', undefined, '解放路12号', '门口下水道堵塞', '物业管理')],
  ['Chinese commas and a full stop', '王大爷，13812345678，和平里3号楼，楼道灯坏了半个月。',
    intake('王大爷', '13812345678', '和平里3号楼', '楼道灯坏了半个月。', '物业管理')],
  ['full-width digits and spaces, already NFKC', '王大爷　１３８１２３４５６７８　和平里３号楼　楼道灯坏了'.normalize('NFKC'),
    intake('王大爷', '13812345678', '和平里3号楼', '楼道灯坏了', '物业管理')],
  ['full-width digits and spaces, not yet NFKC', '王大爷　１３８１２３４５６７８　和平里３号楼　楼道灯坏了',
    intake('王大爷', '13812345678', '和平里3号楼', '楼道灯坏了', '物业管理')],
  ['landline with 3-digit area code', '刘大妈 022-23456789 向阳里5栋 楼上漏水',
    intake('刘大妈', '022-23456789', '向阳里5栋', '楼上漏水', '物业管理')],
  ['landline with 4-digit area code', '刘大妈 0531-8765432 向阳里5栋 楼上漏水',
    intake('刘大妈', '0531-8765432', '向阳里5栋', '楼上漏水', '物业管理')],
  ['+86 mobile', '陈先生 +86 139 1234 5678 孩子入学的事想咨询',
    intake('陈先生', '13912345678', undefined, '孩子入学的事想咨询', '教育')],
  ['电话 glued to the number', '王大爷 电话13812345678 路灯不亮',
    intake('王大爷', '13812345678', undefined, '路灯不亮', '市容环境')],
  ['电话 glued to the name', '王大爷电话13812345678 楼道灯坏了',
    intake('王大爷', '13812345678', undefined, '楼道灯坏了', '物业管理')],
  ['someone else\'s 电话 later in the content stays there', '王大爷 楼道灯坏了 他儿子电话13912345678',
    intake('王大爷', '13912345678', undefined, '楼道灯坏了 他儿子电话13912345678', '物业管理')],
  ['phone inside the content stays there', '王大爷 楼道灯坏了，请打13812345678联系',
    intake('王大爷', '13812345678', undefined, '楼道灯坏了,请打13812345678联系', '物业管理')],
  ['a second phone stays in the content', '王大爷 13812345678 楼道灯坏了 他儿子电话13912345678',
    intake('王大爷', '13812345678', undefined, '楼道灯坏了 他儿子电话13912345678', '物业管理')],
  ['words before the address are left out of it', '周阿姨 13812345678 反映家住营口道3号楼2单元602 楼道灯坏了',
    intake('周阿姨', '13812345678', '营口道3号楼2单元602', '楼道灯坏了', '物业管理')],
  ['住在 before the address', '周阿姨 住在和平里3号楼 楼道灯坏了',
    intake('周阿姨', undefined, '和平里3号楼', '楼道灯坏了', '物业管理')],
  ['a lead-in word on its own before the address', '周阿姨 住在 和平里3号楼 楼道灯坏了',
    intake('周阿姨', undefined, '和平里3号楼', '楼道灯坏了', '物业管理')],
  ['address in several pieces', '周大姐 13812345678 和平里 3号楼 2单元 301室 楼下烧烤油烟太大',
    intake('周大姐', '13812345678', '和平里 3号楼 2单元 301室', '楼下烧烤油烟太大', '市容环境')],
  ['a date and an order number are not phones', '王大爷 13812345678 2026-09-28停水，工单号1234567890一直没人处理',
    intake('王大爷', '13812345678', undefined, '2026-09-28停水,工单号1234567890一直没人处理', '供暖供水')],
  ['nothing matches a category', '王大爷 13812345678 想了解一下党代表接待日',
    intake('王大爷', '13812345678', undefined, '想了解一下党代表接待日', '其他')],
  ['form, full-width colons', '姓名：王大爷\n电话：13812345678\n地址：和平里3号楼2单元\n诉求：楼道灯坏了半个月',
    intake('王大爷', '13812345678', '和平里3号楼2单元', '楼道灯坏了半个月', '物业管理')],
  ['form, half-width colons, any order, 联系方式', '诉求:路灯不亮\n姓名:李阿姨\n联系方式:13912345678',
    intake('李阿姨', '13912345678', undefined, '路灯不亮', '市容环境')],
  ['form with 手机, 内容 and a stated category', '姓名: 孙大爷\n手机: 139-1234-5678\n内容: 小区电梯经常停\n类别: 物业管理',
    intake('孙大爷', '13912345678', undefined, '小区电梯经常停', '物业管理', { stated: true })],
  ['form with 问题 and a shortened category', '姓名:钱阿姨\n问题:菜市场门口占道经营\n类别:市容',
    intake('钱阿姨', undefined, undefined, '菜市场门口占道经营', '市容环境', { stated: true })],
  ['form on one line with commas', '姓名:王大爷，电话:13812345678，问题:楼道灯坏了',
    intake('王大爷', '13812345678', undefined, '楼道灯坏了', '物业管理')],
  ['form with CRLF line ends', '姓名:王大爷\r\n电话:13812345678\r\n诉求:楼道灯坏了',
    intake('王大爷', '13812345678', undefined, '楼道灯坏了', '物业管理')],
  ['form keeps the lines of the content', '姓名:王大爷\n诉求:楼道灯坏了\n物业说没钱修',
    intake('王大爷', undefined, undefined, '楼道灯坏了\n物业说没钱修', '物业管理')],
  ['head line then labelled content', '王大爷 13812345678\n诉求: 楼道灯坏了',
    intake('王大爷', '13812345678', undefined, '楼道灯坏了', '物业管理')],
  ['one line with a trailing category', '王大爷 13812345678 楼道灯坏了 类别:物业管理',
    intake('王大爷', '13812345678', undefined, '楼道灯坏了', '物业管理', { stated: true })],
  ['phone field says 无', '姓名:王大爷\n电话:无\n诉求:楼道灯坏了',
    intake('王大爷', undefined, undefined, '楼道灯坏了', '物业管理')],
  ['local number in a phone field', '姓名:王大爷\n电话:23456789\n诉求:楼道灯坏了',
    intake('王大爷', '23456789', undefined, '楼道灯坏了', '物业管理')],
  ['answered on the spot, one line', '王大爷 医保报销比例是多少 当场答复: 已告知按政策报销70%',
    intake('王大爷', undefined, undefined, '医保报销比例是多少', '社会保障', { onTheSpot: '已告知按政策报销70%' })],
  ['answered on the spot, form', '姓名:吴大爷\n问题:家庭医生怎么签约\n当场解答:已告知到社区卫生服务中心签约',
    intake('吴大爷', undefined, undefined, '家庭医生怎么签约', '医疗卫生', { onTheSpot: '已告知到社区卫生服务中心签约' })],
  ['leading @mention and colon', '@连心桥\u2005：王大爷 13812345678 楼道灯坏了',
    intake('王大爷', '13812345678', undefined, '楼道灯坏了', '物业管理')],
  ['control, zero-width and bidi characters are stripped', '王大爷\u0000 1381234\u200b5678 楼道灯\u0007坏了\u202e',
    intake('王大爷', '13812345678', undefined, '楼道灯坏了', '物业管理')],
  ['an address alone is taken as the content', '王大爷 13812345678 和平里3号楼',
    intake('王大爷', '13812345678', undefined, '和平里3号楼', '其他')],
  ['compound surname and a minority name', '欧阳·买买提 13812345678 小偷撬了车棚的锁',
    intake('欧阳·买买提', '13812345678', undefined, '小偷撬了车棚的锁', '治安')],
]

describe('parseIntake accepts what people type', () => {
  test.each(accepted)('%s', (_label, text, expected) => {
    expect(parse(text)).toEqual({ ok: true, value: expected })
  })
})

const refused: [string, string, IntakeCode, Record<string, string | number>?][] = [
  ['nothing', '', 'empty_intake'],
  ['only spaces and newlines', '  \n\u3000 ', 'empty_intake'],
  ['mention only', '@连心桥', 'empty_intake'],
  ['mention only, WeChat separator', '@连心桥\u2005', 'empty_intake'],
  ['control characters only', '\u0000\u0001\u200b', 'empty_intake'],
  ['mobile with a bad second digit', '王大爷 12812345678 楼道灯坏了', 'bad_phone', { value: '12812345678' }],
  ['mobile one digit short', '王大爷 1381234567 楼道灯坏了', 'bad_phone', { value: '1381234567' }],
  ['mobile one digit long', '王大爷 138123456789 楼道灯坏了', 'bad_phone', { value: '138123456789' }],
  ['landline too short for its area code', '王大爷 022-1234567 楼道灯坏了', 'bad_phone', { value: '022-1234567' }],
  ['bad number in a phone field', '姓名:王大爷\n电话:12345\n诉求:楼道灯坏了', 'bad_phone', { value: '12345' }],
  ['two numbers in a phone field', '姓名:王大爷\n电话:13812345678 13912345678\n诉求:楼道灯坏了', 'too_many_phones', { count: 2 }],
  ['name only', '王大爷', 'empty_content'],
  ['name and phone only', '王大爷 13812345678', 'empty_content'],
  ['form with an empty 诉求', '姓名:王大爷\n电话:13812345678\n诉求:', 'empty_content'],
  ['no name, just a complaint', '楼道灯坏了半个月没人修', 'missing_name'],
  ['form without a name', '电话:13812345678\n诉求:楼道灯坏了', 'missing_name'],
  ['labelled name with digits', '姓名:王大爷123\n诉求:楼道灯坏了', 'bad_name', { max: 20 }],
  ['100,000 characters', `王大爷 ${'灯'.repeat(100_000)}`, 'too_long', { max: 2000, length: 100_004 }],
  ['over a configured limit', '王大爷 13812345678 楼道灯坏了半个月', 'too_long', { max: 10, length: 24 }],
  ['unknown stated category', '王大爷 楼道灯坏了 类别:拆迁安置', 'unknown_category', { value: '拆迁安置', choices: CATEGORIES.join('、') }],
  ['empty on-the-spot answer', '王大爷 医保报销比例是多少 当场答复:', 'empty_answer'],
]

describe('parseIntake refuses with a code', () => {
  test.each(refused.map((r) => [r[0], r[1], r[2], r[3] ?? null] as const))('%s', (_label, text, code, params) => {
    const r = parse(text, text.startsWith('王大爷 13812345678 楼道灯坏了半个月') ? 10 : undefined)
    expect(r).toEqual(params ? { ok: false, code, params } : { ok: false, code })
  })
})

describe('parseIntake limits', () => {
  test('exactly the limit is accepted, one more character is not', () => {
    const head = '王大爷 '
    const exact = head + '灯'.repeat(2000 - head.length)
    expect(parse(exact).ok).toBe(true)
    expect(parse(exact + '坏')).toEqual({ ok: false, code: 'too_long', params: { max: 2000, length: 2001 } })
  })

  test('the limit counts characters, not UTF-16 units', () => {
    const text = `王大爷 ${'😀'.repeat(1500)}`
    expect(text.length).toBeGreaterThan(2000)
    expect(parse(text).ok).toBe(true)
  })

  test('a studio list without 其他 falls back to its last category', () => {
    expect(parseIntake('王大爷 想了解一下党代表接待日', { categories: ['城建', '民生'] })).toMatchObject({
      ok: true,
      value: { category: '民生', categoryGuessed: true },
    })
  })

  test('an empty studio list uses the default categories', () => {
    expect(parseIntake('王大爷 暖气不热', { categories: [] })).toMatchObject({
      ok: true,
      value: { category: '供暖供水', categoryGuessed: true },
    })
  })
})

test.each([
  ['王大爷 138.1234.5671 楼道灯坏了', '13812345671', '楼道灯坏了'],
  ['王大爷 (022)23456789 路灯不亮', '022-23456789', '路灯不亮'],
  ['王大爷 （022）23456789 路灯不亮', '022-23456789', '路灯不亮'],
])('a phone written %s is the phone, and nothing of it is left in the content', (text, phone, content) => {
  const r = parse(text.normalize('NFKC'))
  expect(r.ok && r.value.constituent.phone).toBe(phone)
  expect(r.ok && r.value.content).toBe(content)
})
