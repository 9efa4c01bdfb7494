import { defineCommand } from './command.js'
import type { ReplyMessage } from '../messages/message.js'
import { rawArgs } from './args.js'
import { zh } from '../text/zh-CN.js'
import { thisYear } from '../domain/stats/period.js'
import { reportInputs, scopeTitle } from './report-common.js'

/**
 * `/导出台账 [期间] [全区|工作室]`: the ledger as an xlsx (src/export/ledger-workbook.ts), default this
 * year. It holds constituents' full records, so it goes only to the asker in private chat; asked in a
 * group, the group gets one line saying so. Coordinators get their studio's, admins the district's or a
 * named studio's.
 */
export const exportLedger = defineCommand({
  name: '导出台账',
  aliases: ['台账'],
  roles: ['coordinator'],
  help: zh.followup.cmd.export,
  args: rawArgs,
  async run({ args, ctx }, deps) {
    const t = zh.followup
    const { period, scope, data } = await reportInputs(deps, ctx, args.tokens, thisYear)
    const title = scopeTitle(deps, scope)
    const label = t.periodLabel(period.spec)
    // exceljs is loaded on first use, not at start-up (it costs ~0.2 s and tens of MB the bot rarely needs).
    const { buildLedgerWorkbook } = await import('../export/ledger-workbook.js')
    const book = await buildLedgerWorkbook({
      data,
      title,
      period,
      now: ctx.now,
      people: deps.directory.people,
      studios: deps.directory.studios,
      days: (id) => deps.calendars.of(id),
      scheme: deps.config.evaluation,
    })
    deps.log.info('ledger exported', { by: ctx.asker.person?.id, studios: data.studioIds.length, from: period.from, to: period.to, issues: book.issues })
    const file: ReplyMessage = {
      to: { contactId: ctx.asker.contactId },
      text: t.exportSent(title, label, book.issues, book.sessions, book.reps),
      file: { name: t.exportFile(title, label), data: book.buffer },
    }
    if (ctx.chat.kind === 'private') return file
    return [{ text: t.exportSentPrivately(ctx.asker.person?.name ?? ctx.asker.displayName) }, file]
  },
})
