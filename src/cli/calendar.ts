/**
 * `npm run calendar -- parse FILE [--json] | import FILE | show YEAR`: the State Council's holiday notice
 * at the server's console.
 * - parse: reads the notice's text and prints its days off and make-up working days; touches no data.
 *   With --json, stdout is exactly one JSON object: {"year":2027,"holidays":[…],"workdays":[…]}
 *   (use `npm run -s` to keep npm's own banner out of a pipe).
 * - import: parses and stores it as `<LXQ_DATA>/calendar/<year>.json` (the same file /确认放假安排 writes);
 *   a running bot puts it in force at its next due-check (within a minute), without a restart.
 * - show: what the bot uses for that year and where it came from (notice, package, or provisional),
 *   plus the configured extras (LXQ_CONFIG, when it loads).
 * - ics STUDIO|PERSON [--out FILE]: the reception sessions as iCal (the same file /日历 sends): a studio's
 *   sessions, or one representative's duties with those they came off and cancelled ones as CANCELLED;
 *   read from the data folder read-only (safe beside the bot). To stdout without --out.
 * Exit codes: 0 done, 2 a mistake in the input (the message says which), 1 anything else.
 */
import { promises as fs } from 'node:fs'
import { createRequire } from 'node:module'
import { cliConfig, cliDataDir, runCli } from './cli-common.js'
import { parseHolidayNotice } from '../domain/calendar/parse-holiday-notice.js'
import { createWorkingCalendar } from '../domain/calendar/working-calendar.js'
import { addDays, isoWeekday, makeDate, toInstant, toLocalDate, toLocalTime } from '../domain/time/local-date.js'
import type { Session } from '../domain/model.js'
import { calendarEntries } from '../domain/roster/calendar-entries.js'
import { sessionsToIcal } from '../app/roster-ical.js'
import { Directory, peopleFromConfig } from '../app/directory.js'
import { readDirectoryFile } from '../app/directory-file.js'
import { openFolderReadOnly, storeSource } from '../export/ledger-source.js'
import { daysOf, loadNotices, noticeFile, saveNotice } from '../app/holiday-notice-file.js'
import { noticeErrorText } from '../commands/holiday-notice-common.js'
import { dateLong, dateShort } from '../text/posts/roster.js'
import { clockFromEnv } from '../platform/clock.js'
import { zh } from '../text/zh-CN.js'

const t = zh.calendar.cli

async function readText(file: string | undefined): Promise<string | undefined> {
  if (!file) return undefined
  try {
    return await fs.readFile(file, 'utf8')
  } catch {
    return undefined
  }
}

/** Where the tool writes (process.stdout / stderr, or a test's buffer). */
export interface Writer {
  write(text: string): unknown
}

