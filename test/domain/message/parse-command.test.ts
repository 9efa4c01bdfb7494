import {
  normalizeText,
  parseCommand,
  stripBotMentions,
  tokenize,
  type ParsedMessage,
} from '../../../src/domain/message/parse-command.js'
import { closestNames } from '../../../src/domain/message/closest-names.js'

// Names as the registry gives them: overlapping prefixes on purpose (值班/值班表, 绑定/绑定码/绑定本群).
const NAMES = ['帮助', 'help', '菜单', '?', '登记', '值班', '值班表', '绑定', '绑定码', '绑定本群', '我是谁', '请假']
const opts = { names: NAMES, botNames: ['连心桥'] }
const parse = (raw: string) => parseCommand(raw, opts)

const cmd = (name: string, args = '', tokens: string[] = args ? args.split(' ') : [], known = true): ParsedMessage => ({
  kind: 'command',
  name,
  known,
  args,
  tokens,
})

describe('parseCommand: what people actually type in WeChat', () => {
  test.each<[string, string, ParsedMessage]>([
    ['plain ASCII slash', '/帮助', cmd('帮助')],
    ['full-width slash ／', '／帮助', cmd('帮助')],
    ['space after the slash', '/ 帮助', cmd('帮助')],
    ['full-width colon ：', '/登记：王大爷', cmd('登记', '王大爷')],
    ['a Chinese name glued to Latin letters (an issue number)', '/请假HP-2026-0001', cmd('请假', 'HP-2026-0001')],
    ['ASCII colon', '/登记:王大爷', cmd('登记', '王大爷')],
    ['full-width space U+3000 between args', '/登记\u3000王大爷\u3000路灯坏了', cmd('登记', '王大爷 路灯坏了')],
    ['colon then full-width space', '/登记：\u3000王大爷', cmd('登记', '王大爷')],
    ['@bot with U+2005 (what the client inserts)', '@连心桥\u2005/帮助', cmd('帮助')],
    ['@bot with a plain space', '@连心桥 /值班', cmd('值班')],
    ['@bot glued to the slash', '@连心桥/帮助', cmd('帮助')],
    ['@bot at the end', '/帮助 @连心桥', cmd('帮助')],
    ['@bot twice', '@连心桥\u2005@连心桥\u2005/帮助', cmd('帮助')],
    ['zero-width space and joiner inside the name', '/\u200B帮\u200D助', cmd('帮助')],
    ['BOM in front', '\uFEFF/帮助', cmd('帮助')],
    ['word joiner U+2060', '/帮\u2060助', cmd('帮助')],
    ['RTL override around the text', '\u202E/帮助\u202C', cmd('帮助')],
    ['RLM and LRM marks', '\u200F/登记\u200E 王大爷', cmd('登记', '王大爷')],
    ['RTL isolate', '\u2067/帮助\u2069', cmd('帮助')],
    ['Arabic letter mark U+061C', '/帮\u061C助', cmd('帮助')],
    ['soft hyphen U+00AD pasted from a document', '/登\u00AD记 王大爷', cmd('登记', '王大爷')],
    ['C0 control characters', '/帮\u0007助', cmd('帮助')],
    ['glued Chinese args', '/登记王大爷反映路灯坏了', cmd('登记', '王大爷反映路灯坏了')],
    ['glued digits', '/绑定123456', cmd('绑定', '123456')],
    ['glued full-width digits fold to ASCII', '/绑定１２３４５６', cmd('绑定', '123456')],
    ['full-width digits in args fold to ASCII', '/值班 １２月', cmd('值班', '12月')],
    ['longest prefix: 值班表 wins over 值班', '/值班表', cmd('值班表')],
    ['longest prefix with args', '/值班表 3月', cmd('值班表', '3月')],
    ['the shorter name when that is what was typed', '/值班 3月', cmd('值班', '3月')],
    ['shorter name glued to digits', '/值班3月', cmd('值班', '3月')],
    ['longest of three: 绑定本群', '/绑定本群 联络室', cmd('绑定本群', '联络室')],
    ['middle of three: 绑定码', '/绑定码', cmd('绑定码')],
    ['ASCII alias', '/help 登记', cmd('help', '登记')],
    ['ASCII alias is not a prefix of a longer word', '/helpme', cmd('helpme', '', [], false)],
    ['punctuation alias', '/?', cmd('?')],
    ['unknown Chinese command', '/请个假 明天', cmd('请个假', '明天', ['明天'], false)],
    ['unknown command glued to nothing', '/请个假', cmd('请个假', '', [], false)],
    ['unknown command with a colon', '/天气：明天', cmd('天气', '明天', ['明天'], false)],
    ['multi-line args keep their lines', '/登记 王大爷\r\n13812345678\n\n楼道灯坏了', cmd('登记', '王大爷\n13812345678\n\n楼道灯坏了', ['王大爷', '13812345678', '楼道灯坏了'])],
    ['multi-line glued after the name', '/登记\n王大爷\n路灯', cmd('登记', '王大爷\n路灯', ['王大爷', '路灯'])],
    ['lines are trimmed, inner spacing kept', '/登记  王大爷 \n  路灯 ', cmd('登记', '王大爷\n路灯', ['王大爷', '路灯'])],
  ])('%s', (_label, raw, expected) => {
    expect(parse(raw)).toEqual(expected)
  })

  test.each<[string, string, ParsedMessage]>([
    ['plain chat', '大家好', { kind: 'chat', text: '大家好' }],
    ['chat that mentions the bot keeps the rest', '@连心桥\u2005你好', { kind: 'chat', text: '你好' }],
    ['a slash later in the line is still chat', '今天/明天都行', { kind: 'chat', text: '今天/明天都行' }],
    ['chat is normalised too', '你好\u3000\u200B世界', { kind: 'chat', text: '你好 世界' }],
    ['a mention of someone else stays', '@王大爷 你好', { kind: 'chat', text: '@王大爷 你好' }],
    ['a longer name that starts with the bot name is not the bot', '@连心桥小助手 /帮助', { kind: 'chat', text: '@连心桥小助手 /帮助' }],
    ['empty', '', { kind: 'empty' }],
    ['only white space', ' \u3000\n\t ', { kind: 'empty' }],
    ['only invisible characters', '\u200B\uFEFF\u200F', { kind: 'empty' }],
    ['mention only', '@连心桥', { kind: 'empty' }],
    ['mention only, with U+2005', '@连心桥\u2005', { kind: 'empty' }],
    ['a bare slash', '/', { kind: 'empty' }],
  ])('%s', (_label, raw, expected) => {
    expect(parse(raw)).toEqual(expected)
  })

  test('a bot without a display name strips nothing', () => {
    expect(parseCommand('@连心桥 /帮助', { names: NAMES, botNames: [''] })).toEqual({ kind: 'chat', text: '@连心桥 /帮助' })
  })

  test('regex characters in the bot name are taken literally', () => {
    expect(parseCommand('@连心桥(测试) /帮助', { names: NAMES, botNames: ['连心桥(测试)'] })).toEqual(cmd('帮助'))
    expect(parseCommand('@连心桥测试 /帮助', { names: NAMES, botNames: ['连心桥.测试'] })).toEqual({ kind: 'chat', text: '@连心桥测试 /帮助' })
  })

  test('the order of names in the registry does not change the longest match', () => {
    const reversed = { names: [...NAMES].reverse(), botNames: ['连心桥'] }
    expect(parseCommand('/值班表 3月', reversed)).toEqual(cmd('值班表', '3月'))
    expect(parseCommand('/绑定本群', reversed)).toEqual(cmd('绑定本群'))
  })
})

