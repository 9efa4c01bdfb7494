/**
 * Holiday notices imported from the console (`npm run calendar -- import FILE` writes
 * `<data>/calendar/<year>.json`): each due-check looks for a file new or changed since the bot read it
 * (one readdir and a stat per file) and puts it in force the same way /确认放假安排 does; the first check
 * after start also carries out a stored notice whose consequences were never done. Runs before planning,
 * so the same minute's plan and announcements already follow it. A file that does not read is logged
 * once (not every minute) and changes nothing.
 */
import type { Job } from './job.js'

export const loadHolidayNoticesJob: Job = {
  name: 'load-holiday-notices',
  async run(deps, firedAt) {
    try {
      await deps.holidayNotices.checkFolder(firedAt)
    } catch (e) {
      const message = String((e as Error).message ?? e)
      deps.log.once(`notice-file:${message}`, () => deps.log.error('holiday notice file not loaded', { error: e }))
    }
  },
}
