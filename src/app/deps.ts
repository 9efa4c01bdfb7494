/**
 * What commands and scheduled jobs are given: the edges (clock, store, log) as interfaces, and the
 * services built on them. src/main.ts (and the test harness) are the only places that make real ones.
 */
import type { Config } from '../config/schema.js'
import type { Clock } from '../platform/clock.js'
import type { Logger } from '../platform/logger.js'
import type { Store } from '../platform/store/store.js'
import type { Directory } from './directory.js'
import type { Calendars } from './calendars.js'
import type { Outbox } from './outbox.js'
import type { IssueRepo } from './issue-repo.js'
import type { RosterService } from './roster-service.js'
import type { SwapService } from './swap-service.js'
import type { HolidayNotices } from './holiday-notice-service.js'
import type { NameClaims } from './name-claims.js'
import type { BindAttempts } from './bind-attempts.js'
import type { WebTokens } from './web-tokens.js'
import type { WebAddress } from './web-address.js'
import type { OfficeSessions } from './office-sessions.js'
import type { DirectoryImports } from './directory-imports.js'

export interface Deps {
  config: Config
  clock: Clock
  store: Store<any>
  directory: Directory
  calendars: Calendars
  log: Logger
  /** Exactly-once scheduled posts (marker + message in one write). */
  outbox: Outbox
  /** Constituents' issues (registration to archive), on disk before any reply. */
  issues: IssueRepo
  /** Reception sessions, their duty and its history, announcements and corrections. */
  roster: RosterService
  /** Leave, substitute and swap requests, volunteers, forced changes, cancellations and check-ins. */
  swaps: SwapService
  /** The State Council's holiday notice: /放假安排, /确认放假安排, files imported from the console. */
  holidayNotices: HolidayNotices
  /** The 花名册: directory.json loaded when it changes, sheets sent in chat previewed and applied. */
  directoryImports: DirectoryImports
  /** Open claims "this contact is representative X" by group nickname, awaiting a coordinator (in memory). */
  claims: NameClaims
  /** Wrong /绑定 codes per contact and per live code (in memory). */
  bindAttempts: BindAttempts
  /** Tokens of the web side's links (work orders, logins, sessions), stored hashed. */
  webTokens: WebTokens
  /** The web side's address, for links given in chat. */
  web: WebAddress
  /** The liaison office's login links and sessions (/后台). */
  officeSessions: OfficeSessions
  /** What /状态 shows about the bot itself: connection, queue, last posts (absent in some test rigs). */
  botStatus?: () => BotStatus
}

/** The WeChat connection as the gateway supervisor sees it (src/platform/wechaty-bot.ts). */
export interface ConnectionInfo {
  state: 'idle' | 'discovering' | 'connecting' | 'connected' | 'logged-in' | 'waiting' | 'stopped'
  /** Instant of the last change of state. */
  since?: number
  account?: { name: string; id: string }
  endpoint?: string
}

export interface BotStatus {
  connection?: ConnectionInfo
  /** Messages waiting in the sender's queue (replies and posts). */
  queued: number
  /** Instant of the last message sent to each group (room id). */
  lastPostTo: ReadonlyMap<string, number>
  /** Messages sent since the bot started, by Asia/Shanghai day: [account total, per room]. */
  sentToday: { total: number; byRoom: ReadonlyMap<string, number> }
  /** Groups the bot was removed from (or that were dissolved) since it started. */
  removedRooms?: ReadonlySet<string>
  /** The configured daily caps (0 = none) and how many messages the budget has made wait since start. */
  budget?: { account: number; perGroup: number; deferred: number }
}
