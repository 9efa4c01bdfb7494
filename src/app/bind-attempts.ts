/**
 * Limits on guessing one-time codes (/绑定). Six digits are a million codes: without a limit a stranger
 * finds a live one in a few hours of tries. Two limits:
 *  - per contact: after PER_CONTACT_LIMIT wrong codes within WINDOW_MS, that contact's /绑定 is not even
 *    checked until the window has passed (the right code is refused too, so pacing guesses gains nothing);
 *  - overall: every live code counts the wrong tries made (by anyone) since it was issued; at
 *    VOID_AFTER_WRONG the code is voided, so many contacts guessing together cannot win either.
 * Admins are told once per locked contact (per window) and once per voiding.
 *
 * The counts live in memory (a wrong try is a refused command and writes nothing); the voiding itself is
 * written (bind-codes.ts `voidBindCodes`), so a voided code stays void after a restart.
 */
export const PER_CONTACT_LIMIT = 5
export const WINDOW_MS = 3600_000
export const VOID_AFTER_WRONG = 10

export class BindAttempts {
  private wrongByContact = new Map<string, number[]>()
  private wrongByCode = new Map<string, number>()
  private toldLocked = new Map<string, number>()

  /** While locked, the instant the lock ends. */
  lockedUntil(contactId: string, now: number): number | undefined {
    const recent = this.recent(contactId, now)
    return recent.length >= PER_CONTACT_LIMIT ? recent[recent.length - PER_CONTACT_LIMIT] + WINDOW_MS : undefined
  }

  /**
   * A wrong code from this contact, while `liveCodes` were live: whether the contact is now locked (and
   * the admins are to be told), and which live codes reached the voiding limit.
   */
  wrong(contactId: string, liveCodes: readonly string[], now: number): { lockedNow: boolean; tellAdmins: boolean; voidCodes: string[] } {
    const recent = [...this.recent(contactId, now), now]
    this.wrongByContact.set(contactId, recent)
    const lockedNow = recent.length >= PER_CONTACT_LIMIT
    const told = this.toldLocked.get(contactId)
    const tellAdmins = lockedNow && (told === undefined || now - told > WINDOW_MS)
    if (tellAdmins) this.toldLocked.set(contactId, now)
    const voidCodes: string[] = []
    const live = new Set(liveCodes)
    for (const code of this.wrongByCode.keys()) if (!live.has(code)) this.wrongByCode.delete(code)
    for (const code of live) {
      const n = (this.wrongByCode.get(code) ?? 0) + 1
      this.wrongByCode.set(code, n)
      if (n >= VOID_AFTER_WRONG) voidCodes.push(code)
    }
    for (const code of voidCodes) this.wrongByCode.delete(code)
    // Bounded memory: contacts whose tries all left the window are forgotten.
    if (this.wrongByContact.size > 10_000) for (const [c, ts] of this.wrongByContact) if (!ts.some((t) => now - t < WINDOW_MS)) this.wrongByContact.delete(c)
    return { lockedNow, tellAdmins, voidCodes }
  }

  private recent(contactId: string, now: number): number[] {
    return (this.wrongByContact.get(contactId) ?? []).filter((t) => now - t < WINDOW_MS)
  }
}
