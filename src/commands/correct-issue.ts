import { defineCommand } from './command.js'
import { zh } from '../text/zh-CN.js'
import type { CorrectableField, IssueCorrection } from '../domain/issues/issue.js'
import { asTyped, inWindow, isCoordinatorOf, isRegistrar, issueArgs, loadIssue, resolveCategory, resolveDepartment, step } from './issue-common.js'
import { refuse } from '../text/refusals.js'

type Field = CorrectableField | 'reason'

/**
 * `/更正 HP-2026-0001 电话：13912345678 [理由：…]`. The registrant within `issues.correctionMinutes`;
 * afterwards a coordinator, with a reason that is kept in the history. Category and department are the
 * coordinator's own handling fields: correcting them needs no reason.
 */
export const correctIssue = defineCommand({
  name: '更正',
  roles: ['representative', 'coordinator'],
  mutates: true,
  help: zh.issues.cmd.correct,
  args: issueArgs(zh.issues.cmd.correct),
  async run({ args, ctx }, deps) {
    const t = zh.issues
    const fields = parseFields(args.rest)
    const { reason, ...changes } = fields
    if (Object.keys(changes).length === 0) throw refuse('issues.correctFormat')
    const issue = await loadIssue(deps, ctx, args.id)
    const coordinator = isCoordinatorOf(ctx, issue.studioId)
    if (!inWindow(ctx, issue, deps)) {
      if (!coordinator) {
        throw isRegistrar(ctx, issue) ? refuse('issues.windowOver', '更正', deps.config.issues.correctionMinutes) : refuse('issues.notHandler', '更正')
      }
      const handlingOnly = Object.keys(changes).every((k) => k === 'category' || k === 'department')
      if (!handlingOnly && !reason) throw refuse('issues.needReason', '更正', t.correctWithReason)
    }
    const correction: IssueCorrection = {}
    for (const [k, value] of Object.entries(changes) as [CorrectableField, string][]) {
      if (k === 'category') correction.category = resolveCategory(deps, value)
      else if (k === 'department') correction.department = resolveDepartment(deps, value)
      else if ((k === 'phone' || k === 'address') && t.words.clear.includes(value)) correction[k] = ''
      else correction[k] = asTyped(ctx, value)
    }
    const next = await step(deps, ctx, issue, { type: 'correct', fields: correction }, reason ? { reason } : undefined)
    const last = next.history[next.history.length - 1]
    const changed = last.kind === 'correct' ? last.changes.map((c) => t.fieldName[c.field]).join(zh.common.listSep) : ''
    return t.corrected(next.id, changed)
  },
})

/** `项目：内容` pairs; the first may omit the colon (`电话 139…`). The first mention of a field wins. */
function parseFields(text: string): Partial<Record<Field, string>> {
  const byWord = new Map<string, Field>()
  for (const [field, words] of Object.entries(zh.issues.words.fields)) for (const w of words) byWord.set(w, field as Field)
  const words = [...byWord.keys()].sort((a, b) => b.length - a.length)
  const alt = words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')
  let s = text.trim()
  const lead = new RegExp(`^(${alt})(?![:：])\\s*`, 'u').exec(s)
  if (lead) s = `${lead[1]}:${s.slice(lead[0].length)}`
  const label = new RegExp(`(^|[\\s,，;；。、])(${alt})\\s*[:：]`, 'gu')
  const hits = [...s.matchAll(label)]
  const out: Partial<Record<Field, string>> = {}
  if (hits.length === 0 || (hits[0].index ?? 0) + hits[0][1].length > 0) return out
  hits.forEach((m, i) => {
    const field = byWord.get(m[2])!
    const start = (m.index ?? 0) + m[0].length
    const end = i + 1 < hits.length ? (hits[i + 1].index ?? 0) + hits[i + 1][1].length : s.length
    const value = s.slice(start, end).replace(/^[\s,，;；。、]+|[\s,，;；。、]+$/gu, '')
    if (!(field in out)) out[field] = value
  })
  return out
}
