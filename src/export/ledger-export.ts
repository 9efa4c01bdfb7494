/**
 * /导出台账 off the event loop: the job (ledger-job.ts) runs in a worker thread of its own
 * (ledger-worker.ts), which reads the data folder read-only, writes the workbook and hands the file back;
 * the bot's thread meanwhile answers everyone else. One export at a time: a second one asked meanwhile
 * waits for the first (two district ledgers at once would double the memory they take).
 *
 * The worker's heap is capped (HEAP_MB): a ledger that would need more fails with a TaskError instead
 * of taking the bot's memory. Its thread runs at a lower priority (NICE) so that, on a busy machine,
 * receipts are not kept waiting behind it.
 */
import { runTask } from '../platform/worker.js'
import type { LedgerJob } from './ledger-job.js'
import type { LedgerCounts } from './ledger-workbook.js'

export interface ExportedLedger extends LedgerCounts {
  file: ArrayBuffer
  /** CPU time the worker's thread spent on the job (Linux), for the log. */
  cpuMs?: number
}

/** The worker's old-generation heap limit: a district year takes about 100 MB of it; several years of a city fail with a reply (分段导出) before they could take the server's memory. */
export const HEAP_MB = 512

/** The worker's nice value: when the cores are busy, replies to people go first. */
export const NICE = 10

/** The worker's module beside this one, whether the sources run as .ts (tsx) or compiled .js. */
const WORKER = new URL(import.meta.url.replace(/ledger-export\.(ts|js)$/, 'ledger-worker.$1'))

let queue: Promise<unknown> = Promise.resolve()

export function exportLedgerOffThread(job: LedgerJob): Promise<ExportedLedger> {
  const run = queue.then(() => runTask<LedgerJob, ExportedLedger>(WORKER, job, { resourceLimits: { maxOldGenerationSizeMb: HEAP_MB }, nice: NICE }))
  queue = run.catch(() => undefined)
  return run
}
