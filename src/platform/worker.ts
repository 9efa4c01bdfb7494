/**
 * Work off the event loop: one task in its own worker thread (node:worker_threads), so that the bot's
 * thread keeps answering while it runs. The task is a module that calls `serveTask(handler)`; its input
 * and result are plain data (structured clone), and a result's ArrayBuffers can be handed over without a
 * copy (`transfer`).
 *
 * The module may be TypeScript (the bot runs its sources through tsx, and a worker thread does not inherit
 * the main thread's loader): it is bundled into one plain module first (`bundled`), or, if that cannot
 * be done, the worker registers tsx's loader before importing it. Each task gets a fresh thread that
 * ends with it, so nothing of it stays in memory; `resourceLimits` bounds its heap, and a task that
 * exceeds it, throws or dies rejects with a TaskError (its name and message; never the input).
 */
import { Worker, isMainThread, parentPort, workerData, type ResourceLimits } from 'node:worker_threads'
import { createHash } from 'node:crypto'
import { existsSync, readFileSync, promises as fs } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

export class TaskError extends Error {
  constructor(
    /** The name of the error the task threw (`StoreError`, `Error`), or `WorkerExit` when it died. */
    readonly kind: string,
    message: string,
    readonly code?: string,
  ) {
    super(message)
    this.name = 'TaskError'
  }
}

type Reply = { ok: true; result: unknown } | { ok: false; name: string; message: string; code?: string }

/** What the handler returns: the result, and the buffers in it to hand over rather than copy. */
export interface TaskResult<O> {
  result: O
  transfer?: ArrayBuffer[]
}

const bundles = new Map<string, Promise<URL | undefined>>()

/**
 * A TypeScript task module as one plain ES module (esbuild, which tsx itself runs on), its packages left
 * as imports: the worker then needs no loader, where tsx's takes a thread of its own (about 20 MB and a
 * third of a second more per task). Written once per process and module into node_modules/.cache (beside
 * the packages it imports, so that they resolve), named by its content, written by rename (several
 * processes may build it at once); files of earlier sources are left (a running bot may still use one;
 * a few hundred kB each, gone with the next npm ci). Undefined when esbuild cannot be used: tsx's loader
 * then.
 */
function bundled(module: URL): Promise<URL | undefined> {
  let b = bundles.get(module.href)
  if (!b) {
    b = (async () => {
      try {
        const entry = fileURLToPath(module)
        let root = path.dirname(entry)
        while (!existsSync(path.join(root, 'node_modules'))) {
          const up = path.dirname(root)
          if (up === root) return undefined
          root = up
        }
        const { build } = await import('esbuild')
        const r = await build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', write: false, logLevel: 'silent' })
        const code = r.outputFiles[0].text
        const dir = path.join(root, 'node_modules', '.cache', 'lianxinqiao')
        const file = path.join(dir, `${path.basename(entry, '.ts')}-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.mjs`)
        if (!existsSync(file)) {
          await fs.mkdir(dir, { recursive: true })
          const tmp = `${file}.${process.pid}.${Date.now()}.tmp`
          await fs.writeFile(tmp, code)
          await fs.rename(tmp, file)
        }
        return pathToFileURL(file)
      } catch {
        return undefined
      }
    })()
    bundles.set(module.href, b)
  }
  return b
}

/** Where tsx's loader API is, for a worker that must read TypeScript (undefined when it is not installed). */
function tsxLoader(): string | undefined {
  try {
    // The ES module entry (its CommonJS twin registers a path that does not exist in a worker).
    const resolve = (import.meta as { resolve?: (s: string) => string }).resolve
    if (resolve) return resolve('tsx/esm/api')
    return pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href
  } catch {
    return undefined
  }
}

// The worker's first script (CommonJS, evaluated): its priority, the loader when needed, then the task's
// module. On Linux the nice value is a thread's own (setpriority on the thread id, /proc/thread-self).
const BOOT = `
const { workerData, parentPort } = require('node:worker_threads')
if (workerData.nice) {
  try {
    require('node:os').setPriority(Number(require('node:fs').readlinkSync('/proc/thread-self').split('/').pop()), workerData.nice)
  } catch {}
}
;(async () => {
  if (workerData.loader) (await import(workerData.loader)).register()
  await import(workerData.module)
})().catch((e) => {
  parentPort.postMessage({ ok: false, name: (e && e.name) || 'Error', message: String((e && e.message) || e), code: e && e.code })
})
`

export interface TaskOptions {
  resourceLimits?: ResourceLimits
  /**
   * A nice value (1–19) for the task's thread where the system has per-thread priorities (Linux): when
   * the cores are busy, the bot's own thread (replies) goes first and the task takes what is left.
   */
  nice?: number
}

/** Runs the task module `module` (a file URL) on `input` in a new worker thread; resolves with its result. */
export async function runTask<I, O>(module: URL, input: I, o: TaskOptions = {}): Promise<O> {
  const ts = module.pathname.endsWith('.ts')
  const plain = ts ? await bundled(module) : module
  return start<I, O>(plain ?? module, plain ? undefined : tsxLoader(), input, o)
}

function start<I, O>(module: URL, loader: string | undefined, input: I, o: TaskOptions): Promise<O> {
  return new Promise<O>((resolve, reject) => {
    let settled = false
    const settle = (f: () => void) => {
      if (settled) return
      settled = true
      f()
    }
    let worker: Worker
    try {
      worker = new Worker(BOOT, { eval: true, workerData: { module: module.href, loader, input, nice: o.nice }, resourceLimits: o.resourceLimits })
    } catch (e) {
      reject(new TaskError('WorkerStart', String((e as Error).message ?? e)))
      return
    }
    worker.on('message', (m: Reply) => {
      settle(() => (m.ok ? resolve(m.result as O) : reject(new TaskError(m.name, m.message, m.code))))
      void worker.terminate()
    })
    worker.on('error', (e: Error & { code?: string }) => settle(() => reject(new TaskError(e.name || 'Error', e.message, e.code))))
    worker.on('exit', (code) => settle(() => reject(new TaskError('WorkerExit', `worker ended with code ${code} before answering`))))
  })
}

/**
 * CPU time (user + system, ms) of the calling thread so far, where the system tells it per thread
 * (Linux: /proc/thread-self/stat); undefined elsewhere. process.cpuUsage() counts every thread.
 */
export function threadCpuMs(): number | undefined {
  try {
    const stat = readFileSync('/proc/thread-self/stat', 'utf8')
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return ((Number(rest[11]) + Number(rest[12])) * 1000) / 100
  } catch {
    return undefined
  }
}

/** In a task module: answers the task's input with `handler`'s result (or its error). */
export function serveTask<I, O>(handler: (input: I) => Promise<TaskResult<O>>): void {
  if (isMainThread || !parentPort) throw new Error('serveTask runs in a worker thread')
  const port = parentPort
  const { input } = workerData as { input: I }
  handler(input).then(
    (r) => port.postMessage({ ok: true, result: r.result } satisfies Reply, r.transfer ?? []),
    (e: Error & { code?: string }) => port.postMessage({ ok: false, name: e?.name || 'Error', message: String(e?.message ?? e), code: e?.code } satisfies Reply),
  )
}