export async function runCalendarCli(args: string[], env: NodeJS.ProcessEnv = process.env, out: Writer = process.stdout, errOut: Writer = process.stderr): Promise<number> {
  const [verb, ...rest] = args
  if (verb === 'ics') return icsCli(rest, env, out, errOut)
  const json = rest.includes('--json')
  const positional = rest.filter((a) => a !== '--json')
  if (verb === 'parse' || verb === 'import') {
    const file = positional[0]
    const text = await readText(file)
    if (text === undefined) {
      errOut.write((file ? t.noFile(file) : t.usage) + '\n')
      return 2
    }
    const r = parseHolidayNotice(text)
    if (!r.ok) {
      errOut.write(t.parseError(noticeErrorText(r)) + '\n')
      return 2
    }
    const n = r.value
    if (verb === 'parse') {
      if (json) out.write(JSON.stringify({ year: n.year, holidays: n.holidays, workdays: n.workdays }) + '\n')
      else {
        const day = (d: string) => (d.startsWith(`${n.year}-`) ? dateShort(d) : dateLong(d))
        out.write(t.parseHeader(n.year, n.holidays.length, n.workdays.length) + '\n')
        for (const it of n.items) {
          out.write(`${it.name}\n  ${t.itemOff(it.holidays.map(day).join('、'))}\n`)
          if (it.workdays.length) out.write(`  ${t.itemWork(it.workdays.map(day).join('、'))}\n`)
        }
      }
      return 0
    }
    const dataDir = cliDataDir(env)
    const saved = await saveNotice(dataDir, { year: n.year, holidays: n.holidays, workdays: n.workdays, confirmedAt: clockFromEnv(env).now(), confirmedBy: 'console', text })
    out.write(t.imported(n.year, n.holidays.length, n.workdays.length, saved) + '\n')
    return 0
  }
  if (verb === 'show') {
    const year = Number(positional[0])
    if (!/^\d{4}$/.test(positional[0] ?? '')) {
      errOut.write(t.badYear(positional[0] ?? '') + '\n')
      return 2
    }
    const dataDir = cliDataDir(env)
    const notices = await loadNotices(dataDir)
    const cal = createWorkingCalendar({ notices: new Map([...notices].map(([y, n]) => [y, daysOf(n)])) })
    const source = cal.sourceOf(year)
    const n = notices.get(year)
    const version = (createRequire(import.meta.url)('chinese-days/package.json') as { version: string }).version
    const label =
      source === 'notice' && n
        ? t.sourceNotice(noticeFile(dataDir, year), `${toLocalDate(n.confirmedAt)} ${toLocalTime(n.confirmedAt)}`, n.confirmedBy)
        : source === 'package'
          ? t.sourcePackage(version)
          : source === 'provisional'
            ? t.sourceProvisional
            : t.sourceWeekends
    const off: string[] = []
    const work: string[] = []
    for (let d = makeDate(year, 1, 1); d <= makeDate(year, 12, 31); d = addDays(d, 1)) {
      const weekend = isoWeekday(d) >= 6
      if (!cal.isWorkingDay(d) && !weekend) off.push(dateShort(d))
      if (cal.isWorkingDay(d) && weekend) work.push(dateShort(d))
    }
    out.write([t.showHeader(year, label), t.offLine(off.length, off.join('、')), t.workLine(work.length, work.join('、'))].join('\n') + '\n')
    // The configured extras apply on top (per studio too); shown when the configuration loads.
    if (env.LXQ_CONFIG || (await readText('config/district.yaml')) !== undefined) {
      const config = cliConfig(env)
      if (config) {
        const inYear = (l: string[]) => l.filter((d) => d.startsWith(`${year}-`)).map(dateShort)
        out.write(t.extras(inYear(config.calendar.extraHolidays), inYear(config.calendar.extraWorkdays)) + '\n')
      }
    }
    return 0
  }
  errOut.write(t.usage + '\n')
  return 2
}

/** `ics STUDIO|PERSON [--out FILE]`: the iCal file /日历 would send, from the data folder read-only. */
async function icsCli(rest: string[], env: NodeJS.ProcessEnv, out: Writer, errOut: Writer): Promise<number> {
  const at = rest.indexOf('--out')
  const file = at >= 0 ? rest[at + 1] : undefined
  const target = at < 0 ? rest[0] : rest.filter((_, i) => i !== at && i !== at + 1)[0]
  if (!target || (at >= 0 && !file)) {
    errOut.write(t.usage + '\n')
    return 2
  }
  const config = cliConfig(env)
  if (!config) return 1
  const dataDir = cliDataDir(env)
  const imported = await readDirectoryFile(dataDir)
  const directory = new Directory(config, undefined, imported?.people ?? peopleFromConfig(config))
  const studios = directory.findStudio(target)
  const people = directory.people.filter((p) => p.id === target || p.name === target)
  if (studios.length !== 1 && people.length !== 1) {
    errOut.write((people.length > 1 ? t.icsAmbiguous(target, people.map((p) => `${p.id} ${p.unit}`).join('、')) : t.icsUnknown(target)) + '\n')
    return 2
  }
  const person = studios.length === 1 ? undefined : people[0]
  const studioIds = person ? (person.studioId ? [person.studioId] : []) : [studios[0].id]
  const now = clockFromEnv(env).now()
  const year = Number(toLocalDate(now).slice(0, 4))
  const store = await openFolderReadOnly(dataDir)
  const src = storeSource(store)
  const sessions: Session[] = []
  for (const id of studioIds) for (const y of [year, year + 1]) sessions.push(...(await src.roster(id, y)).sessions)
  await store.close()
  const end = (s: Session) => toInstantAt(s) + s.durationMinutes * 60_000
  const text = sessionsToIcal({
    title: person ? person.name : studios[0].name,
    sessions: sessions.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)),
    personId: person?.id,
    studios: (id) => directory.studio(id),
    directory,
    startOf: toInstantAt,
    endOf: end,
    now,
  })
  const shown = calendarEntries(sessions, person?.id).length
  if (!file) {
    out.write(text)
    return 0
  }
  await fs.writeFile(file, text, { mode: 0o600 })
  out.write(t.icsWritten(file, shown) + '\n')
  return 0
}

const toInstantAt = (s: Pick<Session, 'date' | 'time'>) => toInstant(s.date, s.time)

// Run only as the entry point (the tests import runCalendarCli).
if (process.argv[1] && /calendar\.ts$/.test(process.argv[1])) runCli((a) => runCalendarCli(a))
