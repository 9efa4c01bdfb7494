/**
 * A file system for the store's log that fails on demand, where a small tmpfs cannot be mounted (tests
 * that can mount one use the real thing: test-chaos/disk-full.test.ts). `failWith(code)` makes the next
 * writes (optionally after writing part of the bytes) and fsyncs fail with that errno; `truncateToo`
 * makes the cut-back fail as well.
 */
import { promises as fs } from 'node:fs'
import type { WalFs } from '../../src/platform/store/wal.js'

export interface FailingFs extends WalFs {
  failWith(code: string, opts?: { partial?: boolean; truncateToo?: boolean }): void
  heal(): void
}

export function failingFs(): FailingFs {
  let failing: { code: string; partial?: boolean; truncateToo?: boolean } | null = null
  const error = (code: string) => Object.assign(new Error(`${code}: simulated`), { code })
  return {
    failWith(code, opts = {}) {
      failing = { code, ...opts }
    },
    heal() {
      failing = null
    },
    async open(file, flags, mode) {
      const h = await fs.open(file, flags, mode)
      return new Proxy(h, {
        get(target, prop, receiver) {
          const real = Reflect.get(target, prop, receiver)
          if (typeof real !== 'function') return real
          if (prop === 'write') {
            return async (buf: Buffer, offset: number, length: number, position: number) => {
              if (!failing) return target.write(buf, offset, length, position)
              if (failing.partial && length > 4) await target.write(buf, offset, Math.floor(length / 2), position)
              throw error(failing.code)
            }
          }
          if (prop === 'sync') return async () => (failing ? Promise.reject(error(failing.code)) : target.sync())
          if (prop === 'truncate') return async (n: number) => (failing?.truncateToo ? Promise.reject(error('EIO')) : target.truncate(n))
          return real.bind(target)
        },
      })
    },
  }
}
