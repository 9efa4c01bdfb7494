import { defineCommand } from './command.js'
import { optionalText } from './args.js'
import { zh } from '../text/zh-CN.js'
import { applyImport } from './confirm-import.js'
import { confirmDuty } from './confirm-duty.js'

/**
 * `/确认` alone, routed by context: an admin with a 花名册 waiting (sent privately in the last 30 minutes)
 * applies it; a representative confirms their duty (as /确认值班, a date allowed); anyone else is told the
 * precise commands. The others keep their own names (/确认放假安排, /确认绑定 N), which are longer and so
 * never read as this one.
 */
export const confirmAny = defineCommand({
  name: '确认',
  roles: 'anyone',
  mutates: true,
  help: zh.duty.cmd.confirmAny,
  args: optionalText,
  async run(input, deps) {
    const { ctx } = input
    if (ctx.chat.kind === 'private' && ctx.asker.roles.includes('admin') && deps.directoryImports.hasPending(ctx.asker.contactId, ctx.now)) return applyImport(ctx, deps)
    if (ctx.asker.roles.includes('representative')) return confirmDuty.run(input, deps)
    return zh.duty.confirmWhat
  },
})
