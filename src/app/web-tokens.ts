/**
 * Tokens of the web side's links (work orders, login links, sessions …), in the store's `webTokens` map.
 *
 * A token is 24 random bytes (crypto.randomBytes) written base64url (32 characters). Its first 8
 * characters are the entry's key (a lookup handle, useless alone); only the sha256 of the whole token is
 * stored, and a presented token is checked by comparing hashes with crypto.timingSafeEqual. The remaining
 * 24 characters carry 144 random bits, above the 128 the issue asks for.
 *
 * Every change joins the transaction it runs in (a /转办 and its link are one write).
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import type { Store, WebToken } from '../platform/store/store.js'
import type { Clock } from '../platform/clock.js'

export const TOKEN_BYTES = 24
const KEY_CHARS = 8
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{32}$/

export interface StoredToken extends WebToken {
  /** sha256 (hex) of the whole token. */
  hash: string
}

export interface FoundToken<T extends StoredToken = StoredToken> {
  key: string
  entry: T
}

export class WebTokens {
  constructor(
    private readonly store: Store<any>,
    private readonly clock: Clock,
    private readonly random: (n: number) => Buffer = randomBytes,
  ) {}

  private get map(): Record<string, StoredToken> {
    return (this.store.state.data.webTokens ??= {}) as Record<string, StoredToken>
  }

  /** A new token of `kind` with the kind's own fields; resolves once stored (with the transaction it joined). */
  async issue(kind: string, fields: Record<string, unknown>, expiresAt?: number): Promise<{ token: string; key: string }> {
    for (;;) {
      const token = this.random(TOKEN_BYTES).toString('base64url')
      const key = token.slice(0, KEY_CHARS)
      if (this.map[key]) continue
      const entry: StoredToken = { ...fields, kind, createdAt: this.clock.now(), hash: sha256(token), ...(expiresAt !== undefined ? { expiresAt } : {}) }
      await this.store.state.set('webTokens', key, entry)
      return { token, key }
    }
  }

  /**
   * The live entry of this token and kind, or undefined (malformed, unknown, wrong kind, expired): the
   * caller cannot tell which, and neither can the person who presented it.
   */
  check<T extends StoredToken = StoredToken>(token: string, kind: string): FoundToken<T> | undefined {
    if (!TOKEN_PATTERN.test(token)) return undefined
    const key = token.slice(0, KEY_CHARS)
    const entry = Object.prototype.hasOwnProperty.call(this.map, key) ? this.map[key] : undefined
    const presented = Buffer.from(sha256(token), 'hex')
    const stored = Buffer.from(entry?.hash ?? '0'.repeat(64), 'hex')
    const same = stored.length === presented.length && timingSafeEqual(stored, presented)
    if (!entry || !same || entry.kind !== kind) return undefined
    if (entry.expiresAt !== undefined && this.clock.now() >= entry.expiresAt) return undefined
    return { key, entry: entry as T }
  }

  /** The entry under a key (whatever its state). */
  get(key: string): StoredToken | undefined {
    return Object.prototype.hasOwnProperty.call(this.map, key) ? this.map[key] : undefined
  }

  /** Changes fields of an entry (e.g. marks a one-time link used). */
  async update(key: string, fields: Record<string, unknown>): Promise<void> {
    const entry = this.get(key)
    if (entry) await this.store.state.set('webTokens', key, { ...entry, ...fields })
  }

  /** Voids one token. */
  async revoke(key: string): Promise<void> {
    if (this.get(key)) await this.store.state.set('webTokens', key, undefined)
  }

  /** Voids every token of `kind` matching `where`; returns how many. */
  async revokeWhere(kind: string, where: (entry: StoredToken) => boolean): Promise<number> {
    const keys = Object.entries(this.map)
      .filter(([, e]) => e.kind === kind && where(e))
      .map(([k]) => k)
    for (const k of keys) await this.store.state.set('webTokens', k, undefined)
    return keys.length
  }

  /** Every entry of `kind`. */
  list(kind: string): FoundToken[] {
    return Object.entries(this.map)
      .filter(([, e]) => e.kind === kind)
      .map(([key, entry]) => ({ key, entry }))
  }
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex')
}
