import { defineCommand, type CommandContext } from './command.js'
import { zh } from '../text/zh-CN.js'
import type { Deps } from '../app/deps.js'
import type { NameClaim } from '../app/name-claims.js'
import { isCoordinatorOf } from './issue-common.js'
import { refuse } from '../text/refusals.js'
import { argsOf } from './args.js'

/** `<编号>`: the claim number the coordinator was sent (4 digits). */
const claimNumber = argsOf((a) => {
  if (!/^\d{4}$/.test(a.text)) throw refuse('identity.claimNumber')
  return Number(a.text)
})

/** The open claim, if the asker is a coordinator of its studio or an admin. */
function claimFor(deps: Deps, ctx: CommandContext, n: number): NameClaim {
  const claim = deps.claims.get(n, ctx.now)
  if (!claim) throw refuse('identity.claimNotFound', String(n))
  if (!isCoordinatorOf(ctx, claim.studioId)) throw refuse('identity.claimNotYours')
  return claim
}

/**
 * `/确认绑定 4821`: the coordinator confirms that the contact who used a representative's name as group
 * nickname is that representative. The only write of the claim flow: the binding (representative rights).
 */
export const confirmBind = defineCommand({
  name: '确认绑定',
  roles: ['coordinator'],
  mutates: true,
  help: zh.identity.confirmBind,
  args: claimNumber,
  async run({ args, ctx }, deps) {
    const claim = claimFor(deps, ctx, args)
    const person = deps.directory.person(claim.personId)
    if (!person || !person.active) throw refuse('identity.claimNotFound', String(args))
    await deps.directory.bindContact(claim.contactId, claim.personId, 'name', ctx.now)
    deps.claims.confirmed(args)
    deps.log.info('name claim confirmed', { claim: args, personId: person.id, by: ctx.asker.person?.id })
    return zh.identity.claimConfirmed(claim.displayName, person.name)
  },
})

/** `/拒绝绑定 4821`: not that representative. Nothing is written; the pair is not asked about again. */
export const refuseBind = defineCommand({
  name: '拒绝绑定',
  roles: ['coordinator'],
  help: zh.identity.refuseBind,
  args: claimNumber,
  run({ args, ctx }, deps) {
    const claim = claimFor(deps, ctx, args)
    deps.claims.refuse(args)
    deps.log.warn('name claim refused', { claim: args, personId: claim.personId, by: ctx.asker.person?.id })
    return zh.identity.claimRefused(claim.displayName, deps.directory.person(claim.personId)?.name ?? claim.personId)
  },
})
