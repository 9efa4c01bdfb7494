/**
 * What a refusal may quote back of what someone typed. A refusal is posted where the command was sent,
 * often a group, and what was typed may be a constituent's number (`/登记 王大爷 1381234567 …`, a phone
 * where an issue id belongs): a quote with 7 or more digits in all (any width, even split by letters) shows none of them, and a quote is
 * at most 20 characters. Short numbers (a day count, a date, a request number) are quoted as typed, so the
 * person sees what was not understood.
 */
const MAX_QUOTE = 20
const DIGIT = /\p{Nd}/gu

export function echoTyped(typed: string): string {
  const chars = [...typed.trim()]
  const cut = chars.length > MAX_QUOTE ? chars.slice(0, MAX_QUOTE).join('') + '…' : chars.join('')
  const digits = typed.match(DIGIT)?.length ?? 0
  return digits >= 7 ? cut.replace(DIGIT, '*') : cut
}
