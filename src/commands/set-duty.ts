import { defineCommand } from './command.js'
import { rawArgs } from './args.js'
import { zh } from '../text/zh-CN.js'
import { findPerson } from './lookup.js'
import { comingDate } from './roster-common.js'
import { dateShort, names } from '../text/posts/roster.js'
import type { Person } from '../domain/model.js'
import { refuse } from '../text/refusals.js'
import { settleRequests } from './swap-common.js'

/** How many coming session dates the "no session that day" reply suggests. */
const SUGGEST = 4

/**
 * `/排班 12月10日 张三 李四` (or `@张三 @李四`): a coordinator sets who sits a session. Recorded with who,
 * when and the message; an announced session gets a correction in the group. The session may lie beyond
 * the planning horizon if the rule yields the date (it is created, and the planner keeps the choice).
 */
export const setDuty = defineCommand({
  name: '排班',
  roles: ['coordinator'],
  needsStudio: true,
  mutates: true,
  help: zh.roster.cmd.set,
  args: rawArgs,
  async run({ args, ctx }, deps) {
    const t = zh.roster
    const studio = ctx.studio!
    const [dateText, ...rest] = args.tokens
    if (!dateText) throw refuse('roster.setUsage')
    const date = comingDate(dateText, ctx.today)
    await deps.roster.ensurePlanned(ctx.now)
    const session = await deps.roster.ensureSession(studio.id, date, ctx.now)
    if (!session) {
      const next = (await deps.roster.upcoming(studio.id, ctx.now, SUGGEST)).filter((s) => !s.cancelled).map((s) => dateShort(s.date))
      throw refuse('roster.noSession', dateShort(date), studio.name, next.join(zh.common.listSep))
    }
    if (session.cancelled) throw refuse('roster.sessionCancelled', dateShort(date))

    // Names typed, then people @mentioned (by their WeChat contact, whatever their display name).
    const people: Person[] = rest.filter((w) => !w.startsWith('@')).map((w) => findPerson(deps.directory, w, studio.id))
    for (const contactId of args.mentions) {
      const b = deps.directory.binding(contactId)
      const p = b ? deps.directory.person(b.personId) : undefined
      if (!p) throw refuse('identity.personNotFound', rest.find((w) => w.startsWith('@')) ?? contactId)
      people.push(p)
    }
    if (people.length === 0) throw refuse('roster.noNames', session.required)

    const by = ctx.asker.person?.id ?? ctx.asker.contactId
    const r = await deps.roster.changeDuty(session.id, people.map((p) => p.id), by, 'set', undefined, ctx.msgId)
    if (!r.ok) {
      const p = r.params ?? {}
      const who = (id: unknown) => deps.directory.person(String(id))?.name ?? String(id)
      switch (r.code) {
        case 'duty.duplicate':
          throw refuse('roster.duplicate', who(p.personId))
        case 'duty.not-rep':
          throw refuse('roster.notRepOf', who(p.personId), studio.name)
        case 'duty.too-many':
          throw refuse('roster.tooMany', Number(p.required), Number(p.given))
        case 'session.over':
          throw refuse('roster.sessionOver', dateShort(date))
        case 'session.cancelled':
          throw refuse('roster.sessionCancelled', dateShort(date))
        case 'duty.stale':
          throw refuse('roster.staleDuty')
        case 'session.not-found':
          throw refuse('roster.noSession', dateShort(date), studio.name, '')
      }
      throw new Error(`unexpected roster code ${(r as { code: string }).code}`)
    }
    const { session: s, before, changed, corrected } = r.value
    if (!changed) return t.unchanged(dateShort(date), names(deps.directory, s.duty))
    const gap = s.required - s.duty.length
    const notices = await settleRequests(deps, ctx, [s.id])
    const text = [
      t.setDone(dateShort(date), names(deps.directory, before), names(deps.directory, s.duty)),
      ...(corrected ? [t.setCorrected] : []),
      ...(gap > 0 ? [t.setGap(gap)] : []),
    ].join('\n')
    return [{ text }, ...notices]
  },
})
