/**
 * The baseline of the benchmark: a bare wechaty bot on the same puppet-service client path as the real
 * bot, which answers every text message with its own text, in the same chat. No store, no parsing, no
 * queue: what is left of a reply's latency is the gateway, gRPC and wechaty themselves.
 *
 * Run as a child process, like the bot: WECHATY_PUPPET_SERVICE_TOKEN / _ENDPOINT name the gateway.
 * Prints "logged in" on stderr once the gateway reports the login.
 */
import { WechatyBuilder, types } from 'wechaty'
import { PuppetService } from 'wechaty-puppet-service'
import { log as wechatyLog } from 'wechaty-puppet'

process.noDeprecation = true
wechatyLog.level('silent')
const puppet = new PuppetService({ token: process.env.WECHATY_PUPPET_SERVICE_TOKEN, endpoint: process.env.WECHATY_PUPPET_SERVICE_ENDPOINT })
const bot = WechatyBuilder.build({ name: 'echo', puppet })
bot.on('login', (user) => {
  process.stderr.write(`logged in ${user.id}\n`)
})
// Like the real bot, log wechaty's errors instead of dying of them (an 'error' event without a listener throws).
bot.on('error', (e) => {
  process.stderr.write(`wechaty error: ${(e as Error).message}\n`)
})
bot.on('message', async (m) => {
  try {
    if (m.self() || m.type() !== types.Message.Text) return
    const room = m.room()
    if (room) await room.say(m.text())
    else await m.talker().say(m.text())
  } catch (e) {
    process.stderr.write(`echo failed: ${(e as Error).message}\n`)
  }
})
await bot.start()
const stop = async () => {
  await bot.stop().catch(() => undefined)
  process.exit(0)
}
process.once('SIGTERM', stop)
process.once('SIGINT', stop)
