/**
 * One-time binding codes: six digits, valid 24 hours, used once. Made by an admin in chat (/绑定码) or
 * by the operator on the server (`npm run bind-code -- 姓名`); redeemed with /绑定 in a private chat.
 */
import { randomInt } from 'node:crypto'
import type { Store } from '../platform/store/store.js'

export const BIND_CODE_TTL_MS = 24 * 3600_000

export async function issueBindCode(store: Store<unknown>, personId: string, now: number, random: () => number = () => randomInt(0, 1_000_000)): Promise<string> {
  const taken = new Set(store.state.data.bindCodes.map((c) => c.code))
  let code = ''
  do code = String(random()).padStart(6, '0')
  while (taken.has(code))
  await store.state.mutate((s) => {
    s.bindCodes = s.bindCodes.filter((c) => c.expiresAt > now && c.personId !== personId)
    s.bindCodes.push({ code, personId, expiresAt: now + BIND_CODE_TTL_MS })
  })
  return code
}
