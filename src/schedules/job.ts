/**
 * A scheduled job is a plain function of the app's services and the instant it fired. It works out what
 * is due at that instant and is idempotent (markers in the outbox), so the same check can run every
 * minute, at start-up and after every login: downtime never loses a post and a restart never repeats one.
 */
import type { Deps } from '../app/deps.js'
import type { Studio } from '../domain/model.js'
import type { OutgoingMessage } from '../messages/message.js'
import { contactsOf } from '../text/posts/roster.js'

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

/** Where the liaison office is told: its group, or, with none configured or bound, each admin privately. */
export function liaisonTargets(deps: Deps): OutgoingMessage['to'][] {
  const { directory } = deps
  const liaison = directory.liaisonRoom()
  return liaison ? [{ roomId: liaison }] : contactsOf(directory, directory.admins().map((p) => p.id)).map((contactId) => ({ contactId }))
}
