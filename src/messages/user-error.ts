/**
 * A user's mistake: nothing was changed, and the reply says precisely how to do it right. The error
 * carries *what* went wrong — a code (a key of the text catalogue, e.g. `issues.notFound`) and its
 * parameters — never the words; src/text/refusals.ts chooses the wording (`refuse()` makes one with
 * the code's parameter types checked, `refusalText()` renders it).
 */
export class UserError extends Error {
  constructor(
    readonly code: string,
    readonly params: readonly unknown[] = [],
  ) {
    super(code)
    this.name = 'UserError'
  }
}

/** The refusal an argument schema gave (carried in a zod issue's params), for the dispatcher's reply. */
export function refusalIn(issues: readonly object[]): UserError | undefined {
  for (const i of issues) {
    const r = (i as { params?: { refusal?: unknown } }).params?.refusal
    if (r instanceof UserError) return r
  }
  return undefined
}
