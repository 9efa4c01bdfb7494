/**
 * Holiday notices imported from the console (`npm run calendar -- import FILE` writes
 * `<data>/calendar/<year>.json`): each due-check looks for a file new or changed since the bot read it
 * (one readdir and a stat per file) and puts it in force the same way /确认放假安排 does. Runs before
 * planning, so the same minute's plan and announcements already follow it.
 */
import type { Job } from './job.js'

export const loadHolidayNoticesJob: Job = {
  name: 'load-holiday-notices',
  async run(deps, firedAt) {
    await deps.holidayNotices.checkFolder(firedAt)
  },
}
