/** Who sent a message: the contact, the person it is bound to (if any), and the roles in force for it. */
import type { Person, Role } from '../domain/model.js'

export interface Asker {
  contactId: string
  displayName: string
  person?: Person
  /** Roles effective for this message (a name-only binding carries `representative` at most). */
  roles: Role[]
}
