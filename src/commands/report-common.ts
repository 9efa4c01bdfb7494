/**
 * What /统计, /导出台账 and /履职 share: reading their words (a period, 全区, a studio, a name) in any
 * order, deciding whose figures the asker may see, and loading the records of a scope and period.
 *
 * Who sees what: a coordinator their own studio (in their group or in private); an admin the district
 * (the default in a private chat and in the liaison office's group) or any studio (named, or the group's
 * own). A coordinator naming another studio or 全区 gets a reply saying what they may see.
 */
import type { CommandContext } from './command.js'
import { findStudio } from './lookup.js'
import type { Deps } from '../app/deps.js'
import type { Studio } from '../domain/model.js'
import { looksLikePeriod, parsePeriod, type Period } from '../domain/stats/period.js'
import { refusePeriod } from '../text/posts/followup.js'
import type { LocalDate } from '../domain/time/local-date.js'
import { collectLedger, storeSource, type LedgerData } from '../export/ledger-source.js'
import { zh } from '../text/zh-CN.js'
import { refuse } from '../text/refusals.js'

const t = zh.followup

/** Words that may stand between the two ends of a period typed with blanks (`2026-01 至 2026-06`). */
const RANGE_WORDS: ReadonlySet<string> = new Set(t.rangeWords)

export type ReportScope = { kind: 'studio'; studio: Studio } | { kind: 'district' }

export interface ReportWords {
  district: boolean
  /** Tokens naming a studio. */
  studio: string[]
  /** Tokens of the period, in order. */
  period: string[]
  /** Everything else (a person's name for /履职). */
  other: string[]
}

/**
 * Sorts the argument tokens. `isName` (for /履职) claims a token before it is tried as a studio, so a
 * representative named like a studio is still found.
 */
export function splitWords(deps: Deps, tokens: readonly string[], today: LocalDate, isName: (tok: string) => boolean = () => false): ReportWords {
  const out: ReportWords = { district: false, studio: [], period: [], other: [] }
  for (const tok of tokens) {
    if (t.districtWords.includes(tok)) out.district = true
    else if (looksLikePeriod(tok, today) || (RANGE_WORDS.has(tok) && out.period.length > 0)) out.period.push(tok)
    else if (isName(tok)) out.other.push(tok)
    else if ([...tok].length >= 2 && deps.directory.findStudio(tok).length > 0) out.studio.push(tok)
    else out.other.push(tok)
  }
  return out
}

/** The period the words name, or `fallback` when none; a wrong one is answered with the forms that work. */
export function periodFrom(words: readonly string[], today: LocalDate, fallback: (today: LocalDate) => Period): Period {
  if (words.length === 0) return fallback(today)
  const text = words.join('')
  const r = parsePeriod(text, today)
  // A period that has not begun has nothing to count: say so instead of a report of zeros.
  if (r.ok && r.value.from > today) throw refuse('followup.futurePeriod', text)
  if (r.ok) return r.value
  throw refusePeriod(r.code, text, today)
}

const isAdmin = (ctx: CommandContext) => ctx.asker.roles.includes('admin')

/** The studio or district the asker means and may see. */
export function scopeFor(deps: Deps, ctx: CommandContext, words: ReportWords): ReportScope {
  const admin = isAdmin(ctx)
  const own = ctx.asker.person?.studioId
  if (words.district) {
    if (!admin) throw refuse('followup.districtAdminOnly')
    return { kind: 'district' }
  }
  if (words.studio.length) {
    const studio = findStudio(deps.directory, words.studio.join(''))
    if (!admin && studio.id !== own) throw refuse('followup.otherStudio', studio.name)
    return { kind: 'studio', studio }
  }
  if (ctx.chat.kind === 'group' && ctx.studio) return { kind: 'studio', studio: ctx.studio }
  if (admin) return { kind: 'district' }
  const mine = own ? deps.directory.studio(own) : undefined
  if (mine) return { kind: 'studio', studio: mine }
  throw refuse('followup.needStudioOrDistrict')
}

export function scopeTitle(deps: Deps, scope: ReportScope): string {
  return scope.kind === 'studio' ? scope.studio.name : t.districtTitle(deps.config.district.name)
}

export function scopeStudioIds(deps: Deps, scope: ReportScope): string[] {
  return scope.kind === 'studio' ? [scope.studio.id] : deps.directory.studios.map((s) => s.id)
}

/** The issues and sessions of a scope and period, from the live store. */
export function loadLedger(deps: Deps, scope: ReportScope, period: Period): Promise<LedgerData> {
  return collectLedger(storeSource(deps.store), scopeStudioIds(deps, scope), period.from, period.to)
}

/**
 * What /统计 and /导出台账 both start from: the words of the command read as a period (default given)
 * and a scope the asker may see.
 */
export function reportRequest(deps: Deps, ctx: CommandContext, tokens: readonly string[], fallback: (today: LocalDate) => Period): { period: Period; scope: ReportScope } {
  const words = splitWords(deps, tokens, ctx.today)
  const period = periodFrom([...words.period, ...words.other], ctx.today, fallback)
  return { period, scope: scopeFor(deps, ctx, words) }
}

/** One turn of the event loop: a long report lets every other message in between its studios. */
export const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))

/** The figures of one studio over a period: the same function the office's overview uses. */
export { studioFigures } from '../app/figures-service.js'
