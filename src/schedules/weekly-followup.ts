/**
 * The weekly follow-up (每周跟进), once a week per studio group at `config.weekly.weekday` / `.at`
 * (default Monday 09:00, Asia/Shanghai): this week's sessions and duty, open gaps (sessions from today
 * to `swaps.gapWindowDays` ahead with fewer representatives than required), the open issues by stage,
 * the overdue ones (催办) with the studio's coordinators @mentioned, and the calendar-gap note when the
 * holiday calendar does not cover a year from today to the planning horizon.
 *
 * At the same time the liaison office gets one district summary (督办): per studio open / overdue /
 * escalated and this year's closure and satisfaction rates, worst first, and every issue overdue by more
 * than `weekly.escalateAfterWorkingDays` working days. To the liaison office's group, or, when none is
 * configured or bound, to each admin privately.
 *
 * Exactly once: the markers `weekly:<studio>:<Monday>` and `weekly-district:<Monday>` are written with
 * the posts in one write of state.json (Outbox). What a due-check does, by the week (Monday–Sunday) of
 * the instant it fires:
 * - before this week's due time: nothing (last week's post, sent or missed, is never sent now);
 * - at the due time or up to GRACE after: the post;
 * - later in the same week (the bot was down): the post, marked 补发;
 * - a studio without a group waits (nothing marked) and is posted, marked 补发, once a group is bound
 *   within the week.
 * A week whose due time came before the bot ever ran (a new installation on a Wednesday) owes nothing:
 * 补发 catches up what downtime lost, not what the bot was never there for. The first run is kept in
 * state.counters (never pruned).
 */
import { eachStudio, liaisonTargets, type Job } from './job.js'
import type { Deps } from '../app/deps.js'
import type { Studio } from '../domain/model.js'
import { addDays, makeDate, toInstant, toLocalDate, weekStart, yearOf, type LocalDate } from '../domain/time/local-date.js'
import { summariseOpen } from '../domain/stats/open-issues.js'
import { computeFigures, worstFirst } from '../domain/stats/figures.js'
import { contactsOf } from '../text/posts/roster.js'
import { openGaps } from '../app/open-gaps.js'
import { districtTexts, weeklyText, type DistrictRow } from '../text/posts/followup.js'
import { collectLedger, storeSource } from '../export/ledger-source.js'
import type { OutgoingMessage } from '../messages/message.js'
import { GRACE_MS } from './announce-duty.js'
import { zh } from '../text/zh-CN.js'

export const weeklyMarker = (studioId: string, week: LocalDate): string => `weekly:${studioId}:${week}`
export const districtMarker = (week: LocalDate): string => `weekly-district:${week}`
/** state.counters key: the instant the follow-up job first ran on this data folder. */
export const SINCE_KEY = 'followup.weeklySince'

/** The instant this week's follow-up is due (the week of `today`, Monday–Sunday). */
export function weeklyDueAt(today: LocalDate, weekday: number, at: string): number {
  return toInstant(addDays(weekStart(today), weekday - 1), at)
}

export const weeklyFollowupJob: Job = {
  name: 'weekly-followup',
  async run(deps, firedAt) {
    const today = toLocalDate(firedAt)
    const { weekday, at } = deps.config.weekly
    const due = weeklyDueAt(today, weekday, at)
    let since = deps.store.state.data.counters[SINCE_KEY]
    if (since === undefined) {
      since = firedAt
      await deps.store.state.set('counters', SINCE_KEY, firedAt)
    }
    if (firedAt < due || since > due + GRACE_MS) return
    const week = weekStart(today)
    const late = firedAt - due > GRACE_MS
    await eachStudio(deps, 'weekly follow-up', async (studio) => {
      if (!deps.outbox.has(weeklyMarker(studio.id, week))) await postStudio(deps, studio, week, today, late, firedAt)
    })
    if (!deps.outbox.has(districtMarker(week))) {
      try {
        await postDistrict(deps, week, today, late, firedAt)
      } catch (e) {
        deps.log.error('weekly district summary failed', { error: e })
      }
    }
  },
}

