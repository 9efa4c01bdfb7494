/**
 * From one inbound WeChat message to the replies to send: dedupe by message id, parse, find the command,
 * work out who is asking, check where and by whom it may be used, validate the arguments with the
 * command's zod schema, run it. A user's mistake (UserError, bad arguments, no permission) gets a precise
 * Chinese reply and changes nothing; anything else is logged with the message text and answered with one
 * short generic line. Nothing a message contains can make this throw.
 */
import type { Deps } from './deps.js'
import type { Command, CommandContext } from '../commands/command.js'
import type { Incoming, OutgoingMessage, Reply, ReplyMessage, Target } from '../messages/message.js'
import { UserError, refusalIn } from '../messages/user-error.js'
import { refusalText } from '../text/refusals.js'
import { parseCommand } from '../domain/message/parse-command.js'
import { splitQuote } from '../domain/message/split-quote.js'
import { quotedConfirmation } from '../domain/message/quoted-confirmation.js'
import { toLocalDate } from '../domain/time/local-date.js'
import { zh } from '../text/zh-CN.js'
import type { Person, Role } from '../domain/model.js'
import type { NameClaim } from './name-claims.js'
import { SeenMessages } from './seen-messages.js'
import { closestNames } from '../domain/message/closest-names.js'
import { WriteError } from '../platform/store/store.js'

/** The command whose follow-up message (the pasted notice) the dispatcher hands back to it. */
export const NOTICE_COMMAND = '放假安排'
/** The command a quoted yes to the duty announcement runs (with the date the quote names). */
export const DUTY_CONFIRM_COMMAND = '确认值班'
/** `/确认` alone: routed by context (a pending 花名册, else the duty). */
export const CONFIRM_COMMAND = '确认'
/** The command a spreadsheet sent privately runs (the 花名册 preview). */
export const IMPORT_COMMAND = '导入花名册'
/** An issue id as the error line may quote it (`HP-2026-0001`). */
const ISSUE_ID = /(?<![A-Za-z])[A-Z]{1,4}-\d{4}-\d{1,6}(?!\d)/

/** Messages longer than this are refused unread (a 100,000-character paste is not an issue report). */
export const MAX_INPUT_CHARS = 20_000

export class Dispatcher {
  private byName = new Map<string, Command<any>>()
  readonly seen: SeenMessages

