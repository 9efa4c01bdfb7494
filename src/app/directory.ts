/**
 * Who is who: the people and studios of the district (from the config, later from a 花名册 import) and
 * the WeChat bindings kept in the store. Roles are granted by WeChat contact id, never by display name:
 * a name match in a studio's own group only makes the contact a *claimant* (src/app/name-claims.ts) until
 * a coordinator confirms it (/确认绑定, a representative binding); coordinator and admin rights need a
 * binding by config (`wechatId`) or by a one-time code (/绑定).
 *
 * State written here (the lead's store rework ports these): `bindContact` and `unbindPerson` are the only
 * writes of `bindings.contacts` from chat (besides redeemBindCode in bind-codes.ts), `bindRoom` of rooms.
 */
import type { Config } from '../config/schema.js'
import type { Person, Role, Studio } from '../domain/model.js'
import type { Store, ContactBinding } from '../platform/store/store.js'
import { parseReceptionRule } from '../domain/calendar/reception-rule.js'
import type { Asker } from './asker.js'
import { zh } from '../text/zh-CN.js'

export function studiosFromConfig(config: Config): Studio[] {
  return config.studios.map((s) => {
    const parsed = s.reception.rule !== undefined ? parseReceptionRule(s.reception.rule) : undefined
    const rules = parsed?.ok ? parsed.value : [{ kind: 'days' as const, days: s.reception.days ?? [] }]
    return {
      id: s.id,
      name: s.name,
      prefix: s.prefix,
      reception: {
        rules,
        time: s.reception.time,
        durationMinutes: s.reception.durationMinutes,
        place: s.reception.place,
        perSession: s.reception.perSession,
        announceDaysBefore: s.reception.announceDaysBefore,
        announceAt: s.reception.announceAt,
      },
      extraHolidays: [...config.calendar.extraHolidays, ...s.extraHolidays],
      extraWorkdays: [...config.calendar.extraWorkdays, ...s.extraWorkdays],
    }
  })
}

export function peopleFromConfig(config: Config): Person[] {
  return config.people.map((p) => ({
    id: p.id,
    name: p.name,
    unit: p.unit,
    position: p.position,
    level: p.level,
    phone: p.phone,
    studioId: p.studio,
    roles: p.roles,
    group: p.group,
    specialty: p.specialty,
    active: p.active,
  }))
}

const NO_BINDINGS = { contacts: {}, rooms: {} }

export class Directory {
  private peopleById = new Map<string, Person>()
  private studiosById = new Map<string, Studio>()

  constructor(
    private readonly config: Config,
    /** Where WeChat bindings are kept; `undefined` for a directory used only to look people up (the CLIs). */
    private readonly store: Store<unknown> | undefined,
    people: Person[] = peopleFromConfig(config),
    studios: Studio[] = studiosFromConfig(config),
  ) {
    this.setPeople(people)
    for (const s of studios) this.studiosById.set(s.id, s)
  }

  /** The bindings in the store (none without one). */
  private get bindings(): { contacts: Record<string, ContactBinding>; rooms: Record<string, string> } {
    return this.store?.state.data.bindings ?? NO_BINDINGS
  }

  private writable(): Store<unknown> {
    if (!this.store) throw new Error('this directory is for lookups only: it has no store to write bindings to')
    return this.store
  }

  setPeople(people: Person[]): void {
    this.peopleById = new Map(people.map((p) => [p.id, p]))
  }

  get people(): Person[] {
    return [...this.peopleById.values()]
  }
  get studios(): Studio[] {
    return [...this.studiosById.values()]
  }
  person(id: string): Person | undefined {
    return this.peopleById.get(id)
  }
  studio(id: string): Studio | undefined {
    return this.studiosById.get(id)
  }

  /** A studio named by its full name, a unique part of it, its id or its prefix. */
  findStudio(text: string): Studio[] {
    const q = text.trim()
    if (!q) return []
    const all = this.studios
    const exact = all.filter((s) => s.name === q || s.id === q || s.prefix === q.toUpperCase())
    if (exact.length) return exact
    return all.filter((s) => s.name.includes(q) || q.includes(s.name.replace(zh.identity.studioSuffix, '')))
  }

  /** Active people of this name, anywhere in the district (to tell same names apart). */
  namesakes(name: string): Person[] {
    return this.findByName(name)
  }

  /** Active people with this exact name (optionally within one studio). */
  findByName(name: string, studioId?: string): Person[] {
    return this.people.filter((p) => p.active && p.name === name && (studioId === undefined || p.studioId === studioId))
  }

  /** Active representatives of a studio, in directory order. */
  repsOf(studioId: string): Person[] {
    return this.people.filter((p) => p.active && p.studioId === studioId && p.roles.includes('representative'))
  }
  coordinatorsOf(studioId: string): Person[] {
    return this.people.filter((p) => p.active && p.studioId === studioId && p.roles.includes('coordinator'))
  }
  admins(): Person[] {
    return this.people.filter((p) => p.active && p.roles.includes('admin'))
  }

