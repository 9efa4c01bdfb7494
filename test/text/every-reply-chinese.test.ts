/**
 * Every reply is Chinese: every command of the bot (src/commands/index.ts), by its name, is sent bare,
 * with junk and with too many arguments, in a studio group and privately, by a representative, a
 * coordinator, an admin and a stranger. Every reply must hold Chinese characters and none of the text a
 * library prints on its own; and none may be the crash line ("Invalid input", "Expected …", "undefined", "NaN", "[object …]").
 * "Today" is 2026-12-06 (和平里工作室 meets on the 10th and 25th).
 */
import { Harness } from '../support/harness.js'
import { commands } from '../../src/commands/index.js'
import { zh } from '../../src/text/zh-CN.js'

const NOW = '2026-12-06T08:00:00+08:00'
const HAN = /\p{Script=Han}/u
const LIBRARY_TEXT = /Invalid input|Expected|undefined|NaN|\[object|Error:|ZodError/u

/** What is wrong with a reply, or undefined if it is fine. */
function badReply(text: string): string | undefined {
  if (!HAN.test(text)) return 'no Chinese'
  const lib = LIBRARY_TEXT.exec(text)
  return lib ? `library text "${lib[0]}"` : undefined
}

test('badReply catches what it is meant to catch', () => {
  expect(badReply('Invalid input')).toBe('no Chinese')
  expect(badReply('参数有误：Invalid input')).toBe('library text "Invalid input"')
  expect(badReply('已签到：undefined')).toBe('library text "undefined"')
  expect(badReply('今年 NaN 次')).toBe('library text "NaN"')
  expect(badReply('内容：[object Object]')).toBe('library text "[object"')
  expect(badReply('用法：/请假 <日期>')).toBeUndefined()
})

const variants: Record<string, string> = {
  bare: '',
  junk: ' ###@@!! 啊啊 xyz -1 0 99999999999999999999 2月30日',
  'too many arguments': ' 12月10日 12月25日 张明华 李秀兰 1 2 3 4 5 6 7 8 9 10 多余 多余 多余',
}
const people: Record<string, string> = { representative: 'p01', coordinator: 'c01', admin: 'a01', stranger: 'x-stranger' }
const places: Record<string, string> = { group: 'hpl', private: 'private' }

test('every command, bare, with junk and with too many arguments, in a group and privately, by every role, answers in Chinese', async () => {
  const h = await Harness.start({ now: NOW })
  const problems: string[] = []
  let replies = 0
  try {
    for (const c of commands) {
      for (const [variant, args] of Object.entries(variants)) {
        for (const [role, who] of Object.entries(people)) {
          for (const [place, where] of Object.entries(places)) {
            const before = h.transport.sent.length
            await h.say(who, `/${c.name}${args}`, where, { name: role === 'stranger' ? '路人甲' : undefined })
            for (const m of h.transport.sent.slice(before)) {
              if (m.file) continue // a ledger or calendar file, sent with its own Chinese message
              replies++
              // A crash is never an answer: the generic "something went wrong" line counts as a failure.
              const bad = m.text === zh.common.genericError ? 'crashed' : badReply(m.text)
              if (bad) problems.push(`/${c.name} ${variant}, ${role} in ${place}: ${bad}: ${JSON.stringify(m.text.slice(0, 200))}`)
            }
          }
        }
      }
    }
  } finally {
    await h.close()
  }
  expect(problems).toEqual([])
  // Every message got at least one reply (the loop really ran and really answered).
  expect(replies).toBeGreaterThanOrEqual(commands.length * Object.keys(variants).length * 8)
}, 240_000)
