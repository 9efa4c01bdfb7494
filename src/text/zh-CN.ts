/**
 * The one catalogue of every Chinese string the bot shows: replies, posts, console messages. Feature
 * sections live in `./sections/*.ts` so features can grow side by side; this file assembles them into the
 * single `zh` object that the rest of the code imports. Code outside src/text/ holds no user-facing
 * Chinese (test/text/catalogue.test.ts checks the command, schedule and platform folders).
 */
import { common } from './sections/common.js'
import { store } from './sections/store.js'
import { config } from './sections/config.js'
import { help, identity } from './sections/help.js'
import { demo } from './sections/demo.js'
import { issues } from './sections/issues.js'
import { roster } from './sections/roster.js'
import { swaps } from './sections/swaps.js'
import { duty } from './sections/duty.js'
import { followup } from './sections/followup.js'
import { calendar } from './sections/calendar.js'
import { gateway } from './sections/gateway.js'
import { status, budget } from './sections/status.js'
import { web } from './sections/web.js'
import { office } from './sections/office.js'

export const zh = {
  common,
  store,
  config,
  help,
  identity,
  demo,
  issues,
  roster,
  swaps,
  duty,
  followup,
  calendar,
  gateway,
  status,
  budget,
  web,
  office,
}

export type Catalogue = typeof zh