describe('normalizeText', () => {
  test.each<[string, string, string]>([
    ['full-width ASCII', '／ＨＥＬＰ：１２３', '/HELP:123'],
    ['ideographic space', '甲\u3000乙', '甲 乙'],
    ['U+2005 four-per-em space', '@连心桥\u2005/帮助', '@连心桥 /帮助'],
    ['no-break space', '甲\u00A0乙', '甲 乙'],
    ['zero-width characters removed', '甲\u200B\u200C\u200D\u2060\uFEFF乙', '甲乙'],
    ['bidi controls removed', '\u202A甲\u202B\u202D\u202E乙\u202C\u2066\u2067\u2068\u2069', '甲乙'],
    ['CRLF and CR become LF', 'a\r\nb\rc', 'a\nb\nc'],
    ['tabs and newlines survive inside', '甲\t乙\n丙', '甲\t乙\n丙'],
    ['each line trimmed, blank lines kept', '  甲  \n\n  乙  ', '甲\n\n乙'],
    ['Chinese punctuation that NFKC folds', '（你好），；！？', '(你好),;!?'],
    ['Chinese punctuation that NFKC keeps', '、。「」', '、。「」'],
  ])('%s', (_label, raw, expected) => {
    expect(normalizeText(raw)).toBe(expected)
  })
})

