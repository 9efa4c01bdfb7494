/** Reading a child process's CPU time and memory from /proc (Linux), and the machine's description. */
import { readFileSync } from 'node:fs'
import os from 'node:os'
import { sleep } from './driver.js'

/** utime + stime of a process, in clock ticks (1/100 s on Linux); undefined once it is gone. */
export function cpuTicks(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    // Fields after the command name (which may contain spaces) start after the last ')'.
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return Number(rest[11]) + Number(rest[12])
  } catch {
    return undefined
  }
}

export function memKb(pid: number, field: 'VmHWM' | 'VmRSS'): number | undefined {
  try {
    const m = new RegExp(`${field}:\\s+(\\d+)\\s+kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
    return m ? Number(m[1]) : undefined
  } catch {
    return undefined
  }
}

/**
 * Waits until the process has used less than `maxShare` of one core over a `windowMs` window (its
 * start-up work, including any background loading, is over). Returns performance.now() at that point.
 */
export async function waitSettled(pid: number, o: { windowMs?: number; maxShare?: number; timeoutMs?: number } = {}): Promise<number> {
  const windowMs = o.windowMs ?? 600
  const maxTicks = ((o.maxShare ?? 0.05) * windowMs) / 10
  const end = performance.now() + (o.timeoutMs ?? 60_000)
  const samples: { t: number; ticks: number }[] = []
  while (performance.now() < end) {
    const ticks = cpuTicks(pid)
    if (ticks === undefined) throw new Error(`process ${pid} is gone`)
    const t = performance.now()
    samples.push({ t, ticks })
    const old = samples.find((s) => s.t >= t - windowMs - 50)
    if (old && t - old.t >= windowMs - 50 && ticks - old.ticks <= maxTicks) return old.t
    await sleep(50)
  }
  throw new Error(`process ${pid} still busy after ${o.timeoutMs ?? 60_000} ms`)
}

export interface Machine {
  cpu: string
  cores: number
  memoryGb: number
  node: string
  os: string
}

export function machine(): Machine {
  const cpus = os.cpus()
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memoryGb: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
  }
}
