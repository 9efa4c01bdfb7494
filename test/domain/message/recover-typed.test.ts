import { recoverTyped } from '../../../src/domain/message/recover-typed.js'

describe('recoverTyped: the value as it was typed, found through its normalised copy', () => {
  test.each([
    ['楼道灯坏了,请尽快!', '/登记 王大爷 楼道灯坏了，请尽快！', '楼道灯坏了，请尽快！'],
    ['满意,谢谢!', '／反馈 HP-2026-0001 满意，谢谢！', '满意，谢谢！'],
    ['ABC 12', '／答复 HP-2026-0001 ＡＢＣ　１２', 'ＡＢＣ　１２'],
    ['已修好', '/答复 HP-2026-0001 已\u200b修好', '已修好'],
    ['第一行\n第二行', '/答复 HP-2026-0001 第一行\r\n第二行', '第一行\n第二行'],
    // The parser removed the phone from the middle: each piece recovered, joined by one space.
    ['楼道灯坏了! 请尽快!', '/登记 王大爷 楼道灯坏了！ 13812345678 请尽快！', '楼道灯坏了！ 请尽快！'],
    // Not in the typed text at all: as parsed.
    ['别的', '/答复 HP-2026-0001 已修好', '别的'],
    ['', '/答复', ''],
  ])('%s', (value, typed, expected) => {
    expect(recoverTyped(value, typed)).toBe(expected)
  })

  test('without the typed text the value stays', () => {
    expect(recoverTyped('a,b', undefined)).toBe('a,b')
  })
})
