/**
 * Tasks in worker threads (src/platform/worker.ts): the task runs in another thread, TypeScript and all;
 * its result comes back, a buffer in it handed over; a task that throws, dies or outgrows its heap
 * rejects with a TaskError naming what happened, and the bot's thread goes on.
 */
import { threadId } from 'node:worker_threads'
import { runTask, TaskError } from '../../src/platform/worker.js'

const echo = new URL('../fixtures/tasks/echo-task.ts', import.meta.url)
const failing = new URL('../fixtures/tasks/failing-task.ts', import.meta.url)

test('a task runs in a thread of its own and hands its buffer back', async () => {
  const r = await runTask<{ text: string; bytes: number }, { threadId: number; text: string; file: ArrayBuffer }>(echo, { text: 'ledger', bytes: 1 << 20 })
  expect(r.text).toBe('LEDGER')
  expect(r.threadId).not.toBe(threadId)
  expect(r.file.byteLength).toBe(1 << 20)
  expect(new Uint8Array(r.file)[12345]).toBe(7)
})

test('a task may run at a lower priority (Linux: its thread alone); its CPU time is its own', async () => {
  type R = { nice?: number; cpuMs?: number }
  const { readlinkSync } = await import('node:fs')
  const os = await import('node:os')
  const mine = () => os.getPriority(Number(readlinkSync('/proc/thread-self').split('/').pop()))
  if (process.platform !== 'linux') return
  const before = mine()
  const low = await runTask<{ text: string; bytes: number }, R>(echo, { text: 'x', bytes: 1 }, { nice: 7 })
  const normal = await runTask<{ text: string; bytes: number }, R>(echo, { text: 'x', bytes: 1 })
  // A thread starts at its creator's value; lowering the priority needs no rights, raising it would.
  expect([low.nice, normal.nice]).toEqual([Math.max(7, before), before])
  expect(mine()).toBe(before)
  expect(typeof low.cpuMs).toBe('number')
})

test('a task that throws rejects with the error name and message', async () => {
  const e = await runTask(failing, { how: 'throw' }).catch((x: unknown) => x)
  expect(e).toBeInstanceOf(TaskError)
  expect(e).toMatchObject({ kind: 'StoreError', message: '数据文件损坏：issues/hpl/2026.json' })
})

test('a task that dies, or outgrows its heap, rejects; the next one runs', async () => {
  expect(await runTask(failing, { how: 'exit' }).catch((x: unknown) => x)).toMatchObject({ kind: 'WorkerExit' })
  const oom = await runTask(failing, { how: 'grow' }, { resourceLimits: { maxOldGenerationSizeMb: 32, maxYoungGenerationSizeMb: 8 } }).catch((x: unknown) => x)
  expect(oom).toBeInstanceOf(TaskError)
  expect((oom as TaskError).code).toBe('ERR_WORKER_OUT_OF_MEMORY')
  expect((await runTask<{ text: string; bytes: number }, { text: string }>(echo, { text: 'again', bytes: 1 })).text).toBe('AGAIN')
})

test('a module that cannot be loaded rejects', async () => {
  const e = await runTask(new URL('../fixtures/tasks/no-such-task.ts', import.meta.url), {}).catch((x: unknown) => x)
  expect(e).toBeInstanceOf(TaskError)
})
