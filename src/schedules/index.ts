/** Every scheduled job, run in this order by each due-check. */
import type { Job } from './job.js'
import { planRosterJob } from './plan-roster.js'
import { loadDirectoryJob } from './load-directory.js'
import { loadHolidayNoticesJob } from './load-holiday-notices.js'
import { announceDutyJob } from './announce-duty.js'
import { expireRequestsJob } from './expire-requests.js'
import { gapAlertJob } from './gap-alert.js'
import { dutyRemindersJob } from './duty-reminders.js'
import { weeklyFollowupJob } from './weekly-followup.js'
import { deadlineRemindersJob } from './deadline-reminders.js'
import { escalationDigestJob } from './escalation-digest.js'

export const jobs: readonly Job[] = [
  // Feature jobs are listed here (announcements, gap alerts, weekly follow-ups, reminders).
  loadDirectoryJob,
  loadHolidayNoticesJob,
  planRosterJob,
  announceDutyJob,
  expireRequestsJob,
  dutyRemindersJob,
  gapAlertJob,
  weeklyFollowupJob,
  deadlineRemindersJob,
  escalationDigestJob,
]
