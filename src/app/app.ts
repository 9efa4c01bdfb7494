/**
 * The bot without its WeChat connection: services, dispatcher, sender, outbox and the due-check. Both
 * production (src/main.ts) and the tests build it with `createApp`, so tests go through the same
 * dispatcher and sender as production; only the transport differs (wechaty over puppet-service, or a
 * recording transport in unit tests).
 */
import type { Config } from '../config/schema.js'
import type { Clock } from '../platform/clock.js'
import type { Logger } from '../platform/logger.js'
import { Store, WriteError } from '../platform/store/store.js'
import { Sender, realTimer, type Timer, type Transport } from '../platform/sender.js'
import { Directory } from './directory.js'
import { DirectoryImports } from './directory-imports.js'
import { Calendars } from './calendars.js'
import { HolidayNotices } from './holiday-notice-service.js'
import { Dispatcher, adminAlerts } from './dispatcher.js'
import type { Incoming } from '../messages/message.js'
import { Outbox } from './outbox.js'
import { IssueRepo } from './issue-repo.js'
import { RosterService } from './roster-service.js'
import { SwapService } from './swap-service.js'
import { NameClaims } from './name-claims.js'
import { BindAttempts } from './bind-attempts.js'
import { WebTokens } from './web-tokens.js'
import { WebAddress } from './web-address.js'
import { OfficeSessions } from './office-sessions.js'
import type { ConnectionInfo, Deps } from './deps.js'
import { SentCounter, sendBudget } from './sent-counter.js'
import { commands as allCommands } from '../commands/index.js'
import { jobs as allJobs } from '../schedules/index.js'
import type { Job } from '../schedules/job.js'
import type { Command } from '../commands/command.js'
import { zh } from '../text/zh-CN.js'
import { toLocalDate, yearOf } from '../domain/time/local-date.js'

export interface AppOptions {
  config: Config
  store: Store<any>
  clock: Clock
  log: Logger
  transport: Transport
  timer?: Timer
  /** Overrides of the configured pacing (tests, benchmark). */
  sendGapMs?: [number, number]
  random?: () => number
  commands?: readonly Command<any>[]
  jobs?: readonly Job[]
  /** An earlier year's data file turned out damaged after start-up (the bot stops, naming it). */
  onDamage?: (e: unknown) => void
  /** Display names of the bot (its @mentions are stripped from commands). */
  botNames?: () => string[]
  /** Replaces the sender's group gate: only the privacy property test does (to show its check can fail). */
  groupGate?: (text: string) => string
  /** The WeChat connection's state, for /状态. */
  connection?: () => ConnectionInfo
}

export interface App {
  deps: Deps
  dispatcher: Dispatcher
  sender: Sender
  /** Handle one inbound message: replies are queued on the sender (not awaited). */
  onMessage(msg: Incoming): Promise<void>
  /** The due-check: every job, at the clock's now. Never runs twice at once. */
  runDue(): Promise<void>
  /**
   * Login: resume sending, deliver the outbox, run the due-check. `awayMs`: the account had been logged
   * out (not a mere reconnect) for this long; the admins are told privately.
   */
  onLogin(info?: { awayMs?: number }): Promise<void>
  /** The bot was removed from a group (or the group was dissolved): its studio's coordinators, the admins and the liaison group are told. */
  onRemovedFromRoom(roomId: string): Promise<void>
  /** Resolves when no message is being handled and nothing waits to be sent. */
  idle(): Promise<void>
  /** Inbound messages handed to onMessage so far (the demo waits on it). */
  readonly received: number
}

