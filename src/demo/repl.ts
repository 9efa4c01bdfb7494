/**
 * The demo's chat view: you type as a member of a group (or in a private chat with the bot) and see
 * every message that passes through the mock gateway, the bot's replies and scheduled posts included.
 * Lines starting with `:` steer the demo (who speaks, where, the demo clock).
 */
import readline from 'node:readline'
import path from 'node:path'
import { promises as fs } from 'node:fs'
import type { App } from '../app/app.js'
import type { Config } from '../config/schema.js'
import type { Clock } from '../platform/clock.js'
import { OffsetClock } from '../platform/clock.js'
import { parseInstant } from '../platform/clock.js'
import type { MockGateway, SeenMessage } from './mock-gateway.js'
import { toLocalDate, toLocalTime } from '../domain/time/local-date.js'
import { zh } from '../text/zh-CN.js'
import { normalizeText } from '../domain/message/parse-command.js'

export interface ReplOptions {
  app: App
  gateway: MockGateway
  config: Config
  clock: Clock
  dataDir: string
  interactive: boolean
  input?: NodeJS.ReadableStream
  output?: (line: string) => void
}

const PRIVATE = ''
/**
 * Commands whose bare line starts a pasted multi-line text. A /登记 form ends at an empty line; a pasted
 * holiday notice has empty lines between its paragraphs, so it ends only at a command or a `:` line.
 */
const FORM_COMMANDS: Record<string, { blankEnds: boolean; hint: () => string }> = {
  '登记': { blankEnds: true, hint: () => zh.issues.demoFormHint },
  '放假安排': { blankEnds: false, hint: () => zh.calendar.demoPasteHint },
}

