/**
 * Planning: keeps every studio's sessions staffed from today to the horizon (config.roster.horizonMonths).
 * Runs first in each due-check (so at start-up and after every login too); the service skips the work
 * when the day and the representatives are the same as last time. Warns coordinators once per studio and
 * year when the horizon reaches a year the holiday calendar does not cover.
 */
import type { Job } from './job.js'

export const planRosterJob: Job = {
  name: 'plan-roster',
  async run(deps, firedAt) {
    await deps.roster.ensurePlanned(firedAt)
  },
}
