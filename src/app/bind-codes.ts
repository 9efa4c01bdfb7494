/**
 * One-time binding codes: six digits, valid 24 hours, used once; redeemed with /绑定 in a private chat.
 *
 * Two makers, two files, one writer each: an admin's /绑定码 goes into the bot's own state.json; the
 * operator's `npm run bind-code -- 姓名` (possibly while the bot runs) goes into `bind-codes.json`, which
 * only that tool writes and the bot only reads. A redeemed code is marked used in state.json
 * (`counters["bind-code-used:<code>"]`), so it works once whichever file it came from.
 */
import { randomInt } from 'node:crypto'
import path from 'node:path'
import { z } from 'zod'
import type { Store } from '../platform/store/store.js'
import { AtomicJsonFile } from '../platform/store/atomic-json-file.js'

export const BIND_CODE_TTL_MS = 24 * 3600_000
export const CONSOLE_CODES_FILE = 'bind-codes.json'
const CONSOLE_CODES_VERSION = 1

export interface BindCode {
  code: string
  personId: string
  expiresAt: number
}

interface ConsoleCodes {
  version: number
  codes: BindCode[]
}

const consoleSchema: z.ZodType<ConsoleCodes> = z.object({
  version: z.number(),
  codes: z.array(z.object({ code: z.string(), personId: z.string(), expiresAt: z.number() })),
})

const usedKey = (code: string) => `bind-code-used:${code}`
const newCode = (taken: Set<string>, random: () => number): string => {
  let code = ''
  do code = String(random()).padStart(6, '0')
  while (taken.has(code))
  return code
}
const defaultRandom = () => randomInt(0, 1_000_000)

const consoleFile = (dataDir: string) => new AtomicJsonFile<ConsoleCodes>(path.join(dataDir, CONSOLE_CODES_FILE), consoleSchema, CONSOLE_CODES_VERSION)

/** An admin's code (/绑定码), kept in the bot's state. */
export async function issueBindCode(store: Store<unknown>, personId: string, now: number, random: () => number = defaultRandom): Promise<string> {
  const code = newCode(new Set(store.state.data.bindCodes.map((c) => c.code)), random)
  await store.transaction(async () => {
    await store.state.removeBindCodes(store.state.data.bindCodes.filter((c) => c.expiresAt <= now || c.personId === personId).map((c) => c.code))
    await store.state.addBindCode({ code, personId, expiresAt: now + BIND_CODE_TTL_MS })
  })
  return code
}

/** The operator's code (`npm run bind-code`), written beside the bot's files without touching them. */
export async function issueConsoleBindCode(dataDir: string, personId: string, now: number, random: () => number = defaultRandom): Promise<string> {
  const file = consoleFile(dataDir)
  const codes = (await file.read())?.codes ?? []
  const code = newCode(new Set(codes.map((c) => c.code)), random)
  const kept = codes.filter((c) => c.expiresAt > now && c.personId !== personId)
  await file.write({ version: CONSOLE_CODES_VERSION, codes: [...kept, { code, personId, expiresAt: now + BIND_CODE_TTL_MS }] })
  return code
}

/** Every valid, unused code from either maker (the attempt limits count wrong tries against them). */
export async function liveBindCodes(store: Store<unknown>, now: number): Promise<BindCode[]> {
  const fromConsole = (await consoleFile(store.dir).read())?.codes ?? []
  return [...store.state.data.bindCodes, ...fromConsole].filter((c) => c.expiresAt > now && store.state.data.counters[usedKey(c.code)] === undefined)
}

/**
 * Voids codes that took too many wrong tries (bind-attempts.ts): marked used, like a redeemed code, so a
 * code from either maker stays void after a restart; an admin's code also leaves the list. One transaction.
 */
export async function voidBindCodes(store: Store<unknown>, codes: readonly string[], now: number): Promise<void> {
  if (codes.length === 0) return
  await store.transaction(async () => {
    const st = store.state
    await st.removeBindCodes(st.data.bindCodes.filter((c) => codes.includes(c.code) || c.expiresAt <= now).map((c) => c.code))
    for (const code of codes) await st.set('counters', usedKey(code), now)
  })
}

/** A valid, unused code from either maker. */
export async function findBindCode(store: Store<unknown>, code: string, now: number): Promise<BindCode | undefined> {
  if (store.state.data.counters[usedKey(code)] !== undefined) return undefined
  const fromConsole = (await consoleFile(store.dir).read())?.codes ?? []
  return [...store.state.data.bindCodes, ...fromConsole].find((c) => c.code === code && c.expiresAt > now)
}

/** Binds the contact to the code's person and uses the code up, in one transaction. */
export async function redeemBindCode(store: Store<unknown>, entry: BindCode, contactId: string, now: number): Promise<void> {
  await store.transaction(async () => {
    const st = store.state
    await st.removeBindCodes(st.data.bindCodes.filter((c) => c.code === entry.code || c.expiresAt <= now).map((c) => c.code))
    await st.set('counters', usedKey(entry.code), now)
    for (const [cid, b] of Object.entries(st.data.bindings.contacts)) if (b.personId === entry.personId) await st.set('contacts', cid, undefined)
    await st.set('contacts', contactId, { personId: entry.personId, via: 'code', at: now })
  })
}
