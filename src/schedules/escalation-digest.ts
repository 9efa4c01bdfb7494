/**
 * The liaison office's daily 督办: from `issues.remindAt` (default 09:00) at most one message a day
 * to the liaison office (its group, or each admin privately) listing the issues that have newly become
 * overdue by more than `weekly.escalateAfterWorkingDays` working days — each once per handling round
 * and due date (marker `escalate:<id>:<round>:<due>`), written with the day's message (marker
 * `escalate-digest:<date>`) in one transaction, together with an `urge` red step (督办, the warning
 * ladder's red: domain/issues/warning-level.ts) on each of those issues. Nothing new, nothing sent (the day is marked as looked at). The Monday district summary
 * still lists every escalated issue with the studios' figures.
 */
import { liaisonTargets, type Job } from './job.js'
import { toInstant, toLocalDate } from '../domain/time/local-date.js'
import { summariseOpen } from '../domain/stats/open-issues.js'
import { escalationDigestText } from '../text/posts/followup.js'
import type { Issue } from '../domain/issues/issue.js'

export const escalationMarker = (i: Issue, due: string): string => `escalate:${i.id}:${i.round}:${due}`
export const escalationDigestMarker = (date: string): string => `escalate-digest:${date}`

export const escalationDigestJob: Job = {
  name: 'escalation-digest',
  async run(deps, firedAt) {
    const { config, directory, log } = deps
    const today = toLocalDate(firedAt)
    if (firedAt < toInstant(today, config.issues.remindAt) || deps.outbox.has(escalationDigestMarker(today))) return
    const targets = liaisonTargets(deps)
    if (targets.length === 0) {
      deps.log.once(`escalation-nobody:${today}`, () => log.warn('daily escalation digest not posted: no liaison group and no admin bound', { today }))
      return
    }
    const limit = config.weekly.escalateAfterWorkingDays
    const known = new Set(directory.studios.map((s) => s.id))
    const open = (await deps.issues.openIssues()).filter((i) => known.has(i.studioId))
    const fresh = summariseOpen(open, today, (id) => deps.calendars.of(id), limit).escalated.filter((x) => !deps.outbox.has(escalationMarker(x.issue, x.due)))
    if (fresh.length === 0) {
      // Nothing new: the day is marked as looked at, so the every-minute due-check does not scan every
      // open issue again until tomorrow (an issue only passes the limit when the day changes; one that a
      // calendar change pushes past it during the day is reported the next day).
      await deps.store.transaction(() => deps.store.state.set('markers', escalationDigestMarker(today), firedAt))
      return
    }
    const text = escalationDigestText(today, fresh, limit, (id) => directory.studio(id)?.name ?? id)
    try {
      await deps.store.transaction(async () => {
        await deps.outbox.post(escalationDigestMarker(today), targets.map((to) => ({ to, text })), firedAt)
        for (const x of fresh) {
          await deps.store.state.set('markers', escalationMarker(x.issue, x.due), firedAt)
          const r = await deps.issues.apply(x.issue.id, { type: 'urge', level: 'red' }, { at: firedAt, by: 'system', today, days: deps.calendars.of(x.issue.studioId) })
          if (!r.ok) log.warn('urge (red) not recorded', { id: x.issue.id, code: r.code })
        }
      })
      log.info('daily escalation digest posted', { escalated: fresh.length })
    } catch (e) {
      log.error('daily escalation digest failed', { error: e })
    }
  },
}
