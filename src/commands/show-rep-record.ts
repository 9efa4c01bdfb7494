import { defineCommand, type CommandContext } from './command.js'
import type { ReplyMessage } from '../messages/message.js'
import { rawArgs } from './args.js'
import { zh } from '../text/zh-CN.js'
import type { Deps } from '../app/deps.js'
import type { Person } from '../domain/model.js'
import { isWholeYear, thisYear, type Period } from '../domain/stats/period.js'
import { evaluate, repRecord } from '../domain/stats/rep-record.js'
import { indexLedger } from '../domain/stats/ledger-index.js'
import { rate } from '../domain/stats/figures.js'
import { dateShort, nameOf } from '../text/posts/roster.js'
import { instantText } from '../text/posts/swaps.js'
import { yearOf } from '../domain/time/local-date.js'
import { loadLedger, periodFrom, scopeFor, splitWords, type ReportScope } from './report-common.js'
import type { LedgerData } from '../export/ledger-source.js'
import { refuse } from '../text/refusals.js'

const t = zh.followup

/**
 * `/履职 [姓名|工作室] [期间]`: a representative's record (一人一档) and, for a whole year, the evaluation
 * the points scheme suggests, labelled as a suggestion. Default period: this year. A representative sees
 * their own; a coordinator any representative of their studio (no name: a line per representative);
 * an admin anyone. People no longer in the directory (inactive) keep their record and can be named.
 * The record is personal (an evaluation), so it is sent in private chat; asked in a group, the group gets
 * one line saying so.
 */
export const showRepRecord = defineCommand({
  name: '履职',
  aliases: ['履职档案'],
  roles: ['representative', 'coordinator'],
  help: t.cmd.record,
  args: rawArgs,
  async run({ args, ctx }, deps) {
    const isPerson = (tok: string) => deps.directory.people.some((p) => p.name === tok || p.id === tok)
    const words = splitWords(deps, args.tokens, ctx.today, isPerson)
    const period = periodFrom(words.period, ctx.today, thisYear)
    const roles = ctx.asker.roles
    const coordinating = roles.includes('coordinator') || roles.includes('admin')
    const me = ctx.asker.person

    let text: string
    if (words.other.length) {
      const person = findAnyone(deps, words.other.join(''), me?.studioId)
      mayRead(deps, ctx, person)
      text = await personRecord(deps, ctx, person, period)
    } else if (words.studio.length || words.district) {
      if (!coordinating) throw refuse('followup.onlyOwnRecord')
      text = await overview(deps, ctx, scopeFor(deps, ctx, words), period)
    } else if (coordinating) {
      const studioId = ctx.chat.kind === 'group' ? ctx.studio?.id : roles.includes('coordinator') ? me?.studioId : undefined
      const studio = studioId ? deps.directory.studio(studioId) : undefined
      if (!studio) throw refuse('followup.recordNeedsName')
      text = await overview(deps, ctx, { kind: 'studio', studio }, period)
    } else {
      if (!me || !me.roles.includes('representative')) throw refuse('followup.notARep', ctx.asker.displayName)
      text = await personRecord(deps, ctx, me, period)
    }
    const privately: ReplyMessage = { to: { contactId: ctx.asker.contactId }, text }
    if (ctx.chat.kind === 'private') return privately
    return [{ text: t.recordSentPrivately(me?.name ?? ctx.asker.displayName) }, privately]
  },
})

/** A person by exact name or id, inactive ones included; within the asker's studio first. */
function findAnyone(deps: Deps, q: string, studioId: string | undefined): Person {
  const all = deps.directory.people.filter((p) => p.id === q || p.name === q)
  const inStudio = all.filter((p) => p.studioId === studioId)
  const active = all.filter((p) => p.active)
  const pick = inStudio.length === 1 ? inStudio : active.length === 1 ? active : all
  if (pick.length === 1) return pick[0]
  if (pick.length === 0) throw refuse('followup.noPerson', q)
  throw refuse('identity.personAmbiguous', q, pick.map((p) => zh.identity.personChoice(p.name, p.unit, p.id)).join(zh.identity.choiceSep))
}

