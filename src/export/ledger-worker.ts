/**
 * The worker thread's side of /导出台账 (ledger-export.ts starts it): runs the job and hands the file
 * back as one buffer, transferred, not copied.
 */
import { Writable } from 'node:stream'
import { serveTask, threadCpuMs } from '../platform/worker.js'
import { runLedgerJob, type LedgerJob } from './ledger-job.js'
import type { ExportedLedger } from './ledger-export.js'

serveTask<LedgerJob, ExportedLedger>(async (job) => {
  const cpuAtStart = threadCpuMs()
  const chunks: Buffer[] = []
  let size = 0
  const sink = new Writable({
    write(chunk: Buffer, _enc, cb) {
      chunks.push(chunk)
      size += chunk.length
      cb()
    },
  })
  const finished = new Promise<void>((resolve, reject) => sink.on('finish', resolve).on('error', reject))
  const counts = await runLedgerJob(job, sink)
  await finished
  const file = new ArrayBuffer(size)
  const bytes = new Uint8Array(file)
  let at = 0
  for (const c of chunks) (bytes.set(c, at), (at += c.length))
  chunks.length = 0
  const cpuAtEnd = threadCpuMs()
  const cpuMs = cpuAtStart !== undefined && cpuAtEnd !== undefined ? cpuAtEnd - cpuAtStart : undefined
  return { result: { ...counts, file, cpuMs }, transfer: [file] }
})