export async function runRepl(o: ReplOptions): Promise<number> {
  const out = o.output ?? ((l: string) => process.stdout.write(l + '\n'))
  const t = zh.demo
  const { config, gateway } = o
  const people = config.people.filter((p) => p.wechatId)
  const guest = { id: 'demo-guest', name: t.guestName }
  const firstCoordinator = people.find((p) => p.roles.includes('coordinator')) ?? people[0]
  let speaker = { id: firstCoordinator.wechatId!, name: firstCoordinator.name }
  let chat = config.studios.find((s) => s.id === firstCoordinator.studio)?.roomId ?? config.studios[0].roomId ?? PRIVATE
  let nickSeq = 0
  const chatName = (roomId: string | undefined) => (roomId ? gateway.names.get(roomId) ?? roomId : t.privateChat)

  const fileDir = path.join(o.dataDir, 'demo-files')
  gateway.onMessage((m: SeenMessage) => {
    if (!m.fromBot) return
    const where = m.roomId ? chatName(m.roomId) : t.toPrivate(gateway.names.get(m.listenerId ?? '') ?? '')
    if (m.file) {
      const file = path.join(fileDir, m.file.name)
      void fs.mkdir(fileDir, { recursive: true }).then(() => fs.writeFile(file, m.file!.data))
      out(t.line(where, m.talkerName, t.file(m.file.name, file)))
    } else out(t.line(where, m.talkerName, m.text ?? ''))
  })

  out(t.banner(config.district.name, gateway.endpoint))
  out(t.speaking(speaker.name, chatName(chat)))

  const showNow = () => t.now(`${toLocalDate(o.clock.now())} ${toLocalTime(o.clock.now())}`)

  async function settle(before: number, expectMessage: boolean): Promise<void> {
    // A message goes mock → gRPC → bot; wait until the bot has taken it, then until its replies are out.
    const deadline = Date.now() + 10_000
    while (expectMessage && o.app.received <= before && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10))
    await o.app.idle()
    await new Promise((r) => setTimeout(r, 50))
  }

  async function handle(raw: string): Promise<boolean> {
    const line = raw.trim()
    if (!line) return true
    if (!line.startsWith(':')) {
      const mentionIds = [...normalizeText(line).matchAll(/@([^\s@]+)/gu)]
        .map((m) => people.find((p) => p.name === m[1])?.wechatId)
        .filter((x): x is string => !!x)
      if (!o.interactive) out(t.line(chatName(chat), speaker.name, line))
      const before = o.app.received
      gateway.say(speaker.id, line, chat || undefined, mentionIds)
      await settle(before, true)
      return true
    }
    const [cmd, ...rest] = line.slice(1).split(/\s+/u)
    const arg = rest.join(' ')
    switch (cmd) {
      case 'help':
        out(t.help)
        break
      case 'quit':
      case 'exit':
        return false
      case 'who':
        for (const p of people) {
          const studio = config.studios.find((s) => s.id === p.studio)?.name ?? zh.identity.liaisonName
          out(t.peopleLine(p.id, p.name, p.unit, p.roles.map((r) => zh.common.roles[r]).join('、'), studio))
        }
        out(t.peopleLine(guest.id, guest.name, '', '', ''))
        break
      case 'as': {
        if (arg === guest.name || arg === guest.id) {
          speaker = guest
        } else {
          const found = people.filter((p) => p.id === arg || p.name === arg)
          if (found.length === 0) out(t.unknownPerson(arg))
          else if (found.length > 1) out(t.ambiguousPerson(arg, found.map((p) => `${p.id} ${p.unit}`).join('；')))
          else speaker = { id: found[0].wechatId!, name: found[0].name }
        }
        out(t.speaking(speaker.name, chatName(chat)))
        break
      }
      case 'nick': {
        if (!arg) {
          out(t.nickUsage)
          break
        }
        const id = `demo-nick-${++nickSeq}`
        gateway.addStranger(id, arg)
        speaker = { id, name: arg }
        out(t.nickNew(arg))
        out(t.speaking(speaker.name, chatName(chat)))
        break
      }
      case 'in': {
        if (t.privateWords.includes(arg)) chat = PRIVATE
        else if (zh.identity.liaisonWords.includes(arg) && config.district.liaisonRoomId) chat = config.district.liaisonRoomId
        else {
          const s = config.studios.find((x) => x.name === arg || x.id === arg || x.name.includes(arg))
          if (s?.roomId) chat = s.roomId
          else out(t.unknownChat(arg))
        }
        out(t.speaking(speaker.name, chatName(chat)))
        break
      }
      case 'file': {
        // `:file 花名册.xlsx`: the current speaker sends that file to the bot privately.
        let data: Buffer
        try {
          data = await fs.readFile(arg)
        } catch {
          out(t.fileMissing(arg))
          break
        }
        if (!o.interactive) out(t.line(chatName(PRIVATE), speaker.name, t.fileSent(path.basename(arg))))
        const before = o.app.received
        gateway.sendFile(speaker.id, path.basename(arg), data)
        await settle(before, true)
        break
      }
      case 'time': {
        if (!arg) {
          out(showNow())
          break
        }
        const clock = o.clock as OffsetClock
        const rel = /^\+(\d+)\s*([dhm])$/u.exec(arg)
        let target: number | undefined
        if (rel) target = o.clock.now() + Number(rel[1]) * { d: 86_400_000, h: 3_600_000, m: 60_000 }[rel[2] as 'd' | 'h' | 'm']
        else target = parseInstant(arg.replace(' ', 'T'))
        if (target === undefined || typeof clock.set !== 'function') {
          out(t.badTime)
          break
        }
        if (target < o.clock.now()) {
          out(t.backwards)
          break
        }
        clock.set(target)
        out(showNow())
        await o.app.runDue()
        await settle(0, false)
        break
      }
      default:
        out(t.help)
    }
    return true
  }

  const rl = readline.createInterface({ input: o.input ?? process.stdin, terminal: o.interactive })
  // Ctrl-C in a terminal ends the demo like the end of input: the bot stops and releases its data lock.
  rl.on('SIGINT', () => rl.close())
  if (o.interactive) {
    rl.setPrompt(`${speaker.name}> `)
    rl.prompt()
  }
  // A form pasted after a bare `/登记` arrives line by line here, but as one message in WeChat: collect
  // its lines until an empty line, a command or a `:` line (or the end of input), then send them as one.
  let form: string[] | null = null
  let blankEnds = true
  const feed = async (line: string): Promise<boolean> => {
    const l = line.trim()
    if (form) {
      if ((l || !blankEnds) && !/^[/／:]/u.test(l)) {
        form.push(l)
        return true
      }
      const text = form.join('\n')
      form = null
      if (!(await handle(text))) return false
      if (!l) return true
    }
    const formCommand = FORM_COMMANDS[l.replace(/^[/／]\s*/u, '')]
    if (formCommand && /^[/／]/u.test(l)) {
      form = [l]
      blankEnds = formCommand.blankEnds
      if (o.interactive) out(formCommand.hint())
      return true
    }
    return handle(line)
  }
  for await (const line of rl) {
    const go = await feed(line)
    if (!go) break
    if (o.interactive) {
      rl.setPrompt(`${speaker.name}@${chatName(chat)}> `)
      rl.prompt()
    }
  }
  if (form) await handle((form as string[]).join('\n'))
  rl.close()
  await o.app.idle()
  out(t.bye)
  return 0
}
