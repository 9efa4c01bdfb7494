/**
 * A quoted reply to the duty announcement that says yes ("收到", "确认", "好的", "👌" …) confirms the duty,
 * as /确认值班 does. Which session: the date the quoted announcement names (`2026年12月10日`), when WeChat
 * kept it in the quote (it shortens long quotes); otherwise the replier's next duty. Pure.
 */
import { isValidDate, makeDate, type LocalDate } from '../time/local-date.js'

/** What a representative types to say yes (NFKC-normalised, trailing punctuation and emoji allowed). */
const YES = /^(?:收到|确认|确认到岗|确认值班|好|好的|可以|能来|能到|没问题|准时到|准时到岗|ok|okay|1|👌|👍|🙏|[/]确认值班|[/]确认)(?:[\s!！。.~～,，了啦呀😊👌👍🙏]*)$/iu
const DATE = /(\d{4})年(\d{1,2})月(\d{1,2})日/u

/**
 * `{ date }` (maybe undefined: the quote lost it) when `text` says yes to a quoted post that starts with
 * `title` (the announcement's first words); undefined when it is not a confirmation at all.
 */
export function quotedConfirmation(text: string, quoted: string | undefined, title: string): { date?: LocalDate } | undefined {
  if (!quoted || !quoted.trimStart().replace(/^【补发】/u, '').startsWith(title)) return undefined
  if (!YES.test(text.normalize('NFKC').trim())) return undefined
  const m = DATE.exec(quoted)
  const date = m ? makeDate(Number(m[1]), Number(m[2]), Number(m[3])) : undefined
  return { date: date && isValidDate(date) ? date : undefined }
}
