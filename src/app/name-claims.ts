/**
 * Claims to be a representative, held until a coordinator confirms them: a group nickname is not an
 * identity (anyone can copy 张明华 into their nickname). When an unbound
 * contact in a studio's group sends a command under the exact name of one of that studio's
 * representatives, the bot does not bind it: it opens a *claim* and asks the studio's coordinators
 * privately ("微信用户（昵称 张明华）自称张明华：/确认绑定 N 或 /拒绝绑定 N"). Until a coordinator confirms,
 * the contact has no rights and nothing is written; only `/确认绑定` writes (the binding itself).
 *
 * Claims live in memory, on purpose: an unconfirmed stranger's messages must never change the data folder
 * (a refused command writes nothing), and a claim lost to a restart costs only that the person speaks
 * again. Numbers are random 4-digit ones, so a coordinator's `/确认绑定 N` typed after a restart cannot
 * hit a new claim by the old count. A claim opens even when the person is already bound by nickname to
 * another contact, so an impostor bound earlier (or by the old name-only rule) can never lock the real
 * person out: the coordinator sees both and confirms the real one (which moves the binding). A person
 * bound by the config or by a one-time code is never claimed (directory.ts): a copy is only reported.
 */
import { randomInt } from 'node:crypto'
import type { Person } from '../domain/model.js'

export interface NameClaim {
  n: number
  contactId: string
  displayName: string
  personId: string
  studioId: string
  at: number
}

/** Unanswered claims are forgotten after this long (ms). */
export const CLAIM_TTL_MS = 7 * 24 * 3600_000
/** At most this many open claims (oldest dropped): a flood of nicknames cannot grow memory. */
export const MAX_CLAIMS = 500

export class NameClaims {
  private byN = new Map<number, NameClaim>()
  /** `contactId|personId` pairs a coordinator refused: not asked again (until a restart). */
  private refused = new Set<string>()
  /** `contactId|personId` pairs already reported as a copied nickname of a config-bound representative. */
  private reported = new Set<string>()

  constructor(private readonly random: () => number = () => randomInt(1000, 10_000)) {}

  /**
   * The claim of this contact to be this person: the open one, or a new one (`isNew`, the coordinators
   * are to be asked), or none when a coordinator already refused this pair.
   */
  open(contactId: string, displayName: string, person: Person, studioId: string, now: number): { claim: NameClaim; isNew: boolean } | undefined {
    this.prune(now)
    if (this.refused.has(pairKey(contactId, person.id))) return undefined
    const existing = [...this.byN.values()].find((c) => c.contactId === contactId && c.personId === person.id)
    if (existing) return { claim: existing, isNew: false }
    while (this.byN.size >= MAX_CLAIMS) this.byN.delete(this.byN.keys().next().value as number)
    let n = this.random()
    for (let i = 0; this.byN.has(n) && i < 100; i++) n = this.random()
    const claim: NameClaim = { n, contactId, displayName, personId: person.id, studioId, at: now }
    this.byN.set(n, claim)
    return { claim, isNew: true }
  }

  /**
   * A contact uses the name of a representative whose WeChat id is in the config (so it cannot be her):
   * true the first time for this pair, when the coordinators are to be told.
   */
  firstCopy(contactId: string, personId: string): boolean {
    const key = pairKey(contactId, personId)
    if (this.reported.has(key)) return false
    if (this.reported.size >= MAX_CLAIMS) this.reported.clear()
    this.reported.add(key)
    return true
  }

  get(n: number, now: number): NameClaim | undefined {
    this.prune(now)
    return this.byN.get(n)
  }

  /** The open claim of a contact (the refusal hint says it waits for a coordinator). */
  ofContact(contactId: string, now: number): NameClaim | undefined {
    this.prune(now)
    return [...this.byN.values()].find((c) => c.contactId === contactId)
  }

  /** Confirmed: the claim closes, with every other claim on the same contact. */
  confirmed(n: number): void {
    const c = this.byN.get(n)
    if (!c) return
    for (const [k, x] of this.byN) if (x.contactId === c.contactId) this.byN.delete(k)
  }

  /** Refused: closed, and this contact is not asked about this person again. */
  refuse(n: number): void {
    const c = this.byN.get(n)
    if (!c) return
    this.byN.delete(n)
    this.refused.add(pairKey(c.contactId, c.personId))
  }

  private prune(now: number): void {
    for (const [k, c] of this.byN) if (now - c.at > CLAIM_TTL_MS) this.byN.delete(k)
  }
}

const pairKey = (contactId: string, personId: string) => `${contactId}|${personId}`
