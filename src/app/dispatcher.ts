/**
 * From one inbound WeChat message to the replies to send: dedupe by message id, parse, find the command,
 * work out who is asking, check where and by whom it may be used, validate the arguments with the
 * command's zod schema, run it. A user's mistake (UserError, bad arguments, no permission) gets a precise
 * Chinese reply and changes nothing; anything else is logged with the message text and answered with one
 * short generic line. Nothing a message contains can make this throw.
 */
import type { Deps } from './deps.js'
import type { Command, CommandContext, Outgoing, Reply, Target } from '../commands/command.js'
import { UserError } from '../commands/command.js'
import { parseCommand } from '../domain/message/parse-command.js'
import { splitQuote } from '../domain/message/split-quote.js'
import { toLocalDate } from '../domain/time/local-date.js'
import { zh } from '../text/zh-CN.js'
import type { Role } from '../domain/model.js'
import { SeenMessages } from './seen-messages.js'
import { closestNames } from '../domain/message/closest-names.js'
import { maskText } from '../domain/issues/mask.js'

export interface Incoming {
  id: string
  text: string
  talkerId: string
  talkerName: string
  roomId?: string
  /** Contact ids @mentioned in the message, the bot's own excluded. */
  mentions: string[]
  /** The bot itself was @mentioned. */
  mentionsBot?: boolean
}

export interface SendRequest {
  to: Target
  text: string
  mentions?: string[]
  file?: { name: string; data: Buffer }
}

/** Messages longer than this are refused unread (a 100,000-character paste is not an issue report). */
export const MAX_INPUT_CHARS = 20_000

export class Dispatcher {
  private byName = new Map<string, Command<any>>()
  readonly seen: SeenMessages

  constructor(
    private readonly deps: Deps,
    private readonly botNames: () => string[],
  ) {
    for (const c of deps.commands) {
      for (const n of [c.name, ...(c.aliases ?? [])]) {
        if (n.startsWith('/')) throw new Error(`command name must not start with "/": ${n}`)
        if (this.byName.has(n)) throw new Error(`duplicate command name or alias: ${n}`)
        this.byName.set(n, c)
      }
    }
    this.seen = new SeenMessages(deps.store)
  }

  get names(): string[] {
    return [...this.byName.keys()]
  }

  async handle(msg: Incoming): Promise<SendRequest[]> {
    if (this.seen.has(msg.id)) return []
    // The ring of seen ids goes to disk in the background: commands that change data keep the message
    // id in the record they write (on disk before the reply), so only read-only answers could repeat
    // after a kill -9, and waiting for this write would put a state.json fsync on every reply.
    this.seen.mark(msg.id).catch((e) => this.deps.log.error('could not record message id', { error: e }))
    const here: Target = msg.roomId ? { roomId: msg.roomId } : { contactId: msg.talkerId }
    let replies: SendRequest[]
    try {
      replies = await this.route(msg, here)
    } catch (e) {
      const text = e instanceof UserError ? e.reply : this.crash(msg, e)
      replies = [{ to: here, text }]
    }
    return replies
  }

  private crash(msg: Incoming, e: unknown): string {
    // The text is logged masked: it may hold a constituent's phone or ID number.
    this.deps.log.error('command failed', { msgId: msg.id, text: maskText(msg.text.slice(0, 500)), error: e })
    return zh.common.genericError
  }

