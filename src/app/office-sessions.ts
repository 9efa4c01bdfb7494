/**
 * The liaison office's logins (issue 18, item 4): a one-time login link the bot gives privately
 * (`/后台`), and the session it opens. Both are web tokens (web-tokens.ts: 144 random bits, only the
 * sha256 stored, compared in constant time), persisted in the store's state (so a session survives a
 * restart, and `/后台 退出全部` is one durable write).
 *
 * - A login link (`office-login`) lives LOGIN_MINUTES and opens one session: taking it voids it in the
 *   same transaction that stores the session (a second use, even at the same instant, is refused).
 * - A session (`office-session`) lives SESSION_HOURS from login (no sliding renewal: a lost phone's
 *   session ends by itself), or until logout or `/后台 退出全部`.
 * - Who may see what is decided at every request from the directory as it is then (`officeViewer`): an
 *   admin the whole district, a coordinator their own studio; someone who lost the role loses the pages
 *   at once, whatever their session says.
 */
import type { Directory } from './directory.js'
import type { StoredToken, WebTokens } from './web-tokens.js'
import type { Store } from '../platform/store/store.js'
import type { Person } from '../domain/model.js'

export const LOGIN_KIND = 'office-login'
export const SESSION_KIND = 'office-session'
export const LOGIN_MINUTES = 10
export const SESSION_HOURS = 8

/** Whom a page is for: the district (admin) or one studio (its coordinator). */
export type OfficeScope = { kind: 'district' } | { kind: 'studio'; studioId: string }

export interface OfficeViewer {
  person: Person
  scope: OfficeScope
  admin: boolean
  /** The session's key (audit: `session:<key>`), never the token. */
  session: string
}

/** What the person may see now, or undefined (neither admin nor coordinator of a known studio). */
export function scopeOf(directory: Directory, personId: string): { person: Person; scope: OfficeScope; admin: boolean } | undefined {
  const person = directory.person(personId)
  if (!person || !person.active) return undefined
  if (person.roles.includes('admin')) return { person, scope: { kind: 'district' }, admin: true }
  if (person.roles.includes('coordinator') && person.studioId && directory.studio(person.studioId)) return { person, scope: { kind: 'studio', studioId: person.studioId }, admin: false }
  return undefined
}

/** May this viewer see this studio's records? */
export const seesStudio = (v: { scope: OfficeScope }, studioId: string): boolean => v.scope.kind === 'district' || v.scope.studioId === studioId

export class OfficeSessions {
  constructor(
    private readonly store: Store<any>,
    private readonly tokens: WebTokens,
    private readonly directory: Directory,
    private readonly now: () => number,
  ) {}

  /** A new one-time login link's token for this person (the caller checked the role). */
  async issueLogin(personId: string): Promise<{ token: string; key: string; expiresAt: number }> {
    const expiresAt = this.now() + LOGIN_MINUTES * 60_000
    const t = await this.store.transaction(() => this.tokens.issue(LOGIN_KIND, { personId }, expiresAt))
    return { ...t, expiresAt }
  }

  /** Whether the login link is live (the page that asks to confirm the login). */
  peekLogin(token: string): { key: string; personId: string } | undefined {
    const f = this.tokens.check(token, LOGIN_KIND)
    return f ? { key: f.key, personId: String(f.entry.personId) } : undefined
  }

  /**
   * Takes a login link: voids it and opens a session, in one transaction (`also` joins it: the audit
   * record). Undefined when the link is void (unknown, expired, used) or its person may no longer log in.
   */
  async login(token: string, also: (session: { key: string; personId: string }) => Promise<unknown>): Promise<{ token: string; key: string; personId: string; expiresAt: number } | undefined> {
    return this.store.transaction(async () => {
      const f = this.tokens.check(token, LOGIN_KIND)
      if (!f) return undefined
      const personId = String(f.entry.personId)
      await this.tokens.revoke(f.key)
      if (!scopeOf(this.directory, personId)) return undefined
      const expiresAt = this.now() + SESSION_HOURS * 3_600_000
      const s = await this.tokens.issue(SESSION_KIND, { personId }, expiresAt)
      await also({ key: s.key, personId })
      return { ...s, personId, expiresAt }
    })
  }

  /** The viewer of a session cookie, or undefined (no cookie, void, expired, or no role now). */
  viewer(token: string | undefined): OfficeViewer | undefined {
    if (!token) return undefined
    const f = this.tokens.check(token, SESSION_KIND)
    if (!f) return undefined
    const s = scopeOf(this.directory, String(f.entry.personId))
    return s ? { ...s, session: f.key } : undefined
  }

  /** Ends one session (logout). */
  async logout(key: string, also?: () => Promise<unknown>): Promise<void> {
    await this.store.transaction(async () => {
      await this.tokens.revoke(key)
      await also?.()
    })
  }

  /** `/后台 退出全部`: every session and unused login link of this person; returns how many. */
  async revokeAll(personId: string): Promise<number> {
    return this.store.transaction(async () => {
      const mine = (e: StoredToken) => e.personId === personId
      return (await this.tokens.revokeWhere(SESSION_KIND, mine)) + (await this.tokens.revokeWhere(LOGIN_KIND, mine))
    })
  }

  /** Live sessions of a person (the /后台 reply says how many are open). */
  sessionsOf(personId: string): number {
    const now = this.now()
    return this.tokens.list(SESSION_KIND).filter((x) => x.entry.personId === personId && (x.entry.expiresAt === undefined || x.entry.expiresAt > now)).length
  }
}
