import { defineCommand } from './command.js'
import { textArg } from './args.js'
import { zh } from '../text/zh-CN.js'
import { findStudio } from './lookup.js'
import { LIAISON } from '../app/directory.js'
import { refuse } from '../text/refusals.js'

/** `/绑定本群 和平里工作室` in the group: this group is that studio's (coordinator of it, or admin). */
export const bindRoom = defineCommand({
  name: '绑定本群',
  roles: ['coordinator', 'admin'],
  where: 'group',
  allowInUnboundGroup: true,
  mutates: true,
  help: zh.identity.bindRoom,
  args: textArg,
  async run({ args, ctx }, deps) {
    if (ctx.chat.kind !== 'group') return null
    const isAdmin = ctx.asker.roles.includes('admin')
    if (zh.identity.liaisonWords.includes(args)) {
      if (!isAdmin) throw refuse('common.notAllowed', '绑定本群', zh.common.roles.admin)
      await deps.directory.bindRoom(ctx.chat.roomId, LIAISON)
      return zh.identity.roomBound(zh.identity.liaisonName)
    }
    const studio = findStudio(deps.directory, args)
    if (!isAdmin && ctx.asker.person?.studioId !== studio.id) throw refuse('identity.notYourStudio')
    await deps.directory.bindRoom(ctx.chat.roomId, studio.id)
    return zh.identity.roomBound(studio.name)
  },
})
