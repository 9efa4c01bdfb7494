import { defineCommand } from './command.js'
import { dateArgs } from './args.js'
import { zh } from '../text/zh-CN.js'
import { refuse } from '../text/refusals.js'
import { actor, repHere, sessionFor, settleRequests } from './swap-common.js'
import { dateShort, dutyText, nameOf, timeRange } from '../text/posts/roster.js'
import { SYSTEM } from '../app/roster-service.js'

/**
 * `/销假 12月10日` (also /取消请假): whoever went on leave takes the seat back while it is still open (nobody
 * took it). The leave is closed as withdrawn, the change recorded (kind `takeback`), an announced session
 * corrected in the group; a seat already filled is refused in Chinese with who took it.
 */
export const takeBack = defineCommand({
  name: '销假',
  aliases: ['取消请假'],
  roles: ['representative'],
  needsStudio: true,
  mutates: true,
  help: zh.duty.cmd.takeBack,
  args: dateArgs(zh.duty.cmd.takeBack),
  async run({ args, ctx }, deps) {
    const t = zh.duty
    const studio = ctx.studio!
    const me = repHere(ctx, studio, t.takeBackNotRep(studio.name))
    const s = await sessionFor(deps, ctx, studio, args.dateText)
    const r = await deps.swaps.takeBack(s.id, me.id, actor(ctx))
    const date = dateShort(s.date)
    if (!r.ok) {
      const by = String(r.params?.by ?? '')
      switch (r.code) {
        case 'takeback.filled':
          throw refuse('duty.takeBackFilled', date, by && by !== SYSTEM ? nameOf(deps.directory, by) : '', dutyText(deps.directory, s))
        case 'takeback.no-leave':
          throw refuse('duty.takeBackNoLeave', nameOf(deps.directory, me.id), date)
        case 'asker.already-on':
          throw refuse('duty.takeBackAlreadyOn', nameOf(deps.directory, me.id), date)
        case 'session.started':
          throw refuse('duty.takeBackStarted', date)
        case 'session.over':
          throw refuse('duty.takeBackOver', date)
        case 'session.cancelled':
          throw refuse('duty.takeBackCancelled', date)
        case 'duty.stale':
          throw refuse('roster.staleDuty')
      }
      throw refuse('duty.takeBackFilled', date, '', dutyText(deps.directory, s))
    }
    const cur = r.value.outcome.session
    const notices = await settleRequests(deps, ctx, [cur.id])
    const text = [t.takenBack({ name: nameOf(deps.directory, me.id), date, time: timeRange(cur), id: r.value.leave.id, duty: dutyText(deps.directory, cur) }), ...(r.value.outcome.corrected ? [zh.roster.setCorrected] : [])].join('\n')
    return [{ text }, ...notices]
  },
})
