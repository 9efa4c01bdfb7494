/**
 * What the duty-change commands share: the asker as a representative of the studio, the session on a date
 * they typed, a person named by @mention, name or id, a request number, the acting person and instant, and
 * the reply for every refusal code of SwapService (chosen by what the command was doing: making a request,
 * accepting one, volunteering, a coordinator's change).
 */
import { UserError, type CommandContext } from './command.js'
import type { ReplyMessage } from '../messages/message.js'
import { findPerson } from './lookup.js'
import { comingDate } from './roster-common.js'
import type { Deps } from '../app/deps.js'
import type { Person, Session, Studio } from '../domain/model.js'
import type { Err } from '../domain/result.js'
import { SYSTEM } from '../app/roster-service.js'
import { parseSessionId } from '../domain/roster/session-id.js'
import type { Actor, SwapCode } from '../app/swap-service.js'
import { dateShort, dutyText, nameOf } from '../text/posts/roster.js'
import { filledNotice, instantText, plainDate } from '../text/posts/swaps.js'
import { zh } from '../text/zh-CN.js'
import { refuse } from '../text/refusals.js'

const t = zh.swaps

/** How many coming session dates the "no session that day" reply suggests. */
const SUGGEST_DATES = 4

/** Who did it, when, and which message (kept with every change). */
export function actor(ctx: CommandContext): Actor {
  return { by: ctx.asker.person?.id ?? ctx.asker.contactId, now: ctx.now, msgId: ctx.msgId }
}

/** The asker, who must be an active representative of `studio`. */
export function repHere(ctx: CommandContext, studio: Studio, refusal: string = t.notRepHere(studio.name)): Person {
  const me = ctx.asker.person
  if (!me || me.studioId !== studio.id || !me.roles.includes('representative') || !ctx.asker.roles.includes('representative')) throw refusal
  return me
}

/** The asker is a coordinator of that studio (or an admin). */
export function coordinates(ctx: CommandContext, studioId: string): boolean {
  return ctx.asker.roles.includes('admin') || (ctx.asker.roles.includes('coordinator') && ctx.asker.person?.studioId === studioId)
}

/** The studio's session on a coming date the asker typed (cancelled ones too: the service says so). */
export async function sessionFor(deps: Deps, ctx: CommandContext, studio: Studio, dateText: string): Promise<Session> {
  const date = comingDate(dateText, ctx.today)
  await deps.roster.ensurePlanned(ctx.now)
  const s = await deps.roster.sessionOn(studio.id, date)
  if (s) return s
  const next = (await deps.roster.upcoming(studio.id, ctx.now, SUGGEST_DATES)).filter((x) => !x.cancelled).map((x) => dateShort(x.date))
  throw refuse('swaps.noSession', dateShort(date), studio.name, next.join(zh.common.listSep))
}

/**
 * A person named in the arguments: an `@张三` token is the next @mention's WeChat contact (whatever their
 * display name: two 张伟 are told apart), otherwise a name or person id (two of that name: "which one?").
 */
export function personArg(deps: Deps, token: string, mentions: string[], studioId: string): Person {
  if (token.startsWith('@') && mentions.length) {
    const contactId = mentions.shift()!
    const b = deps.directory.binding(contactId)
    const p = b ? deps.directory.person(b.personId) : undefined
    if (!p || !p.active) throw refuse('identity.personNotFound', token.slice(1))
    return p
  }
  return findPerson(deps.directory, token, studioId)
}

/**
 * Where a message for `personId` goes besides the reply: nowhere extra when the reply is in the studio's
 * group (it @mentions them); from a private chat, privately to them when their contact is known, else to
 * the studio's group.
 */
export function tell(deps: Deps, ctx: CommandContext, studioId: string, personId: string, text: string): ReplyMessage[] {
  const contact = deps.directory.contactOf(personId)
  if (ctx.chat.kind === 'group') return []
  if (contact && contact !== ctx.asker.contactId) return [{ to: { contactId: contact }, text }]
  const room = deps.directory.roomOf(studioId)
  return room ? [{ to: { roomId: room }, text, mentions: contact ? [contact] : [] }] : []
}

/**
 * After a duty change: closes the open requests on those sessions that can no longer be done (the seat
 * was filled, the asker is off it …) and returns the notices to their askers.
 */
export async function settleRequests(deps: Deps, ctx: CommandContext, sessionIds: readonly string[]): Promise<ReplyMessage[]> {
  const closed = await deps.swaps.settleAfterChange(sessionIds, actor(ctx))
  const out: ReplyMessage[] = []
  for (const c of closed) {
    const m = filledNotice(deps.directory, c.request, c.session, c.other, deps.directory.roomOf(c.request.studioId))
    if (m) out.push({ to: m.to, text: m.text, mentions: m.mentions })
  }
  return out
}

