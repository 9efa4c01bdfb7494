/** A user's mistake: the message says precisely how to do it right. Nothing was changed. */
export class UserError extends Error {
  constructor(readonly reply: string) {
    super(reply)
    this.name = 'UserError'
  }
}
