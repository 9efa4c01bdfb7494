import { defineCommand } from './command.js'
import { rawArgs } from './args.js'
import { zh } from '../text/zh-CN.js'
import type { Deps } from '../app/deps.js'
import { parseIntake } from '../domain/issues/parse-intake.js'
import type { LocalDate } from '../domain/time/local-date.js'
import { freeText, seesFull } from './issue-common.js'
import { addressText, constituentText, fmtDate, personName } from '../text/posts/issues.js'
import { refuse } from '../text/refusals.js'

/**
 * `/登记 王大爷 13812345678 和平里3号楼 楼道灯坏了半个月`, or `/登记` and a pasted form. The record is on
 * disk before the receipt is returned; the receipt gives the id people can say on the phone.
 */
export const registerIssue = defineCommand({
  name: '登记',
  roles: ['representative', 'coordinator'],
  needsStudio: true,
  mutates: true,
  takesQuoteAsArgs: true,
  help: zh.issues.cmd.register,
  args: rawArgs,
  async run({ args, ctx }, deps) {
    const t = zh.issues
    const studio = ctx.studio!
    const cfg = deps.config.issues
    const parsed = parseIntake(args.text, { categories: cfg.categories, maxLength: cfg.maxLength, typed: ctx.typed })
    if (!parsed.ok) throw refuse(`issues.intake.${parsed.code}`, parsed.params)
    const by = ctx.asker.person!.id
    const made = await deps.issues.register(studio, parsed.value, {
      at: ctx.now,
      by,
      today: ctx.today,
      dutyReps: await dutyOf(deps, studio.id, ctx.today),
      msgId: ctx.msgId,
      days: deps.calendars.of(studio.id),
    })
    if (!made.ok) throw refuse(`issues.intake.${made.code}`, made.params)
    const issue = made.value
    deps.log.info('issue registered', { id: issue.id, by, category: issue.category })
    const full = seesFull(ctx, studio.id)
    return t.registered({
      id: issue.id,
      who: constituentText(issue, full),
      address: addressText(issue.constituent.address, full),
      content: freeText(issue.content, full),
      category: issue.category,
      guessed: issue.categoryGuessed,
      duty: issue.dutyReps.length ? issue.dutyReps.map((id) => personName(deps, id)).join(zh.common.listSep) : undefined,
      transferBy: issue.transferBy && fmtDate(issue.transferBy, ctx.today),
      onTheSpot: issue.status === 'closed_on_spot' ? freeText(issue.answers[0]?.text ?? '', full) : undefined,
      correctionMinutes: cfg.correctionMinutes,
    })
  },
})

/**
 * The representatives on duty at the studio's session that day (from the roster); none on a day without
 * a session (or a cancelled one): such a registration claims no duty representative.
 */
async function dutyOf(deps: Deps, studioId: string, date: LocalDate): Promise<string[]> {
  try {
    const session = await deps.roster.sessionOn(studioId, date)
    if (session && !session.cancelled) return [...session.duty]
  } catch (e) {
    deps.log.warn('roster unreadable; the issue is registered without duty representatives', { studioId, date, error: e })
  }
  return []
}
