/** The argument schemas: what they split out, and the refusal (code) for a wrong shape. */
import { dateArgs, dateAndPersonArgs, forceArgs, requestArgs, swapArgs } from '../../src/commands/args.js'
import { refusalIn } from '../../src/messages/user-error.js'
import type { RawArgs } from '../../src/commands/command.js'

const help = { summary: '', usage: '/代班 <日期> <代表>', example: '/代班 12月10日 @李秀兰' }
const raw = (text: string, mentions: string[] = []): RawArgs => ({ text, tokens: text.split(/\s+/u).filter(Boolean), mentions })
function refusalCode(schema: { safeParse(a: RawArgs): { success: boolean; error?: { issues: object[] } } }, a: RawArgs): string | undefined {
  const r = schema.safeParse(a)
  return r.success ? undefined : refusalIn(r.error!.issues)?.code
}

describe('argument schemas', () => {
  test.each([
    ['', 'swaps.usage'],
    ['12月10日', 'swaps.needTarget'],
  ])('date and person: %j is refused with %s', (text, code) => {
    expect(refusalCode(dateAndPersonArgs(help), raw(text))).toBe(code)
  })

  test('date and person: the parts, the mentions copied, the reason after the person', () => {
    const mentions = ['wx-li']
    const a = dateAndPersonArgs(help).parse(raw('12月10日 @李秀兰 家里有事', mentions))
    expect(a).toEqual({ dateText: '12月10日', who: '@李秀兰', mentions: ['wx-li'], reason: '家里有事' })
    expect(a.mentions).not.toBe(mentions)
  })

  test('date: the rest is the reason, none when nothing follows', () => {
    expect(dateArgs(help).parse(raw('下周四 出差')).rest).toBe('出差')
    expect(dateArgs(help).parse(raw('下周四')).rest).toBeUndefined()
    expect(refusalCode(dateArgs(help), raw(''))).toBe('swaps.usage')
  })

  test.each([
    ['', 'swaps.usage'],
    ['12月10日', 'swaps.usage'],
    ['12月10日 12月25日', 'swaps.needTarget'],
    ['12月10日 12月25日 李秀兰', undefined],
  ])('swap: %j → %s', (text, code) => {
    expect(refusalCode(swapArgs(help), raw(text))).toBe(code)
  })

  test.each([
    ['', 'swaps.usage'],
    ['abc', 'swaps.badNumber'],
    ['7', undefined],
  ])('request number: %j → %s', (text, code) => {
    expect(refusalCode(requestArgs(help), raw(text))).toBe(code)
  })

  test('force: a date without a replacement is refused; with one (甲→乙 理由), the change is read', () => {
    expect(refusalCode(forceArgs(help), raw('12月10日'))).toBe('swaps.badReplacement')
    const a = forceArgs(help).parse(raw('12月10日 王建国→李秀兰 生病'))
    expect(a.change).toEqual({ out: '王建国', in: '李秀兰', reason: '生病' })
  })
})
