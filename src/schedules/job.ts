/**
 * A scheduled job is a plain function of the app's services and the instant it fired. It works out what
 * is due at that instant and is idempotent (markers in the outbox), so the same check can run every
 * minute, at start-up and after every login: downtime never loses a post and a restart never repeats one.
 */
import type { Deps } from '../app/deps.js'

export interface Job {
  name: string
  run(deps: Deps, firedAt: number): Promise<void>
}
