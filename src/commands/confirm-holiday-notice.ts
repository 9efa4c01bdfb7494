import { defineCommand } from './command.js'
import { optionalText } from './args.js'
import { zh } from '../text/zh-CN.js'

/** `/确认放假安排` (admin, private chat): stores the notice just read and puts it in force at once. */
export const confirmHolidayNotice = defineCommand({
  name: '确认放假安排',
  roles: ['admin'],
  where: 'private',
  mutates: true,
  help: zh.calendar.cmd.confirm,
  args: optionalText,
  async run({ ctx }, deps) {
    const r = await deps.holidayNotices.confirm(ctx.asker.contactId, ctx.asker.person?.id ?? ctx.asker.contactId, ctx.now)
    if (!r.ok) return r.code === 'expired' ? zh.calendar.expired : zh.calendar.nothingPending
    const o = r.value
    return zh.calendar.confirmed({ year: o.year, moved: o.moved.length, added: o.added, dropped: o.dropped, deadlines: o.deadlines.length })
  },
})
