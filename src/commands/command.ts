/**
 * The shape of a chat command (one per file in src/commands/). A command declares who may use it and
 * where, a zod schema that turns the raw argument text into typed arguments, and a `run` that *returns*
 * its reply; the dispatcher checks roles before `run`, and one sender delivers what it returns.
 */
import type { z } from 'zod'
import type { Role, Studio } from '../domain/model.js'
import type { LocalDate } from '../domain/time/local-date.js'
import type { Deps } from '../app/deps.js'
import type { Asker } from '../app/asker.js'
import type { Reply } from '../messages/message.js'

export type { Asker } from '../app/asker.js'
export type { Reply, Target } from '../messages/message.js'

export interface HelpText {
  summary: string
  usage: string
  example: string
  details?: string
}

/** What the argument schema receives. */
export interface RawArgs {
  /** Everything after the command name, normalised (NFKC, mentions of the bot removed). */
  text: string
  tokens: string[]
  /** Contact ids the message @mentioned (other than the bot), in order. */
  mentions: string[]
}

export interface CommandContext {
  msgId: string
  now: number
  today: LocalDate
  asker: Asker
  chat: { kind: 'group'; roomId: string } | { kind: 'private' }
  /** The studio of the group, or in a private chat the asker's own studio (if any). */
  studio?: Studio
  /**
   * The message as it was typed (not normalised). Commands parse the normalised `RawArgs.text` and store
   * free texts as typed, through `recoverTyped` (src/domain/message/recover-typed.ts).
   */
  typed?: string
  /** A file that came with the message (an admin's 花名册 xlsx sent privately). */
  file?: { name: string; read(): Promise<Buffer> }
  /** Every command of the bot (for /帮助), as the dispatcher has them. */
  commands: readonly Command<any>[]
}

export interface Command<A = unknown> {
  name: string
  aliases?: string[]
  /** `anyone`, or the roles any one of which suffices. */
  roles: 'anyone' | Role[]
  where?: 'any' | 'group' | 'private'
  /** The command needs a studio (from the group, or the asker's own in a private chat). */
  needsStudio?: boolean
  /** May run in a group that is bound to no studio yet (only the command that binds a group). */
  allowInUnboundGroup?: boolean
  /** Given with no arguments in a quoted reply, the command takes the quoted message (name, text) as them. */
  takesQuoteAsArgs?: boolean
  /** The command changes stored data: a replayed message id must never run it twice. */
  mutates?: boolean
  help: HelpText
  args: z.ZodType<A, RawArgs>
  run(input: { args: A; ctx: CommandContext }, deps: Deps): Promise<Reply> | Reply
}

export { UserError } from '../messages/user-error.js'

/** Identity helper so that each command file gets its argument type inferred. */
export function defineCommand<A>(c: Command<A>): Command<A> {
  return c
}