  /** The WeChat contact bound to a person (config first, then the store). */
  contactOf(personId: string): string | undefined {
    const cfg = this.config.people.find((p) => p.id === personId)?.wechatId
    if (cfg) return cfg
    for (const [contactId, b] of Object.entries(this.bindings.contacts)) if (b.personId === personId) return contactId
    return undefined
  }

  binding(contactId: string): ContactBinding | undefined {
    const cfg = this.config.people.find((p) => p.wechatId === contactId)
    if (cfg) return { personId: cfg.id, via: 'config', at: 0 }
    return this.bindings.contacts[contactId]
  }

  studioOfRoom(roomId: string): Studio | undefined {
    const cfg = this.config.studios.find((s) => s.roomId === roomId)
    const id = cfg?.id ?? this.bindings.rooms[roomId]
    return id ? this.studio(id) : undefined
  }
  roomOf(studioId: string): string | undefined {
    const cfg = this.config.studios.find((s) => s.id === studioId)?.roomId
    if (cfg) return cfg
    for (const [roomId, sid] of Object.entries(this.bindings.rooms)) if (sid === studioId) return roomId
    return undefined
  }
  /** The liaison office's group, if configured or bound (`/绑定本群 联络室`). */
  liaisonRoom(): string | undefined {
    if (this.config.district.liaisonRoomId) return this.config.district.liaisonRoomId
    for (const [roomId, sid] of Object.entries(this.bindings.rooms)) if (sid === LIAISON) return roomId
    return undefined
  }

  /**
   * Who sent a message. Never writes: an unbound contact has no rights. In a studio's group, an unbound
   * contact whose display name is exactly one active representative of *that* studio comes back with
   * `claims` set (the dispatcher opens a claim and asks the coordinators); for a person bound by the
   * config or by a one-time code, which no claim may displace, with `copies` set instead (the
   * coordinators are told once).
   */
  async resolve(contactId: string, displayName: string, roomStudioId: string | undefined, _now: number): Promise<Asker & { claims?: Person; copies?: Person }> {
    const b = this.binding(contactId)
    const person = b ? this.person(b.personId) : undefined
    if (!person || !person.active || !b) {
      const match = roomStudioId ? this.nameMatch(displayName, roomStudioId) : undefined
      // A representative bound by the config or by a one-time code cannot be claimed (a confirmation would
      // move a strong binding to a nickname): a copy of the name is reported, no more.
      const held = match && this.bindingOf(match.id)
      const strong = held && (held.kind === 'config' || held.via === 'code')
      return { contactId, displayName, roles: [], ...(match ? (strong ? { copies: match } : { claims: match }) : {}) }
    }
    const roles: Role[] = b.via === 'name' ? person.roles.filter((r) => r === 'representative') : [...person.roles]
    return { contactId, displayName, person, roles }
  }

  /** The one active representative of the studio with exactly this name. */
  private nameMatch(displayName: string, studioId: string): Person | undefined {
    const matches = this.findByName(displayName.trim(), studioId).filter((p) => p.roles.includes('representative'))
    return matches.length === 1 ? matches[0] : undefined
  }

  /** How a person is bound now: by the config, in the store (with the contact), or not at all. */
  bindingOf(personId: string): { kind: 'config' } | { kind: 'store'; contactId: string; via: ContactBinding['via'] } | undefined {
    if (this.config.people.find((p) => p.id === personId)?.wechatId) return { kind: 'config' }
    for (const [contactId, b] of Object.entries(this.bindings.contacts)) if (b.personId === personId) return { kind: 'store', contactId, via: b.via }
    return undefined
  }

  /** Binds a contact to a person; any other contact bound to that person loses the binding (a move). */
  async bindContact(contactId: string, personId: string, via: ContactBinding['via'], now: number): Promise<void> {
    const store = this.writable()
    const st = store.state
    await store.transaction(async () => {
      for (const [cid, b] of Object.entries(st.data.bindings.contacts)) if (b.personId === personId) await st.set('contacts', cid, undefined)
      await st.set('contacts', contactId, { personId, via, at: now })
    })
  }

  /** `/解绑`: every store binding of this person is removed (config bindings are the config's). */
  async unbindPerson(personId: string): Promise<void> {
    const store = this.writable()
    const st = store.state
    await store.transaction(async () => {
      for (const [cid, b] of Object.entries(st.data.bindings.contacts)) if (b.personId === personId) await st.set('contacts', cid, undefined)
    })
  }

  async bindRoom(roomId: string, studioId: string): Promise<void> {
    const store = this.writable()
    const st = store.state
    await store.transaction(async () => {
      for (const [rid, sid] of Object.entries(st.data.bindings.rooms)) if (sid === studioId) await st.set('rooms', rid, undefined)
      await st.set('rooms', roomId, studioId)
    })
  }
}

/** The pseudo-studio id a liaison-office group is bound to. */
export const LIAISON = '_liaison'