  private async route(msg: Incoming, here: Target): Promise<SendRequest[]> {
    const deps = this.deps
    const looksLikeCommand = /^\s*(@\S+\s*)*[/／]/u.test(msg.text.slice(0, 200))
    if (msg.text.length > MAX_INPUT_CHARS) {
      return looksLikeCommand ? [{ to: here, text: zh.common.tooLong(MAX_INPUT_CHARS) }] : []
    }
    // A quoted reply: the text after WeChat's dashed separator is the message, the quote is context.
    const { text, quote } = splitQuote(msg.text)
    const opts = { names: this.names, botNames: this.botNames() }
    let parsed = parseCommand(text, opts)
    // `/登记` quoting a constituent's message with no content of its own registers the quoted text.
    if (parsed.kind === 'command' && parsed.known && !parsed.args && quote?.text && this.byName.get(parsed.name)?.takesQuoteAsArgs) {
      // The quoted sender's name comes first, as `/登记 NAME … TEXT` expects.
      parsed = parseCommand(`/${parsed.name} ${quote.who ? `${quote.who} ` : ''}${quote.text}`, opts)
    }
    if (parsed.kind !== 'command') {
      return msg.mentionsBot ? [{ to: here, text: zh.help.mentionHint }] : []
    }
    const command = this.byName.get(parsed.name)
    if (!command) {
      const near = closestNames(parsed.name, this.names)
      const text = zh.common.unknownCommand(parsed.name) + (near.length ? '\n' + zh.common.didYouMean(near) : '')
      return [{ to: here, text }]
    }
    const now = deps.clock.now()
    const roomStudio = msg.roomId ? deps.directory.studioOfRoom(msg.roomId) : undefined
    const asker = await deps.directory.resolve(msg.talkerId, msg.talkerName, roomStudio?.id, now)
    const studio = roomStudio ?? (msg.roomId ? undefined : asker.person?.studioId ? deps.directory.studio(asker.person.studioId) : undefined)
    // Coordinator and representative rights hold in one's own studio's group (and in private chats);
    // admin rights in every bound group. A group bound to nothing is unvetted: no rights at all there,
    // except for the command that binds it (`allowInUnboundGroup`).
    const unboundGroup = !!msg.roomId && !roomStudio && deps.directory.liaisonRoom() !== msg.roomId
    const roles: Role[] = unboundGroup
      ? command.allowInUnboundGroup ? asker.roles : []
      : asker.roles.filter((r) => r === 'admin' || !roomStudio || asker.person?.studioId === roomStudio.id)
    const ctx: CommandContext = {
      msgId: msg.id,
      now,
      today: toLocalDate(now),
      asker: { ...asker, roles },
      chat: msg.roomId ? { kind: 'group', roomId: msg.roomId } : { kind: 'private' },
      studio,
    }
    const denied = this.precondition(command, ctx, msg)
    if (denied) return [{ to: here, text: denied }]
    const parsedArgs = command.args.safeParse({ text: parsed.args, tokens: parsed.tokens, mentions: msg.mentions })
    if (!parsedArgs.success) {
      const custom = parsedArgs.error.issues.find((i) => i.code === 'custom' && i.message)
      const text = custom ? custom.message : zh.common.badArgs(command.name, command.help.usage, command.help.example)
      return [{ to: here, text }]
    }
    const reply = await command.run({ args: parsedArgs.data, ctx }, deps)
    return toRequests(reply, here)
  }

  private precondition(command: Command<any>, ctx: CommandContext, msg: Incoming): string | undefined {
    const where = command.where ?? 'any'
    if (where === 'group' && ctx.chat.kind !== 'group') return zh.common.groupOnly(command.name)
    if (where === 'private' && ctx.chat.kind !== 'private') return zh.common.privateOnly(command.name)
    if (command.roles !== 'anyone') {
      const need = command.roles
      const has = ctx.asker.roles.some((r) => need.includes(r) || (r === 'admin' && need.includes('coordinator')))
      if (!has) return zh.common.notAllowed(command.name, zh.common.roleJoin(need.map((r) => zh.common.roles[r])))
    }
    if (command.needsStudio && !ctx.studio) return msg.roomId ? zh.common.unboundRoom : zh.common.needStudio
    return undefined
  }
}

export function toRequests(reply: Reply, here: Target): SendRequest[] {
  if (reply === null) return []
  const list: Outgoing[] = typeof reply === 'string' ? [{ text: reply }] : Array.isArray(reply) ? reply : [reply]
  return list.map((o) => ({ to: o.to ?? here, text: o.text, mentions: o.mentions, file: o.file }))
}