/** What the command was doing when the service refused (the same code reads differently). */
export type Doing = 'request' | 'accept' | 'answer' | 'withdraw' | 'volunteer' | 'leave' | 'force' | 'cancel'

/** Throws the reply for a refusal; nothing was changed. */
export async function refuseSwap(deps: Deps, e: Err<SwapCode>, doing: Doing, studio: Studio, requestId?: string): Promise<never> {
  const p = e.params ?? {}
  const at = p.sessionId ? parseSessionId(String(p.sessionId)) : undefined
  const date = at ? dateShort(at.date) : ''
  const who = (id: unknown) => nameOf(deps.directory, String(id))
  const duty = async () => {
    const s = p.sessionId ? await deps.roster.session(String(p.sessionId)) : undefined
    return s ? dutyText(deps.directory, s) : zh.roster.nobody
  }
  const why = () => (p.whyAt === undefined ? '' : t.why(instantText(Number(p.whyAt)), p.whyNote ? String(p.whyNote) : `${who(p.whyBy)} ${t.change[String(p.whyKind)] ?? p.whyKind}`))
  const id = String(p.id ?? requestId ?? '')
  const refusal = await (async (): Promise<UserError> => {
    switch (e.code) {
      case 'session.not-found':
        return refuse('swaps.noSession', date, studio.name, '')
      case 'session.cancelled':
        return refuse('swaps.cancelled', date)
      case 'session.started':
        return doing === 'cancel' ? refuse('swaps.cancelStarted', date) : refuse('swaps.started', date)
      case 'session.over':
        return refuse('swaps.over', date)
      case 'session.already-cancelled':
        return refuse('swaps.alreadyCancelled', date, String(p.reason ?? ''))
      case 'asker.not-on':
        if (doing === 'accept') return refuse('swaps.conflictGone', id, who(p.personId), date, why())
        if (doing === 'force') return refuse('swaps.forceNotOn', who(p.personId), date, await duty())
        return refuse('swaps.notOnYou', date, await duty())
      case 'asker.already-on':
        if (doing === 'accept') return refuse('swaps.conflictOn', id, who(p.personId), date, why())
        return doing === 'volunteer' ? refuse('swaps.alreadyOnYou', date) : refuse('swaps.youOnTheirs', date)
      case 'target.self':
        return refuse('swaps.self')
      case 'target.not-rep':
        return doing === 'volunteer' ? refuse('swaps.notRepVolunteer', studio.name) : refuse('swaps.notRepOf', who(p.personId), studio.name)
      case 'target.already-on':
        return doing === 'accept' ? refuse('swaps.conflictOn', id, who(p.personId), date, why()) : refuse('swaps.targetAlreadyOn', who(p.personId), date)
      case 'target.not-on':
        return doing === 'accept' ? refuse('swaps.conflictGone', id, who(p.personId), date, why()) : refuse('swaps.targetNotOn', who(p.personId), date, await duty())
      case 'swap.same-session':
        return refuse('swaps.sameSession')
      case 'seat.none':
        return doing === 'force' ? refuse('swaps.forceNoSeat', date, await duty()) : refuse('swaps.full', date, await duty())
      case 'force.same':
        return refuse('swaps.forceSame')
      case 'duty.stale':
        return doing === 'volunteer' ? refuse('swaps.volunteerLost', date, await duty()) : refuse('swaps.stale')
      case 'duty.duplicate':
      case 'duty.not-rep':
        return refuse('swaps.notRepOf', who(p.personId), studio.name)
      case 'duty.too-many':
        return refuse('swaps.tooMany', Number(p.required))
      case 'request.not-found':
        return refuse('swaps.notFound', id)
      case 'request.leave': {
        const d = at ? plainDate(at.date) : ''
        return doing === 'withdraw' ? refuse('swaps.leaveNoWithdraw', id, d) : doing === 'accept' ? refuse('swaps.leaveNoAccept', id, d) : refuse('swaps.leaveNoRefuse', id)
      }
      case 'request.not-yours':
        return refuse('swaps.notYours', id, who(p.to))
      case 'request.own':
        return refuse('swaps.ownRequest', id, who(p.to))
      case 'request.not-asker':
        return refuse('swaps.notAsker', id, who(p.from))
      case 'request.closed':
        return refuse('swaps.closed', id, t.status[String(p.status)] ?? String(p.status), instantText(Number(p.at)), p.by && p.by !== SYSTEM ? who(p.by) : '')
      case 'request.expired':
        return refuse('swaps.expired', id, instantText(Number(p.at)))
      case 'checkin.not-on':
      case 'checkin.too-early':
      case 'checkin.over':
      case 'checkin.already':
        break
    }
    throw new Error(`unexpected swap code ${e.code}`)
  })()
  throw refusal
}
