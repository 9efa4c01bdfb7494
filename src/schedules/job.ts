/**
 * A scheduled job is a plain function of the app's services and the instant it fired. It works out what
 * is due at that instant and is idempotent (markers in the outbox), so the same check can run every
 * minute, at start-up and after every login: downtime never loses a post and a restart never repeats one.
 */
import type { Deps } from '../app/deps.js'
import type { Studio } from '../domain/model.js'

export interface Job {
  name: string
  run(deps: Deps, firedAt: number): Promise<void>
}

/** Runs `fn` for every studio; one studio's failure is logged (`what failed`) and never stops the others. */
export async function eachStudio(deps: Deps, what: string, fn: (studio: Studio) => Promise<void>): Promise<void> {
  for (const studio of deps.directory.studios) {
    try {
      await fn(studio)
    } catch (e) {
      deps.log.error(`${what} failed`, { studioId: studio.id, error: e })
    }
  }
}