export async function createApp(o: AppOptions): Promise<App> {
  const directory = new Directory(o.config, o.store)
  // A 花名册 import (npm run import, or an xlsx sent privately), when applied, replaces the config's people;
  // a file written beside the running bot is loaded by the next due-check.
  const directoryImports = new DirectoryImports({ config: o.config, directory, dataDir: o.store.dir, log: o.log })
  await directoryImports.checkFile()
  // Confirmed State Council notices (<data>/calendar/<year>.json) come before chinese-days' data.
  const notices = await HolidayNotices.readAll(o.store.dir)
  const calendars = new Calendars(() => directory.studios, o.config.calendar, HolidayNotices.initialDays(notices))
  const outbox = new Outbox(o.store)
  const issues = await IssueRepo.open(o.store, {
    now: o.clock.now(),
    log: o.log,
    studioOfPrefix: (prefix) => directory.studios.find((s) => s.prefix === prefix)?.id,
    onDamage: o.onDamage,
  })
  // Older years' roster files are read once in the background (the issue repository scans older issue
  // files the same way): a damaged one stops the bot, naming it, instead of failing some later /履职.
  void (async () => {
    const year = yearOf(toLocalDate(o.clock.now()))
    for (const p of await o.store.listPartitions('roster')) {
      if (p.year >= year - 1) continue
      await new Promise<void>((r) => setImmediate(r))
      try {
        await o.store.verify('roster', p.studioId, p.year)
      } catch (e) {
        o.log.error('an older roster file is damaged', { studioId: p.studioId, year: p.year, error: e })
        o.onDamage?.(e)
        return
      }
    }
  })().catch(() => undefined)
  const roster = await RosterService.open({ config: o.config, store: o.store, clock: o.clock, log: o.log, directory, calendars, outbox })
  const swaps = await SwapService.open({ config: o.config, store: o.store, log: o.log, directory, roster }, o.clock.now())
  const holidayNotices = new HolidayNotices({ dataDir: o.store.dir, store: o.store, calendars, directory, outbox, clock: o.clock, log: o.log, roster: () => roster, issues: () => issues, loaded: notices })
  const sent = new SentCounter()
  const removedRooms = new Set<string>()
  const deferredCount = { n: 0 }
  const deps: Deps = {
    config: o.config,
    clock: o.clock,
    store: o.store,
    directory,
    calendars,
    log: o.log,
    outbox,
    issues,
    roster,
    swaps,
    holidayNotices,
    directoryImports,
    claims: new NameClaims(),
    bindAttempts: new BindAttempts(),
    webTokens: new WebTokens(o.store, o.clock),
    web: new WebAddress(o.config.web),
    officeSessions: undefined as unknown as OfficeSessions,
  }
  deps.officeSessions = new OfficeSessions(o.store, deps.webTokens, directory, () => o.clock.now())
  const sender = new Sender(
    o.transport,
    {
      gapMs: o.sendGapMs ?? o.config.bot.sendGapMs,
      maxChars: o.config.bot.maxMessageChars,
      retries: o.config.bot.retries,
      random: o.random,
      onDelivered: (ids) => outbox.delivered(ids),
      groupGate: o.groupGate,
      onSent: (to) => sent.record(to, o.clock.now()),
      budget: sendBudget(o.config.bot.dailyLimit, sent, o.clock, o.log, deferredCount),
    },
    o.log,
    o.timer ?? realTimer,
  )
  outbox.attach(sender)
  deps.botStatus = () => ({ connection: o.connection?.(), queued: sender.pending, lastPostTo: sent.lastPostTo, sentToday: sent.today(o.clock.now()), removedRooms, budget: { ...o.config.bot.dailyLimit, deferred: sender.deferredNow } })
  const dispatcher = new Dispatcher(deps, o.commands ?? allCommands, o.botNames ?? (() => [zh.common.botName]))
  // A notice loaded earlier that chinese-days now covers too: any difference is told to the admins.
  await holidayNotices.comparePackage(notices, o.clock.now())
  const jobs = o.jobs ?? allJobs
  let handling = 0
  let received = 0
  const idleWaiters: (() => void)[] = []
  let dueRun: Promise<void> | null = null
  let dueAgain: Promise<void> | null = null
  let dueFiredAt = 0

  const app: App = {
    deps,
    dispatcher,
    sender,
    get received() {
      return received
    },
    async onMessage(msg) {
      received++
      handling++
      try {
        const replies = await dispatcher.handle(msg)
        for (const r of replies) sender.post(r)
      } finally {
        handling--
        if (handling === 0) for (const w of idleWaiters.splice(0)) w()
      }
    },
    runDue() {
      // A due-check asked for while one runs, in a later minute (the demo's :time, a login a minute on),
      // runs again after it with the time of then: the running one fired earlier and would miss what has
      // become due since. In the same minute (start-up and the login at once) the running one serves: the
      // jobs' times are whole minutes.
      if (dueRun) {
        if (Math.floor(o.clock.now() / 60_000) <= Math.floor(dueFiredAt / 60_000)) return dueRun
        return (dueAgain ??= dueRun.catch(() => undefined).then(() => {
          dueAgain = null
          return app.runDue()
        }))
      }
      const firedAt = (dueFiredAt = o.clock.now())
      dueRun = (async () => {
        for (const job of jobs) {
          // Messages that came in meanwhile are handled between two jobs, not after all of them.
          await new Promise<void>((r) => setImmediate(r))
          try {
            await job.run(deps, firedAt)
          } catch (e) {
            o.log.error(`job ${job.name} failed`, { error: e })
            // A scheduled post that could not be saved is tried again at the next due-check; admins are told once.
            if (e instanceof WriteError && o.store.takeFailureAlert()) {
              for (const r of adminAlerts(deps, zh.store.adminWriteFailed(e.code ?? 'EIO'))) sender.post(r)
            }
          }
        }
      })().finally(() => {
        dueRun = null
      })
      return dueRun
    },
    async onLogin(info) {
      sender.wake()
      outbox.flush()
      if (info?.awayMs !== undefined) {
        const text = zh.gateway.backAfterLogout(zh.gateway.duration(info.awayMs))
        for (const a of directory.admins()) {
          const contactId = directory.contactOf(a.id)
          if (contactId) sender.post({ to: { contactId }, text })
        }
      }
      await app.runDue()
    },
    async onRemovedFromRoom(roomId) {
      const studio = directory.studioOfRoom(roomId)
      const liaison = directory.liaisonRoom()
      const name = studio?.name ?? (roomId === liaison ? zh.identity.liaisonName : roomId)
      removedRooms.add(roomId)
      o.log.warn(zh.gateway.removedLog(name))
      const text = zh.gateway.removedFromRoom(name)
      const people = [...(studio ? directory.people.filter((p) => p.active && p.studioId === studio.id && p.roles.includes('coordinator')) : []), ...directory.admins()]
      const told = new Set<string>()
      for (const p of people) {
        const contactId = directory.contactOf(p.id)
        if (contactId && !told.has(contactId)) {
          told.add(contactId)
          sender.post({ to: { contactId }, text })
        }
      }
      if (liaison && liaison !== roomId) sender.post({ to: { roomId: liaison }, text })
    },
    async idle() {
      for (;;) {
        if (handling > 0) await new Promise<void>((r) => idleWaiters.push(r))
        if (dueRun) await dueRun
        if (dueAgain) await dueAgain
        await sender.idle()
        // Outbox removals and compactions have landed too, so "idle" means quiet on disk as well.
        await o.store.settle()
        // Messages the send budget holds back wait for another day: they do not keep the app busy.
        if (handling === 0 && !dueRun && !dueAgain && (sender.pending === 0 || sender.waitingForBudget)) return
      }
    },
  }
  return app
}