describe('stripBotMentions', () => {
  test.each<[string, string, string[], string]>([
    ['at the start', '@连心桥 /帮助', ['连心桥'], '/帮助'],
    ['in the middle', '请 @连心桥 看看', ['连心桥'], '请 看看'],
    ['at the end', '看看 @连心桥', ['连心桥'], '看看'],
    ['any of several names', '@小桥 @连心桥 /帮助', ['连心桥', '小桥'], '/帮助'],
    ['full-width name given is NFKC-folded', '@Bot1 /帮助', ['Ｂｏｔ１'], '/帮助'],
    ['a longer nickname is left alone', '@连心桥群主 你好', ['连心桥'], '@连心桥群主 你好'],
    ['newlines are kept', '@连心桥 /登记 甲\n乙', ['连心桥'], '/登记 甲\n乙'],
  ])('%s', (_label, text, names, expected) => {
    expect(stripBotMentions(text, names)).toBe(expected)
  })
})

describe('tokenize', () => {
  test.each<[string, string, string[]]>([
    ['spaces', '张明华 李秀兰', ['张明华', '李秀兰']],
    ['ASCII and Chinese commas', '甲,乙，丙', ['甲', '乙', '丙']],
    ['enumeration comma 、', '甲、乙、丙', ['甲', '乙', '丙']],
    ['semicolons', '甲;乙；丙', ['甲', '乙', '丙']],
    ['newlines and tabs', '甲\n乙\t丙', ['甲', '乙', '丙']],
    ['runs of separators make no empty tokens', ' 甲 ,、 乙 ', ['甲', '乙']],
    ['empty', '', []],
    ['Chinese text is never split inside', '王大爷反映路灯坏了', ['王大爷反映路灯坏了']],
  ])('%s', (_label, args, expected) => {
    expect(tokenize(args)).toEqual(expected)
  })
})

describe('closestNames', () => {
  test.each<[string, string, string[]]>([
    ['one character inserted', '请个假', ['请假']],
    ['a typo in an ASCII name', 'hlep', ['help']],
    ['a homophone typo shares a character', '帮主', ['帮助']],
    ['a shared character suggests every name with it, nearest first', '值', ['值班', '值班表']],
    ['glued args share characters with the right name', '值班表格', ['值班表', '值班']],
    ['nothing similar', 'xyz', []],
    ['nothing similar, Chinese', '天气', []],
    ['one character in common with a longer name is not enough', '乱码命令', []],
    ['half of the shorter name in common is', '值日表', ['值班表', '值班']],
  ])('%s', (_label, name, expected) => {
    expect(closestNames(name, NAMES)).toEqual(expected)
  })

  test('a name with nothing in common is never suggested just for being short', () => {
    // Every one-character input is one substitution away from the alias `?`; that is not "close".
    expect(closestNames('值', NAMES)).not.toContain('?')
    expect(closestNames('x', NAMES)).toEqual([])
  })

  test('at most `max` names', () => {
    expect(closestNames('绑', NAMES, 2)).toHaveLength(2)
    expect(closestNames('绑', NAMES)).toEqual(['绑定', '绑定码', '绑定本群'])
  })
})

describe('mention followed by punctuation, and ASCII aliases in any case', () => {
  const opts = { names: ['帮助', 'help', '登记'], botNames: ['连心桥'] }
  test.each([
    ['@连心桥：/帮助', '帮助', ''],
    ['@连心桥: /登记 王大爷', '登记', '王大爷'],
    ['/HELP', 'help', ''],
    ['/Help 登记', 'help', '登记'],
  ])('%s', (raw, name, args) => {
    const p = parseCommand(raw, opts)
    expect(p).toMatchObject({ kind: 'command', name, known: true, args })
  })
})
