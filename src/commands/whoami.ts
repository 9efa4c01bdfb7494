import { defineCommand } from './command.js'
import { noArgs } from './args.js'
import { zh } from '../text/zh-CN.js'
import { LIAISON } from '../app/directory.js'

export const whoami = defineCommand({
  name: '我是谁',
  roles: 'anyone',
  help: zh.identity.whoami,
  args: noArgs,
  run({ ctx }, deps) {
    const t = zh.identity
    const lines: string[] = []
    const p = ctx.asker.person
    if (!p) {
      const claim = deps.claims.ofContact(ctx.asker.contactId, ctx.now)
      const claimed = claim && deps.directory.person(claim.personId)
      lines.push(claimed ? t.claimWaiting(claimed.name) : t.unknownPerson)
    }
    else {
      const b = deps.directory.binding(ctx.asker.contactId)
      const studio = p.studioId ? deps.directory.studio(p.studioId)?.name ?? p.studioId : zh.common.none
      const roles = ctx.asker.roles.length ? ctx.asker.roles.map((r) => zh.common.roles[r]).join('、') : zh.common.none
      lines.push(t.you(p.name, p.unit, p.position, roles, studio, b ? t.via[b.via] : zh.common.none))
    }
    if (ctx.chat.kind === 'group') {
      const roomStudio = deps.directory.studioOfRoom(ctx.chat.roomId)
      const liaison = deps.directory.liaisonRoom() === ctx.chat.roomId
      lines.push(roomStudio ? t.roomIs(roomStudio.name) : liaison ? t.roomIs(t.liaisonName) : t.roomUnbound)
    }
    return lines.join('\n')
  },
})

export { LIAISON }
