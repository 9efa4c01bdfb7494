/** The wording of a notice that does not read (parse-holiday-notice.ts codes), for the chat and the console. */
import type { Err } from '../domain/result.js'
import type { NoticeErrorCode } from '../domain/calendar/parse-holiday-notice.js'
import { dateShort } from '../text/posts/roster.js'
import { zh } from '../text/zh-CN.js'

export function noticeErrorText(e: Err<NoticeErrorCode | string>): string {
  const t = zh.calendar.errors
  const p = e.params ?? {}
  const line = Number(p.line)
  switch (e.code as NoticeErrorCode) {
    case 'notice.empty':
      return t.empty
    case 'notice.no-year':
      return t.noYear
    case 'notice.no-items':
      return t.noItems
    case 'notice.bad-line':
      return t.badLine(line, String(p.text))
    case 'notice.bad-date':
      return t.badDate(line, String(p.date))
    case 'notice.weekday-mismatch':
      return t.weekdayMismatch(line, dateShort(String(p.date)).replace(/（.*$/, ''), zh.common.weekdays[Number(p.weekday)])
    case 'notice.count-mismatch':
      return t.countMismatch(line, Number(p.said), Number(p.counted))
    case 'notice.both':
      return t.both(dateShort(String(p.date)))
    case 'notice.other-year':
      return t.otherYear(line, String(p.date))
  }
  return t.noItems
}
