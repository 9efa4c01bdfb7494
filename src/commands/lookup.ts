/**
 * Shared look-ups for command arguments: a person or a studio named the way people type them, with the
 * replies for "not found" and "which one?" (two 张伟). Throws UserError, so a command just calls them.
 */
import type { Directory } from '../app/directory.js'
import type { Person, Studio } from '../domain/model.js'
import { zh } from '../text/zh-CN.js'
import { refuse } from '../text/refusals.js'

/** A person by id or exact name, optionally within one studio; `@张三` is accepted too. */
export function findPerson(directory: Directory, query: string, studioId?: string): Person {
  const q = query.replace(/^@/u, '').trim()
  const byId = directory.person(q)
  if (byId && byId.active) return byId
  const inStudio = studioId ? directory.findByName(q, studioId) : []
  const matches = inStudio.length ? inStudio : directory.findByName(q)
  if (matches.length === 1) return matches[0]
  if (matches.length === 0) throw refuse('identity.personNotFound', q)
  throw refuse('identity.personAmbiguous', q, matches.map((p) => zh.identity.personChoice(p.name, p.unit, p.id)).join(zh.identity.choiceSep))
}

export function findStudio(directory: Directory, query: string): Studio {
  const found = directory.findStudio(query)
  if (found.length === 1) return found[0]
  const all = directory.studios.map((s) => s.name).join('、')
  if (found.length === 0) throw refuse('identity.studioNotFound', query, all)
  throw refuse('identity.studioAmbiguous', query, found.map((s) => s.name).join('、'))
}
