/**
 * One ledger export as plain data, and the one way it is done: the data folder opened read-only (no lock,
 * nothing written: safe beside the running bot, which holds `<data>/lock`; the same reader the bot uses,
 * snapshots plus the write-ahead log, so every acknowledged change is in it), the records of the studios
 * and period collected, the workbook streamed to `out`. `npm run export` runs it in its own process;
 * /导出台账 in a worker thread (ledger-export.ts), so the bot's thread only hands over the job and gets
 * the file back.
 */
import type { Writable } from 'node:stream'
import type { Person, Studio } from '../domain/model.js'
import type { Period } from '../domain/stats/period.js'
import type { EvaluationScheme } from '../domain/stats/rep-record.js'
import { calendarsFromSpec, type CalendarSpec } from '../domain/calendar/working-calendar.js'
import { collectLedger, openFolderReadOnly, storeSource } from './ledger-source.js'
import { writeLedgerWorkbook, type LedgerCounts } from './ledger-workbook.js'

export interface LedgerJob {
  dataDir: string
  studioIds: string[]
  period: Period
  /** Studio name, or the district's name for a district ledger. */
  title: string
  now: number
  /** Everyone in the directory, inactive people included. */
  people: Person[]
  studios: Studio[]
  calendars: CalendarSpec
  scheme: EvaluationScheme
}

export async function runLedgerJob(job: LedgerJob, out: Writable): Promise<LedgerCounts> {
  const store = await openFolderReadOnly(job.dataDir, { studioIds: job.studioIds, from: job.period.from, to: job.period.to })
  const data = await collectLedger(storeSource(store), job.studioIds, job.period.from, job.period.to)
  const days = calendarsFromSpec(job.calendars)
  // The records were read for this ledger alone: each issue goes once its row is written.
  return writeLedgerWorkbook({ data, title: job.title, period: job.period, now: job.now, people: job.people, studios: job.studios, days: (id) => days(id), scheme: job.scheme }, out, { consume: true })
}
