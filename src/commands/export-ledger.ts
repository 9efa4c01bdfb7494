import { defineCommand } from './command.js'
import type { ReplyMessage } from '../messages/message.js'
import { rawArgs } from './args.js'
import { zh } from '../text/zh-CN.js'
import { thisYear } from '../domain/stats/period.js'
import { reportRequest, scopeStudioIds, scopeTitle } from './report-common.js'
import { exportLedgerOffThread } from '../export/ledger-export.js'
import { TaskError } from '../platform/worker.js'

/**
 * `/导出台账 [期间] [全区|工作室]`: the ledger as an xlsx (src/export/ledger-workbook.ts), default this
 * year. It holds constituents' full records, so it goes only to the asker in private chat; asked in a
 * group, the group gets one line saying so. Coordinators get their studio's, admins the district's or a
 * named studio's.
 *
 * The workbook is written in a worker thread (src/export/ledger-export.ts) from the data folder opened
 * read-only: the bot keeps answering while a district year is written. A ledger that cannot be written
 * (a damaged data file, too little memory) gets a reply saying so, never a crash.
 */
export const exportLedger = defineCommand({
  name: '导出台账',
  aliases: ['台账'],
  roles: ['coordinator'],
  help: zh.followup.cmd.export,
  args: rawArgs,
  async run({ args, ctx }, deps) {
    const t = zh.followup
    const { period, scope } = reportRequest(deps, ctx, args.tokens, thisYear)
    const title = scopeTitle(deps, scope)
    const label = t.periodLabel(period.spec)
    const started = Date.now()
    let book
    try {
      book = await exportLedgerOffThread({
        dataDir: deps.store.dir,
        studioIds: scopeStudioIds(deps, scope),
        period,
        title,
        now: ctx.now,
        people: [...deps.directory.people],
        studios: [...deps.directory.studios],
        calendars: deps.calendars.spec(),
        scheme: deps.config.evaluation,
      })
    } catch (e) {
      if (!(e instanceof TaskError)) throw e
      deps.log.error('ledger export failed', { by: ctx.asker.person?.id, from: period.from, to: period.to, kind: e.kind, error: e.message })
      // A damaged data file is named in Chinese by the store; anything else gets the general line.
      return e.kind === 'StoreError' ? t.exportFailedData(e.message) : t.exportFailed
    }
    deps.log.info('ledger exported', { by: ctx.asker.person?.id, studios: scopeStudioIds(deps, scope).length, from: period.from, to: period.to, issues: book.issues, ms: Date.now() - started, cpuMs: book.cpuMs })
    const file: ReplyMessage = {
      to: { contactId: ctx.asker.contactId },
      text: t.exportSent(title, label, book.issues, book.sessions, book.reps),
      file: { name: t.exportFile(title, label), data: Buffer.from(book.file) },
    }
    if (ctx.chat.kind === 'private') return file
    return [{ text: t.exportSentPrivately(ctx.asker.person?.name ?? ctx.asker.displayName) }, file]
  },
})
