import { defineCommand } from './command.js'
import { optionalText } from './args.js'
import { zh } from '../text/zh-CN.js'

/**
 * `导入花名册`: an admin sends the 花名册 xlsx to the bot privately (the dispatcher turns the file into this
 * command); the reply is the preview a clerk can check, and the sheet waits for /确认导入. Typed without a
 * file, it says how.
 */
export const importRoster = defineCommand({
  name: '导入花名册',
  roles: ['admin'],
  where: 'private',
  help: zh.duty.cmd.importSheet,
  args: optionalText,
  async run({ ctx }, deps) {
    const t = zh.duty
    if (!ctx.file) return t.importSendFile
    const r = await deps.directoryImports.preview(ctx.asker.contactId, ctx.file.name, await ctx.file.read(), ctx.now)
    if (!r.ok) return r.code === 'too-large' ? t.importTooLarge : t.importNotXlsx(ctx.file.name)
    return [...r.value.lines, r.value.plan.errors.length ? t.importBlocked : t.importAsk].join('\n')
  },
})
