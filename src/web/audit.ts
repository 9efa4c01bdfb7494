/**
 * The web side's audit trail (issue 18, item 6): every web action, done or refused, as one record —
 * which link or session (`via`), when (`at`), what — in the store's `audit/<scope>/<year>` partitions.
 *
 * `writeAudit` joins the transaction it is called in (so an action and its record are one write, or
 * neither), or makes one of its own. `via` names a link by a prefix of its token's hash, never the token;
 * records never carry a constituent's name or phone.
 */
import { randomBytes, createHash } from 'node:crypto'
import type { Store, AuditRecord } from '../platform/store/store.js'
import { toLocalDate, yearOf } from '../domain/time/local-date.js'

export interface AuditInput {
  at: number
  via: string
  what: string
  issueId?: string
  ip?: string
  /** A studio id, or `district` (default). */
  scope?: string
  id?: string
  [field: string]: unknown
}

/** Writes one audit record; resolves once durable (with the transaction it joined). */
export async function writeAudit(store: Store<any>, input: AuditInput): Promise<AuditRecord> {
  const { scope = 'district', ...rest } = input
  const record: AuditRecord = { ...rest, at: input.at, via: input.via, what: input.what, id: input.id ?? `${input.at.toString(36)}-${randomBytes(4).toString('hex')}` }
  const part = await store.audit(scope, yearOf(toLocalDate(input.at)))
  const list = part.data.records
  list.push(record)
  const tx = store.current
  if (tx) tx.onAbort(() => list.splice(list.indexOf(record), 1))
  try {
    await part.put(record)
  } catch (e) {
    if (!tx) list.splice(list.indexOf(record), 1)
    throw e
  }
  return record
}

/** The audit records of one scope and year, oldest first (the office's pages, tests). */
export async function readAudit(store: Store<any>, scope: string, year: number): Promise<AuditRecord[]> {
  return (await store.audit(scope, year)).data.records
}

/** sha256 (hex) of a token: how tokens are stored and named. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex')
}

/** How an audit record names a token: its kind and the first 12 hex digits of its hash. */
export function viaToken(kind: string, hash: string): string {
  return `${kind}:${hash.slice(0, 12)}`
}
