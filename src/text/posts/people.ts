/**
 * What the post builders need to know of the people: names, units and positions, WeChat contacts for
 * @mentions, a studio's coordinators. The app's Directory is one; the builders never import it.
 */
import type { Person } from '../../domain/model.js'

export interface People {
  person(id: string): Person | undefined
  contactOf(personId: string): string | undefined
  coordinatorsOf(studioId: string): Person[]
}
