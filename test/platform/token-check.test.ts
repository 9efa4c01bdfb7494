/**
 * The token check at start (createWechatyBot.start): what the token looks like and which TLS setting
 * fits, one line, with only the token's prefix; a doubtful token is a warning and the bot keeps trying
 * (a bare UUID used to crash the puppet-service client: "requires a SNI as prefix of the token").
 * The endpoint is a closed loopback port, so every try fails fast and nothing leaves the machine.
 */
import { log as wechatyLog } from 'wechaty-puppet'
import { createWechatyBot } from '../../src/platform/wechaty-bot.js'
import { memoryLogger } from '../../src/platform/logger.js'
import { freePort } from '../../src/demo/mock-gateway.js'

wechatyLog.level('silent')

const cases: [string, boolean, string][] = [
  ['puppet_padlocal_0123456789abcdef', false, 'INFO token puppet_padlocal_0123…：句子互动 PadLocal 网关，使用 TLS'],
  ['puppet_workpro_0123456789abcdef', false, 'INFO token puppet_workpro_0123…：企业微信 WorkPro 网关'],
  ['insecure_0123456789abcdef', true, 'INFO token insecure_0123…：insecure 网关，客户端 TLS 已关闭'],
  ['3d6e8e2c-5b1a-4a0e-9c62-1f2d3e4f5a6b', false, 'WARN token 3d6e…：旧式 UUID token（没有前缀）'],
  ['puppet_padlocal_0123 456789', false, 'WARN token puppet_padlocal_0123…：警告：token 里有空格或换行'],
]

// All at once: a stop waits for the connection attempt under way (the client's own 5 s stream wait).
test('each kind of token: its line, only its prefix, no crash, the bot keeps trying', async () => {
  const runs = await Promise.all(
    cases.map(async ([token, noTls]) => {
      const log = memoryLogger()
      const wb = createWechatyBot({ token, endpoint: `127.0.0.1:${await freePort()}`, noTls }, log, `lxq-token-test-${token.length}-${noTls}`, { random: () => 0 })
      await wb.start()
      await new Promise((r) => setTimeout(r, 300))
      await wb.stop()
      return log.lines.join('\n')
    }),
  )
  cases.forEach(([token, , line], i) => {
    expect(runs[i]).toContain(line)
    expect(runs[i]).toContain('正在连接微信网关')
    expect(runs[i]).not.toContain(token)
    expect(runs[i]).not.toMatch(/ ERROR /)
  })
}, 60_000)
