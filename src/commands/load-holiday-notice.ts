import { defineCommand } from './command.js'
import { optionalText } from './args.js'
import { NOTICE_COMMAND } from '../app/dispatcher.js'
import { PENDING_MS } from '../app/holiday-notice-service.js'
import { noticeErrorText } from './holiday-notice-common.js'
import { zh } from '../text/zh-CN.js'

/**
 * `/放假安排 <通知全文>` (admin, private chat): reads the State Council's notice and shows it back day by
 * day; nothing changes until /确认放假安排. A bare `/放假安排` asks for the text in the next message.
 */
export const loadHolidayNotice = defineCommand({
  name: NOTICE_COMMAND,
  roles: ['admin'],
  where: 'private',
  help: zh.calendar.cmd.load,
  args: optionalText,
  async run({ args, ctx }, deps) {
    const notices = deps.holidayNotices
    if (!args.trim()) {
      notices.awaitText(ctx.asker.contactId, ctx.now)
      return zh.calendar.askPaste(PENDING_MS / 60_000)
    }
    const r = notices.read(ctx.asker.contactId, args, ctx.now)
    if (!r.ok) return noticeErrorText(r)
    return notices.preview(r.value, ctx.now)
  },
})
