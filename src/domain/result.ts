/**
 * Domain functions return a Result with an error *code* (never prose); the wording is chosen one layer
 * up, from the text catalogue (Sapphire's `Result.err(Identifiers.X)`).
 */
export type Ok<T> = { ok: true; value: T }
export type Err<C extends string = string> = { ok: false; code: C; params?: Record<string, string | number> }
export type Result<T, C extends string = string> = Ok<T> | Err<C>

export const ok = <T>(value: T): Ok<T> => ({ ok: true, value })
export const err = <C extends string>(code: C, params?: Record<string, string | number>): Err<C> =>
  params ? { ok: false, code, params } : { ok: false, code }
