/**
 * Helpers for the issue tests: a snapshot of the data folder that ignores only the dispatcher's ring of
 * seen message ids (which every message updates by design), and the privacy check over group messages.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import type { Harness } from './harness.js'

/** Every file under the data folder, state.json without its `seen` ring. */
export function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {}
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = path.join(d, name)
      if (statSync(p).isDirectory()) walk(p)
      else if (name === 'state.json') {
        const s = JSON.parse(readFileSync(p, 'utf8'))
        delete s.seen
        out[path.relative(dir, p)] = JSON.stringify(s)
      } else out[path.relative(dir, p)] = readFileSync(p, 'utf8')
    }
  }
  walk(dir)
  return out
}

/** Phones and ID numbers of the constituents the tests register. */
export const SECRET_NUMBERS = ['13812345678', '13912345678', '13698765432', '022-23456789', '02223456789', '120101195001011234']

/** Group messages (any room) that contain a constituent's unmasked phone or ID number. */
export function leaksInGroups(h: Harness): string[] {
  return h.transport.sent
    .filter((m) => 'roomId' in m.to)
    .map((m) => m.text)
    .filter((text) => SECRET_NUMBERS.some((n) => text.replace(/[\s-]/g, '').includes(n.replace(/-/g, ''))))
}
