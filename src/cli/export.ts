/**
 * `npm run export -- [期间] [--studio 工作室] [--out 文件.xlsx]`: the same xlsx ledger as /导出台账, for
 * staff at the server. Default period: this year (Asia/Shanghai; LXQ_FAKE_NOW moves "now" like the bot's
 * clock); without --studio the whole district. Uses the same config and data folder as `npm start`
 * (LXQ_CONFIG, LXQ_DATA, and the imported directory if any) and only reads the data folder, so it is
 * safe while the bot runs. The same job as the bot's (src/export/ledger-job.ts), in this process,
 * streamed into the file as it is written. Exit code 0 when written, 1 on damaged data, 2 on a wrong
 * argument.
 */
import { createWriteStream, promises as fs } from 'node:fs'
import path from 'node:path'
import { clockFromEnv } from '../platform/clock.js'
import { Directory } from '../app/directory.js'
import { Calendars } from '../app/calendars.js'
import { daysOf, loadNotices } from '../app/holiday-notice-file.js'
import { readDirectoryFile } from '../app/directory-file.js'
import { parsePeriod, thisYear } from '../domain/stats/period.js'
import { toLocalDate } from '../domain/time/local-date.js'
import { StoreError, FILE_MODE } from '../platform/store/atomic-json-file.js'
import { runLedgerJob } from '../export/ledger-job.js'
import { zh } from '../text/zh-CN.js'
import { cliConfig, cliDataDir, runCli } from './cli-common.js'
import { periodRefusal } from '../text/posts/followup.js'

const t = zh.followup

interface Out {
  write(s: string): unknown
}

export async function runExportCli(args: string[], env: NodeJS.ProcessEnv = process.env, out: Out = process.stdout, errOut: Out = process.stderr): Promise<number> {
  const fail = (text: string): number => {
    errOut.write(text + '\n' + t.cli.exportUsage + '\n')
    return 2
  }
  let studioText: string | undefined
  let outFile: string | undefined
  const words: string[] = []
  for (let i = 0; i < args.length; i++) {
    const a = args[i]
    if (a === '--studio' || a === '--out') {
      const v = args[++i]
      if (v === undefined) return fail(t.cli.missingValue(a))
      if (a === '--studio') studioText = v
      else outFile = v
    } else if (a === '--help' || a === '-h') {
      out.write(t.cli.exportUsage + '\n')
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
  const directory = new Directory(config, undefined, imported?.people)
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
  const file = outFile ?? t.exportFile(title, t.periodLabel(period.spec))
  await fs.mkdir(path.dirname(path.resolve(file)), { recursive: true })
  // The ledger holds constituents' names, phones and addresses: the server account's alone.
  const stream = createWriteStream(file, { mode: FILE_MODE })
  const written = new Promise<void>((resolve, reject) => stream.on('close', resolve).on('error', reject))
  try {
    const book = await runLedgerJob(
      {
        dataDir,
        studioIds: studios.map((s) => s.id),
        period,
        title,
        now,
        people: directory.people,
        studios: directory.studios,
        calendars: calendars.spec(),
        scheme: config.evaluation,
      },
      stream,
    )
    await written
    await fs.chmod(file, FILE_MODE)
    out.write(t.cli.exportDone(file, book.issues, book.sessions, book.reps) + '\n')
    return 0
  } catch (e) {
    stream.destroy()
    await written.catch(() => undefined)
    await fs.rm(file, { force: true })
    if (e instanceof StoreError) {
      errOut.write(e.message + '\n')
      return 1
    }
    throw e
  }
}

// Run only as the entry point (the tests import runExportCli).
if (process.argv[1] && /export\.ts$/.test(process.argv[1])) runCli((a) => runExportCli(a))
