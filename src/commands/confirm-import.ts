import { defineCommand, type CommandContext } from './command.js'
import type { Deps } from '../app/deps.js'
import { optionalText } from './args.js'
import { zh } from '../text/zh-CN.js'

/** `/确认导入` (admin, private): the 花名册 just sent is written and used at once. */
export const confirmImport = defineCommand({
  name: '确认导入',
  roles: ['admin'],
  where: 'private',
  mutates: true,
  help: zh.duty.cmd.confirmImport,
  args: optionalText,
  run: ({ ctx }, deps) => applyImport(ctx, deps),
})

export async function applyImport(ctx: CommandContext, deps: Deps): Promise<string> {
  const t = zh.duty
  const r = await deps.directoryImports.confirm(ctx.asker.contactId, ctx.now)
  if (!r.ok) return r.code === 'expired' ? t.importExpired : r.code === 'errors' ? t.importErrorsNow(String(r.params?.lines ?? '')) : t.importNothing
  const p = r.value.plan
  // The roster follows at once: seats of people who left are re-staffed by the next planning.
  await deps.roster.ensurePlanned(ctx.now)
  return t.importApplied(p.people.filter((x) => x.active).length, p.added.length, p.updated.length + p.reactivated.length, p.deactivated.length + p.removed.length)
}