  constructor(
    private readonly deps: Deps,
    /** Every command of the bot; the names and aliases must be unique. */
    private readonly commands: readonly Command<any>[],
    private readonly botNames: () => string[],
  ) {
    for (const c of commands) {
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

  async handle(msg: Incoming): Promise<OutgoingMessage[]> {
    if (this.seen.has(msg.id)) return []
    // In memory only: a message that changes data puts its id into the durable ring in the same
    // transaction as the change; ordinary chat writes nothing.
    this.seen.mark(msg.id)
    const here: Target = msg.roomId ? { roomId: msg.roomId } : { contactId: msg.talkerId }
    let replies: OutgoingMessage[]
    try {
      replies = await this.route(msg, here)
    } catch (e) {
      if (e instanceof WriteError) return this.notSaved(msg, here, e)
      const text = e instanceof UserError ? refusalText(e) : this.crash(msg, e)
      replies = [{ to: here, text }]
    }
    return replies
  }

  /** A change that could not be saved: the asker is told so (no receipt), the admins once, privately. */
  private notSaved(msg: Incoming, here: Target, e: WriteError): OutgoingMessage[] {
    this.deps.log.error('write failed: change not saved', { msgId: msg.id, code: e.code })
    const out: OutgoingMessage[] = [{ to: here, text: zh.store.notSaved }]
    if (this.deps.store.takeFailureAlert()) out.push(...adminAlerts(this.deps, zh.store.adminWriteFailed(e.code ?? 'EIO')))
    return out
  }

  private crash(msg: Incoming, e: unknown): string {
    // The command and the issue id, never the text: it holds a constituent's name, phone and address.
    this.deps.log.error('command failed', { msgId: msg.id, ...this.whatFailed(msg.text), error: e })
    return zh.common.genericError
  }

  /** The command name (if one) and the first issue id a failed message names, for the error line. */
  private whatFailed(text: string): { command?: string; issue?: string } {
    const parsed = parseCommand(text.slice(0, 2000), { names: this.names, botNames: this.botNames() })
    const command = parsed.kind === 'command' && parsed.known ? parsed.name : undefined
    const issue = ISSUE_ID.exec(parsed.kind === 'command' ? parsed.args : '')?.[0]
    return { ...(command ? { command } : {}), ...(issue ? { issue } : {}) }
  }

  private async route(msg: Incoming, here: Target): Promise<OutgoingMessage[]> {
    const deps = this.deps
    const looksLikeCommand = /^\s*(@\S+\s*)*[/／]/u.test(msg.text.slice(0, 200))
    if (msg.text.length > MAX_INPUT_CHARS) {
      return looksLikeCommand ? [{ to: here, text: zh.common.tooLong(MAX_INPUT_CHARS) }] : []
    }
    // A quoted reply: the text after WeChat's dashed separator is the message, the quote is context.
    const { text, quote } = splitQuote(msg.text)
    const opts = { names: this.names, botNames: this.botNames() }
    let parsed = parseCommand(text, opts)
    // A bare /放假安排 asked for the notice in the next message: a plain private message is its text. Only
    // the next one: any other private message from that person ends the wait.
    // A spreadsheet sent privately is a 花名册 to preview (other files, and files in groups, are no command).
    if (msg.file) {
      if (msg.roomId || !/\.xlsx$/iu.test(msg.file.name)) return []
      parsed = { kind: 'command', name: IMPORT_COMMAND, known: true, args: '', tokens: [] }
    }
    const awaited = !msg.roomId && deps.holidayNotices.takeAwaiting(msg.talkerId, deps.clock.now())
    if (awaited && parsed.kind === 'chat') {
      parsed = { kind: 'command', name: NOTICE_COMMAND, known: true, args: parsed.text, tokens: [] }
    }
    // `/登记` quoting a constituent's message with no content of its own registers the quoted text.
    if (parsed.kind === 'command' && parsed.known && !parsed.args && quote?.text && this.byName.get(parsed.name)?.takesQuoteAsArgs) {
      // The quoted sender's name comes first, as `/登记 NAME … TEXT` expects.
      parsed = parseCommand(`/${parsed.name} ${quote.who ? `${quote.who} ` : ''}${quote.text}`, opts)
    }
    // A quoted reply to the duty announcement that says yes ("收到", or a bare /确认值班): the duty is confirmed.
    const saysYes = parsed.kind === 'chat' ? parsed.text : parsed.kind === 'command' && parsed.known && !parsed.args && [DUTY_CONFIRM_COMMAND, CONFIRM_COMMAND].includes(this.byName.get(parsed.name)?.name ?? '') ? text : undefined
    const yes = saysYes !== undefined ? quotedConfirmation(saysYes, quote?.text, zh.roster.announcementTitle) : undefined
    if (yes) parsed = { kind: 'command', name: DUTY_CONFIRM_COMMAND, known: true, args: yes.date ?? '', tokens: yes.date ? [yes.date] : [] }
    if (parsed.kind !== 'command') {
      return msg.mentionsBot ? [{ to: here, text: zh.help.mentionHint }] : []
    }
    const command = this.byName.get(parsed.name)
    if (!command) {
      const near = closestNames(parsed.name, this.names)
      const text = zh.common.unknownCommand(parsed.name) + (near.length ? '\n' + zh.common.didYouMean(near) : '')
      return [{ to: here, text }]
    }
    // A command that changes data runs as one transaction from here: the name binding below, the change
    // and the message id are one durable record, or nothing (a refusal or a failed write keeps no trace).
    if (command.mutates) return deps.store.transaction(() => this.run(msg, here, command, parsed), { msgId: msg.id })
    return this.run(msg, here, command, parsed)
  }

  private async run(msg: Incoming, here: Target, command: Command<any>, parsed: { args: string; tokens: string[] }): Promise<OutgoingMessage[]> {
    const deps = this.deps
    const now = deps.clock.now()
    const roomStudio = msg.roomId ? deps.directory.studioOfRoom(msg.roomId) : undefined
    const { claims: claimed, copies, ...asker } = await deps.directory.resolve(msg.talkerId, msg.talkerName, roomStudio?.id, now)
    // A nickname that names a representative: no rights, a claim, and (once) a private question to the
    // studio's coordinators. Nothing is written until one of them confirms.
    const claim = claimed && roomStudio ? deps.claims.open(msg.talkerId, msg.talkerName, claimed, roomStudio.id, now) : undefined
    const asks = claim?.isNew
      ? this.askCoordinators(claim.claim, claimed!)
      : copies && roomStudio && deps.claims.firstCopy(msg.talkerId, copies.id)
        ? this.tellCopied(msg.talkerName, copies, roomStudio.id)
        : []
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
      typed: msg.text,
      file: msg.file,
      commands: this.commands,
    }
    const denied = this.precondition(command, ctx, msg)
    if (denied) return [{ to: here, text: claim ? `${denied}\n${zh.identity.claimWaiting(claimed!.name)}` : denied }, ...asks]
    const parsedArgs = command.args.safeParse({ text: parsed.args, tokens: parsed.tokens, mentions: msg.mentions })
    if (!parsedArgs.success) {
      const refusal = refusalIn(parsedArgs.error.issues)
      const text = refusal ? refusalText(refusal) : zh.common.badArgs(command.name, command.help.usage, command.help.example)
      return [{ to: here, text }, ...asks]
    }
    let reply: Reply
    try {
      reply = await command.run({ args: parsedArgs.data, ctx }, deps)
    } catch (e) {
      // The coordinators are asked even when the claimant's command is refused.
      if (e instanceof UserError && asks.length) return [{ to: here, text: refusalText(e) }, ...asks]
      throw e
    }
    return [...toRequests(reply, here), ...asks]
  }

  /** The studio's bound coordinators, or with none bound the admins (private notices about identity). */
  private identityContacts(studioId: string): string[] {
    const d = this.deps.directory
    const bound = (people: Person[]) => [...new Set(people.map((p) => d.contactOf(p.id)).filter((c): c is string => !!c))]
    const coordinators = bound(d.coordinatorsOf(studioId))
    return coordinators.length ? coordinators : bound(d.admins())
  }

  /** Someone in the group uses the name of a representative whose WeChat id is in the config. */
  private tellCopied(nickname: string, person: Person, studioId: string): OutgoingMessage[] {
    const to = this.identityContacts(studioId)
    const text = zh.identity.nameCopied(nickname, person.name, this.deps.directory.studio(studioId)?.name ?? studioId)
    this.deps.log.warn('a contact uses the name of a config-bound representative', { personId: person.id, studioId, toldContactIds: to })
    return to.map((contactId) => ({ to: { contactId }, text }))
  }

  /** The private question to the studio's bound coordinators (or, with none bound, the admins). */
  private askCoordinators(claim: NameClaim, person: Person): OutgoingMessage[] {
    const d = this.deps.directory
    const studio = d.studio(claim.studioId)
    const to = this.identityContacts(claim.studioId)
    const text = zh.identity.claimAsk({
      nickname: claim.displayName,
      name: person.name,
      unit: person.unit,
      position: person.position,
      studio: studio?.name ?? claim.studioId,
      n: claim.n,
      boundElsewhere: d.bindingOf(person.id)?.kind === 'store',
    })
    this.deps.log.info('name claim opened', { claim: claim.n, personId: person.id, studioId: claim.studioId, askedContactIds: to })
    if (to.length === 0) this.deps.log.warn('name claim: no coordinator or admin is bound to ask', { claim: claim.n, studioId: claim.studioId })
    return to.map((contactId) => ({ to: { contactId }, text }))
  }

  private precondition(command: Command<any>, ctx: CommandContext, msg: Incoming): string | undefined {
    const where = command.where ?? 'any'
    if (where === 'group' && ctx.chat.kind !== 'group') return zh.common.groupOnly(command.name)
    if (where === 'private' && ctx.chat.kind !== 'private') return zh.common.privateOnly(command.name)
    if (command.roles !== 'anyone') {
      const need = command.roles
      const has = ctx.asker.roles.some((r) => need.includes(r) || (r === 'admin' && need.includes('coordinator')))
      // An admin may do what a coordinator may: the refusal names both.
      const who = need.includes('coordinator') && !need.includes('admin') ? [...need, 'admin' as const] : need
      if (!has) {
        // A coordinator of another studio, in this studio's group: say where the command works for them.
        const own = ctx.asker.person?.studioId
        const ownStudio = own && own !== ctx.studio?.id && ctx.asker.person?.roles.some((r) => need.includes(r)) ? this.deps.directory.studio(own) : undefined
        const needText = zh.common.roleJoin(who.map((r) => zh.common.roles[r]))
        if (ownStudio && ctx.studio) return zh.common.otherStudio(command.name, needText, ctx.studio.name, ownStudio.name)
        return zh.common.notAllowed(command.name, needText)
      }
    }
    if (command.needsStudio && !ctx.studio) return msg.roomId ? zh.common.unboundRoom : zh.common.needStudio
    return undefined
  }
}

/** Private messages to every bound admin. */
export function adminAlerts(deps: Deps, text: string): OutgoingMessage[] {
  const out: OutgoingMessage[] = []
  for (const p of deps.directory.admins()) {
    const contactId = deps.directory.contactOf(p.id)
    if (contactId) out.push({ to: { contactId }, text })
  }
  return out
}

export function toRequests(reply: Reply, here: Target): OutgoingMessage[] {
  if (reply === null) return []
  const list: ReplyMessage[] = typeof reply === 'string' ? [{ text: reply }] : Array.isArray(reply) ? reply : [reply]
  return list.map((o) => ({ to: o.to ?? here, text: o.text, mentions: o.mentions, file: o.file }))
}
