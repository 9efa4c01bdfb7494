/**
 * Refusals by code: a command throws `refuse('issues.notFound', id)` and the words come from the
 * catalogue entry of that key (as Sapphire's identifiers and Koishi's locale keys do). The code is
 * checked against the catalogue and its parameters against the entry's, at compile time.
 */
import { UserError } from '../messages/user-error.js'
import { zh, type Catalogue } from './zh-CN.js'

type Entries<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends (...a: infer A) => string
    ? { code: `${P}${K}`; params: A }
    : T[K] extends string
      ? { code: `${P}${K}`; params: [] }
      : T[K] extends readonly unknown[]
        ? never
        : T[K] extends object
          ? Entries<T[K], `${P}${K}.`>
          : never
}[keyof T & string]

/** Every catalogue entry that can be a refusal: its key and the parameters its wording takes. */
export type Refusal = Entries<Catalogue>
export type RefusalCode = Refusal['code']
type ParamsOf<R, C extends string> = R extends { code: infer K extends string; params: infer A } ? (C extends K ? A : never) : never
export type RefusalParams<C extends RefusalCode> = ParamsOf<Refusal, C>

export function refuse<C extends RefusalCode>(code: C, ...params: RefusalParams<C>): UserError {
  return new UserError(code, params)
}

function entry(code: string): unknown {
  let at: unknown = zh
  for (const key of code.split('.')) at = at && typeof at === 'object' ? (at as Record<string, unknown>)[key] : undefined
  return at
}

/** The reply for a refusal; a code the catalogue lacks reads as the general "could not do that" reply. */
export function refusalText(e: UserError): string {
  const w = entry(e.code)
  if (typeof w === 'function') return String((w as (...a: unknown[]) => unknown)(...e.params))
  if (typeof w === 'string') return w
  return zh.common.unknownRefusal
}

/** Is there wording for this code (a test checks every code the commands use)? */
export function hasWording(code: string): boolean {
  const w = entry(code)
  return typeof w === 'function' || typeof w === 'string'
}
