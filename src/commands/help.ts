import { defineCommand, type Command, type CommandContext } from './command.js'
import { optionalText } from './args.js'
import { zh } from '../text/zh-CN.js'
import type { Role } from '../domain/model.js'

/** Who may use a command, in words. */
export function rolesText(c: Command<any>): string {
  return c.roles === 'anyone' ? zh.common.roles.anyone : zh.common.roleJoin(c.roles.map((r) => zh.common.roles[r]))
}

export function mayUse(c: Command<any>, roles: Role[]): boolean {
  if (c.roles === 'anyone') return true
  return roles.some((r) => (c.roles as Role[]).includes(r) || (r === 'admin' && (c.roles as Role[]).includes('coordinator')))
}

function whoText(ctx: CommandContext): string {
  const r = ctx.asker.roles
  return r.length ? zh.common.roleList(r.map((x) => zh.common.roles[x])) : zh.help.guest
}

/** Consecutive pieces joined by line breaks into as few texts of at most `max` characters as they fit. */
export function packLines(pieces: readonly string[], max: number): string[] {
  const out: string[] = []
  let cur = ''
  for (const p of pieces) {
    if (cur && cur.length + 1 + p.length > max) {
      out.push(cur)
      cur = ''
    }
    cur = cur ? `${cur}\n${p}` : p
  }
  if (cur) out.push(cur)
  return out
}

export const help = defineCommand({
  name: '帮助',
  aliases: ['help', '菜单', '?'],
  roles: 'anyone',
  help: zh.help.cmd,
  args: optionalText,
  run({ args, ctx }, deps) {
    const name = args.replace(/^\//, '').trim()
    if (name) {
      const c = ctx.commands.find((x) => x.name === name || x.aliases?.includes(name))
      if (!c) return zh.help.unknown(name)
      return zh.help.one(c.help.usage, c.help.summary, c.help.example, c.help.details, rolesText(c), c.aliases ?? [])
    }
    const usable = ctx.commands.filter((c) => mayUse(c, ctx.asker.roles))
    // A coordinator's list is longer than one message: cut between two commands, never inside one.
    const pieces = [zh.help.header(whoText(ctx)), ...usable.map((c) => zh.help.line(c.help.usage, c.help.summary, c.help.example)), zh.help.footer]
    return packLines(pieces, deps.config.bot.maxMessageChars).map((text) => ({ text }))
  },
})