async function postStudio(deps: Deps, studio: Studio, week: LocalDate, today: LocalDate, late: boolean, now: number): Promise<void> {
  const { roster, directory, log, config } = deps
  const room = directory.roomOf(studio.id)
  if (!room) {
    deps.log.once(`weekly-noroom:${studio.id}:${week}`, () => log.warn('weekly follow-up waits: the studio has no group bound', { studioId: studio.id, week }))
    return
  }
  const weekTo = addDays(week, 6)
  const sessions = await roster.sessionsBetween(studio.id, week, weekTo, { includeCancelled: true })
  // The same gaps as the daily gap guard (src/schedules/gap-alert.ts), so both say the same.
  const gaps = await openGaps(roster, studio.id, today, addDays(today, config.swaps.gapWindowDays), now)
  const open = await deps.issues.openIssues(studio.id)
  const summary = summariseOpen(open, today, (id) => deps.calendars.of(id), config.weekly.escalateAfterWorkingDays)
  const gapYears = roster.calendarGapYears(studio.id, today, roster.horizonEnd(today))
  const text = weeklyText(directory, {
    studio,
    weekFrom: week,
    weekTo,
    sessions,
    gaps,
    summary,
    escalateAfter: config.weekly.escalateAfterWorkingDays,
    calendarGap: gapYears.length ? zh.roster.yearUncovered(gapYears) : undefined,
  })
  const mentions = summary.overdue.length ? contactsOf(directory, directory.coordinatorsOf(studio.id).map((p) => p.id)) : []
  const req: OutgoingMessage = { to: { roomId: room }, text: late ? zh.common.resend + text : text, mentions }
  if (await deps.outbox.post(weeklyMarker(studio.id, week), [req], now)) {
    log.info(late ? 'weekly follow-up posted late (marked as resent)' : 'weekly follow-up posted', { studioId: studio.id, week, overdue: summary.overdue.length })
  }
}

async function postDistrict(deps: Deps, week: LocalDate, today: LocalDate, late: boolean, now: number): Promise<void> {
  const { directory, log, config } = deps
  const targets = liaisonTargets(deps)
  if (targets.length === 0) {
    deps.log.once(`weekly-district-nobody:${week}`, () => log.warn('district summary not posted: no liaison group and no admin bound', { week }))
    return
  }
  const limit = config.weekly.escalateAfterWorkingDays
  const days = (id: string) => deps.calendars.of(id)
  const year = yearOf(today)
  const studios = directory.studios
  const thisYear = await collectLedger(storeSource(deps.store), studios.map((s) => s.id), makeDate(year, 1, 1), today)
  const allOpen = await deps.issues.openIssues()
  const rows: (DistrictRow & { id: string })[] = studios.map((s) => {
    const sum = summariseOpen(allOpen.filter((i) => i.studioId === s.id), today, days, limit)
    const f = computeFigures({ issues: thisYear.issues.filter((i) => i.studioId === s.id), sessions: [], from: thisYear.from, to: thisYear.to, now, days })
    return { id: s.id, name: s.name, open: sum.open, overdue: sum.overdue.length, escalated: sum.escalated.length, received: f.received, closure: f.closure, satisfaction: f.satisfaction }
  })
  const known = new Set(studios.map((s) => s.id))
  const escalated = summariseOpen(allOpen.filter((i) => known.has(i.studioId)), today, days, limit).escalated
  const texts = districtTexts({
    district: config.district.name,
    weekFrom: week,
    weekTo: addDays(week, 6),
    year,
    rows: worstFirst(rows),
    escalated,
    limit,
    studioName: (id) => directory.studio(id)?.name ?? id,
    maxChars: config.bot.maxMessageChars - zh.common.resend.length,
  })
  const bodies = texts.map((text, i) => (late && i === 0 ? zh.common.resend + text : text))
  if (await deps.outbox.post(districtMarker(week), targets.flatMap((to) => bodies.map((text) => ({ to, text }))), now)) {
    log.info('weekly district summary posted', { week, escalated: escalated.length, late })
  }
}
