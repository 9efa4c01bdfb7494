/**
 * zod building blocks for command arguments. A schema receives `RawArgs` and yields the typed
 * arguments the command's `run` gets; a refusal thrown while parsing (`refuse(code, …)`) becomes the
 * reply and `run` is never called. Schemas split and check the shape of what was typed; what needs the
 * data (which session a date means, which person a name means) is looked up in `run`.
 */
import { z } from 'zod'
import type { HelpText, RawArgs } from './command.js'
import { UserError } from '../messages/user-error.js'
import { refuse } from '../text/refusals.js'
import { parseReplacement, parseRequestNumber, type Replacement } from '../domain/swaps/parse-swap-args.js'

const raw = z.object({ text: z.string(), tokens: z.array(z.string()), mentions: z.array(z.string()) })

/**
 * The one way to make an argument schema: `parse` turns the raw arguments into the typed ones or throws a
 * refusal.
 */
export function argsOf<A>(parse: (a: RawArgs) => A): z.ZodType<A, RawArgs> {
  return raw.transform((a, ctx) => {
    try {
      return parse(a)
    } catch (e) {
      if (!(e instanceof UserError)) throw e
      ctx.addIssue({ code: 'custom', message: e.code, params: { refusal: e } })
      return z.NEVER
    }
  })
}

/** The raw arguments as they are. */
export const rawArgs = argsOf((a) => a)

/** No arguments expected (anything after the name is ignored). */
export const noArgs = argsOf((): Record<string, never> => ({}))

/** The whole argument text, required non-empty (the dispatcher answers an empty one with the command's usage). */
export const textArg: z.ZodType<string, RawArgs> = raw.refine((a) => a.text.length > 0).transform((a) => a.text)

/** The whole argument text, possibly empty. */
export const optionalText = argsOf((a) => a.text)

/** The text after `token` in `text` (a reason after the date or the name). */
export function restAfter(text: string, token: string | undefined): string | undefined {
  if (!token) return undefined
  const at = text.indexOf(token)
  const rest = at < 0 ? '' : text.slice(at + token.length).trim()
  return rest || undefined
}

interface DateFirst {
  /** The date as typed (`12月10日`, `10日`, `下周四`…); `run` finds the session it means. */
  dateText: string
  /** Contact ids the message @mentioned, in order (a copy: `run` may take them one by one). */
  mentions: string[]
}

export interface DateArgs extends DateFirst {
  /** Everything after the date, if anything. */
  rest?: string
}

/** `<日期> [more]`: the swap and duty commands. No date: the command's usage. */
export const dateArgs = (help: HelpText) =>
  argsOf((a): DateArgs => {
    const [dateText] = a.tokens
    if (!dateText) throw refuse('swaps.usage', help.usage, help.example)
    return { dateText, rest: restAfter(a.text, dateText), mentions: [...a.mentions] }
  })

export interface DateAndPersonArgs extends DateFirst {
  /** The person as typed: `@李秀兰` (the next mention), a name, or a person id. */
  who: string
  /** What follows the person (the reason). */
  reason?: string
}

/** `<日期> <@某人|姓名> [理由]`: no date is the usage, no person says a person is needed. */
export const dateAndPersonArgs = (help: HelpText) =>
  argsOf((a): DateAndPersonArgs => {
    const [dateText, who] = a.tokens
    if (!dateText) throw refuse('swaps.usage', help.usage, help.example)
    if (!who) throw refuse('swaps.needTarget', help.usage, help.example)
    return { dateText, who, mentions: [...a.mentions], reason: restAfter(a.text, who) }
  })

export interface SwapArgs extends DateAndPersonArgs {
  /** The other person's date as typed. */
  theirsText: string
}

/** `<我的日期> <对方的日期> <@某人|姓名> [理由]` (/换班). */
export const swapArgs = (help: HelpText) =>
  argsOf((a): SwapArgs => {
    const [dateText, theirsText, who] = a.tokens
    if (!dateText || !theirsText) throw refuse('swaps.usage', help.usage, help.example)
    if (!who) throw refuse('swaps.needTarget', help.usage, help.example)
    return { dateText, theirsText, who, mentions: [...a.mentions], reason: restAfter(a.text, who) }
  })

export interface ForceArgs extends DateFirst {
  /** Who goes off, who comes on, why. */
  change: Replacement
}

/** `<日期> 甲→乙 [理由]` and the other forms parseReplacement reads (/调班): the people are found in `run`. */
export const forceArgs = (help: HelpText) =>
  argsOf((a): ForceArgs => {
    const [dateText] = a.tokens
    if (!dateText) throw refuse('swaps.usage', help.usage, help.example)
    const change = parseReplacement(a.text.slice(a.text.indexOf(dateText) + dateText.length))
    if (!change) throw refuse('swaps.badReplacement')
    return { dateText, mentions: [...a.mentions], change }
  })

export interface RequestArgs {
  /** The swap request's number, as the service knows it. */
  id: string
}

/** `<编号>`: a swap request's number; none or a malformed one is answered with what a number looks like. */
export const requestArgs = (help: HelpText) =>
  argsOf((a): RequestArgs => {
    const first = a.text.trim().split(/\s+/u)[0] ?? ''
    if (!first) throw refuse('swaps.usage', help.usage, help.example)
    const id = parseRequestNumber(first)
    if (!id) throw refuse('swaps.badNumber', first, help.usage)
    return { id }
  })
