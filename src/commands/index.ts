/**
 * Every chat command, in the order /帮助 lists them. One plain array: no directory scanning; the
 * dispatcher refuses duplicate names and aliases at start-up.
 */
import type { Command } from './command.js'
import { help } from './help.js'
import { whoami } from './whoami.js'
import { bind } from './bind.js'
import { bindCode } from './bind-code.js'
import { bindRoom } from './bind-room.js'

export const commands: readonly Command<any>[] = [
  help,
  whoami,
  // Feature commands are listed here (roster, swaps, issues, follow-ups).
  bind,
  bindCode,
  bindRoom,
]
