/**
 * `npm run export -- [期间] [--studio 工作室] [--out 文件.xlsx]`: the same xlsx ledger as /导出台账, for
 * staff at the server. Default period: this year (Asia/Shanghai; LXQ_FAKE_NOW moves "now" like the bot's
 * clock); without --studio the whole district. Uses the same config and data folder as `npm start`
 * (LXQ_CONFIG, LXQ_DATA, and the imported directory if any) and only reads the data folder, so it is
 * safe while the bot runs. Exit code 0 when written, 2 on a wrong argument.
 */
import { promises as fs } from 'node:fs'
import path from 'node:path'
import { clockFromEnv } from '../platform/clock.js'
import { Directory } from '../app/directory.js'
import { Calendars } from '../app/calendars.js'
import { daysOf, loadNotices } from '../app/holiday-notice-file.js'
import { readDirectoryFile } from '../app/directory-file.js'
import { parsePeriod, thisYear } from '../domain/stats/period.js'
import { toLocalDate } from '../domain/time/local-date.js'
import { collectLedger, openFolderReadOnly, storeSource } from '../export/ledger-source.js'
import { StoreError, FILE_MODE } from '../platform/store/atomic-json-file.js'
import { buildLedgerWorkbook } from '../export/ledger-workbook.js'
import type { Store } from '../platform/store/store.js'
import { zh } from '../text/zh-CN.js'
import { cliConfig, cliDataDir, runCli } from './cli-common.js'
import { periodRefusal } from '../text/posts/followup.js'

const t = zh.followup

async function run(args: string[], env = process.env): Promise<number> {
  const fail = (text: string): number => {
    process.stderr.write(text + '\n' + t.cli.exportUsage + '\n')
    return 2
  }
  let studioText: string | undefined
  let out: string | undefined
  const words: string[] = []
  for (let i = 0; i < args.length; i++) {
    const a = args[i]
    if (a === '--studio' || a === '--out') {
      const v = args[++i]
      if (v === undefined) return fail(t.cli.missingValue(a))
      if (a === '--studio') studioText = v
      else out = v
    } else if (a === '--help' || a === '-h') {
      process.stdout.write(t.cli.exportUsage + '\n')
      return 0
    }
    else if (a.startsWith('--')) return fail(t.cli.unknownOption(a))
    else words.push(a)
  }
  const config = cliConfig(env)
  if (!config) return 1
  const dataDir = cliDataDir(env)
  const now = clockFromEnv(env).now()
  const today = toLocalDate(now)
  const imported = await readDirectoryFile(dataDir)
  // No store is opened (the bot may be running): the Directory is used for names and studios only.
  const directory = new Directory(config, null as unknown as Store<unknown>, imported?.people)
  // Working days as the bot counts them: loaded State Council notices first (<data>/calendar/).
  const notices = await loadNotices(dataDir)
  const calendars = new Calendars(() => directory.studios, config.calendar, new Map([...notices].map(([y, n]) => [y, daysOf(n)])))

  let period = thisYear(today)
  if (words.length) {
    const r = parsePeriod(words.join(''), today)
    if (!r.ok) return fail(periodRefusal(r.code, words.join(''), today))
    period = r.value
  }
  let studios = directory.studios
  if (studioText !== undefined) {
    const found = directory.findStudio(studioText)
    if (found.length === 0) return fail(zh.identity.studioNotFound(studioText, directory.studios.map((s) => s.name).join(zh.common.listSep)))
    if (found.length > 1) return fail(zh.identity.studioAmbiguous(studioText, found.map((s) => s.name).join(zh.common.listSep)))
    studios = found
  }
  const title = studioText !== undefined ? studios[0].name : t.districtTitle(config.district.name)
  try {
    const data = await collectLedger(storeSource(await openFolderReadOnly(dataDir)), studios.map((s) => s.id), period.from, period.to)
    const book = await buildLedgerWorkbook({
      data,
      title,
      period,
      now,
      people: directory.people,
      studios: directory.studios,
      days: (id) => calendars.of(id),
      scheme: config.evaluation,
    })
    const file = out ?? t.exportFile(title, t.periodLabel(period.spec))
    await fs.mkdir(path.dirname(path.resolve(file)), { recursive: true })
    // The ledger holds constituents' names, phones and addresses: the server account's alone.
    await fs.writeFile(file, book.buffer, { mode: FILE_MODE })
    await fs.chmod(file, FILE_MODE)
    process.stdout.write(t.cli.exportDone(file, book.issues, book.sessions, book.reps) + '\n')
    return 0
  } catch (e) {
    if (e instanceof StoreError) {
      process.stderr.write(e.message + '\n')
      return 1
    }
    throw e
  }
}

runCli(run)