/** Representatives read their own record; coordinators their studio's; admins anyone's. */
function mayRead(deps: Deps, ctx: CommandContext, person: Person): void {
  const roles = ctx.asker.roles
  if (!person.roles.includes('representative')) throw refuse('followup.notARep', person.name)
  if (ctx.asker.person?.id === person.id || roles.includes('admin')) return
  if (roles.includes('coordinator') && person.studioId === ctx.asker.person?.studioId) return
  if (roles.includes('coordinator')) throw refuse('followup.otherStudio', deps.directory.studio(person.studioId ?? '')?.name ?? person.name)
  throw refuse('followup.onlyOwnRecord')
}

async function personRecord(deps: Deps, ctx: CommandContext, person: Person, period: Period): Promise<string> {
  const studio = person.studioId ? deps.directory.studio(person.studioId) : undefined
  const scope: ReportScope = studio ? { kind: 'studio', studio } : { kind: 'district' }
  const data = await loadLedger(deps, scope, period)
  const rec = repRecord({ personId: person.id, sessions: data.sessions, issues: data.issues, from: period.from, to: period.to, now: ctx.now })
  const yearly = isWholeYear(period)
  const ev = evaluate(rec, deps.config.evaluation)
  return t.record({
    name: person.name,
    unit: person.unit,
    studio: studio?.name ?? '',
    inactive: !person.active,
    period: t.periodLabel(period.spec),
    onDuty: rec.onDuty,
    attended: rec.attended,
    backfilled: rec.backfilled,
    missed: rec.missed,
    unrecorded: rec.unrecorded,
    covered: rec.covered,
    gave: rec.gave,
    swapped: rec.swapped,
    registered: rec.registered,
    registeredClosed: rec.registeredClosed,
    registeredOpen: rec.registeredOpen,
    satisfaction: rate(rec.registeredSatisfied, rec.registeredRated),
    receivedOnDuty: rec.receivedOnDuty,
    duties: rec.duties.map((d) => t.dutyLine(dateShort(d.date), deps.directory.studio(d.studioId)?.name ?? d.studioId, d.recordedAt !== undefined ? t.backfilledMark(instantText(d.recordedAt)) : t.dutyMark[d.mark])),
    evaluation: yearly ? { points: ev.points, grade: t.grades[ev.grade], terms: ev.terms.map((x) => t.term[x.key](x.count, x.each)), yearToDate: period.to >= ctx.today } : undefined,
    evaluationNote: yearly ? undefined : t.evaluationOnlyYearly(yearOf(period.to)),
  })
}

async function overview(deps: Deps, ctx: CommandContext, scope: ReportScope, period: Period): Promise<string> {
  const studios = scope.kind === 'studio' ? [scope.studio] : deps.directory.studios
  const data: LedgerData = await loadLedger(deps, scope, period)
  // Each representative's record from the records that name them (a district has ~1,400 of them).
  const index = indexLedger(data)
  const yearly = isWholeYear(period)
  const lines: string[] = []
  for (const s of studios) {
    const reps = deps.directory.people.filter((p) => p.studioId === s.id && p.roles.includes('representative') && p.active)
    lines.push(t.overviewHeader(s.name, t.periodLabel(period.spec)))
    if (reps.length === 0) lines.push(t.overviewNone(s.name))
    for (const p of reps) {
      const rec = repRecord({ personId: p.id, ...index.person(p.id), from: period.from, to: period.to, now: ctx.now })
      const ev = evaluate(rec, deps.config.evaluation)
      lines.push(t.overviewLine(nameOf(deps.directory, p.id), rec.onDuty, rec.attended, rec.covered, rec.registered, yearly ? t.grades[ev.grade] : undefined, yearly ? ev.points : undefined))
    }
  }
  lines.push(t.overviewFooter)
  return lines.join('\n')
}
