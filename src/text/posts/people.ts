/**
 * What the post builders need to know of the people: names, units and positions, WeChat contacts for
 * @mentions, a studio's coordinators. The app's Directory is one; the builders never import it.
 */
import type { Person } from '../../domain/model.js'

export interface People {
  person(id: string): Person | undefined
  /** Active people of this name (two 张伟 are told apart in every list). */
  namesakes(name: string): Person[]
  contactOf(personId: string): string | undefined
  coordinatorsOf(studioId: string): Person[]
}
