/** Every scheduled job, run in this order by each due-check. */
import type { Job } from './job.js'

export const jobs: readonly Job[] = [
  // Feature jobs are listed here (announcements, gap alerts, weekly follow-ups, reminders).
]
