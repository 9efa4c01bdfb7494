/**
 * `npm start` as a user runs it: the demo with piped input, and the real mode against a puppet server
 * on loopback that the bot did not start (what a real gateway looks like to the bot).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { log as wechatyLog } from 'wechaty-puppet'
import { MockGateway, freePort, type SeenMessage } from '../../src/demo/mock-gateway.js'
import { demoConfig } from '../support/harness.js'
import { startMain } from '../support/spawn.js'

wechatyLog.level('silent')

test('printf "/帮助\\n" | npm start prints the help and exits 0', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lxq-demo-'))
  const run = startMain({ LXQ_DATA: dir, WECHATY_PUPPET_SERVICE_TOKEN: '' }, '/帮助\n')
  const code = await run.done
  rmSync(dir, { recursive: true, force: true })
  expect(run.output()).toContain('连心桥 · 可用命令')
  expect(run.output()).toContain('/我是谁')
  expect(code).toBe(0)
}, 60_000)

test('the demo stopped by SIGTERM (kill, systemd) stops gracefully: exit 0 and the data lock released', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lxq-demo-'))
  const run = startMain({ LXQ_DATA: dir, WECHATY_PUPPET_SERVICE_TOKEN: '' })
  run.child.stdin!.write('/帮助\n')
  const end = Date.now() + 45_000
  while (!run.output().includes('可用命令') && Date.now() < end) await new Promise((r) => setTimeout(r, 100))
  expect(existsSync(path.join(dir, 'lock'))).toBe(true)
  run.child.kill('SIGTERM')
  const code = await run.done
  const locked = existsSync(path.join(dir, 'lock'))
  rmSync(dir, { recursive: true, force: true })
  expect(code).toBe(0)
  expect(locked).toBe(false)
}, 60_000)

/**
 * The acceptance walk of issue 13: a token and an endpoint whose gateway starts 10 s after the bot. The
 * bot says in Chinese what it is doing (no English JSON dumps, no token), keeps trying, logs in once the
 * gateway is up and answers /帮助.
 */
test('with a token and an endpoint whose gateway comes up 10 s after the bot, the bot keeps trying, logs in and answers /帮助', async () => {
  const config = demoConfig()
  const port = await freePort()
  const gateway = new MockGateway(config, { port, strangers: [{ id: 'x-guest', name: '路人甲' }] })
  const seen: SeenMessage[] = []
  gateway.onMessage((m) => seen.push(m))
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lxq-real-'))
  const spawnedAt = Date.now()
  const run = startMain({
    WECHATY_PUPPET_SERVICE_TOKEN: gateway.token,
    WECHATY_PUPPET_SERVICE_ENDPOINT: `127.0.0.1:${port}`,
    LXQ_CONFIG: 'config/demo.yaml',
    LXQ_DATA: dir,
  })
  try {
    // Its first try fails (nothing listens yet); a loaded machine may take many seconds to get that far.
    while (!run.output().includes('连不上微信网关') && Date.now() < spawnedAt + 60_000) await new Promise((r) => setTimeout(r, 100))
    expect(run.output()).toContain('正在连接微信网关')
    expect(run.output()).toMatch(/连不上微信网关（[^）]+），\d+ 秒后重试/)
    await new Promise((r) => setTimeout(r, Math.max(0, spawnedAt + 10_000 - Date.now())))
    await gateway.start()
    // The gateway's account is logged in (a scan, on a real gateway); the client learns it on connect.
    gateway.login()
    const end = Date.now() + 60_000
    while (!run.output().includes('已登录微信') && Date.now() < end) await new Promise((r) => setTimeout(r, 100))
    expect(run.output()).toContain('已登录微信')
    gateway.say('x-guest', '/帮助')
    const until = Date.now() + 15_000
    while (!seen.some((m) => m.fromBot && m.listenerId === 'x-guest') && Date.now() < until) await new Promise((r) => setTimeout(r, 50))
    const reply = seen.find((m) => m.fromBot && m.listenerId === 'x-guest')
    expect(reply?.text).toContain('可用命令')
    expect(run.output()).not.toContain(gateway.token)
    expect(run.output()).not.toContain('wechaty error')
    expect(run.output()).not.toContain('    at ')
  } finally {
    run.child.kill('SIGTERM')
    await run.done
    await gateway.stop().catch(() => undefined)
    rmSync(dir, { recursive: true, force: true })
  }
}, 180_000)

test('a token without an endpoint and no route to discovery: no crash, a Chinese line naming WECHATY_PUPPET_SERVICE_ENDPOINT, the token never shown', async () => {
  const token = 'puppet_padlocal_0123456789abcdef0123456789abcdef'
  const closed = await freePort() // nothing listens there: discovery cannot be reached (loopback only)
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lxq-nodisc-'))
  const run = startMain({
    WECHATY_PUPPET_SERVICE_TOKEN: token,
    WECHATY_PUPPET_SERVICE_ENDPOINT: '',
    WECHATY_PUPPET_SERVICE_AUTHORITY: `127.0.0.1:${closed}`,
    LXQ_CONFIG: 'config/demo.yaml',
    LXQ_DATA: dir,
  })
  let exited: number | null | undefined
  void run.done.then((c) => (exited = c))
  try {
    const end = Date.now() + 30_000
    while ((run.output().match(/查不到网关地址/g)?.length ?? 0) < 2 && exited === undefined && Date.now() < end) await new Promise((r) => setTimeout(r, 100))
    expect(exited).toBeUndefined() // still running, still trying
    expect(run.output().match(/查不到网关地址/g)?.length).toBeGreaterThanOrEqual(2)
    expect(run.output()).toContain('WECHATY_PUPPET_SERVICE_ENDPOINT=主机:端口')
    expect(run.output()).toContain('puppet_padlocal_0123…')
    expect(run.output()).not.toContain(token)
    expect(run.output()).not.toContain('0123456789abcdef0123456789abcdef')
    expect(run.output()).not.toContain('TypeError')
  } finally {
    run.child.kill('SIGTERM')
    await run.done
    rmSync(dir, { recursive: true, force: true })
  }
}, 60_000)

test('a corrupt data file stops start-up with a clear message and is left as it was', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lxq-corrupt-'))
  const { mkdirSync, writeFileSync, readFileSync } = await import('node:fs')
  mkdirSync(path.join(dir, 'issues', 'hpl'), { recursive: true })
  const file = path.join(dir, 'issues', 'hpl', '2026.json')
  writeFileSync(file, '{"version": 1, "issues": [')
  const run = startMain({ LXQ_DATA: dir, LXQ_FAKE_NOW: '2026-11-23T09:00:00+08:00', WECHATY_PUPPET_SERVICE_TOKEN: '' }, '/帮助\n')
  const code = await run.done
  expect(code).toBe(1)
  expect(run.output()).toContain('数据文件损坏')
  expect(run.output()).toContain(file)
  expect(run.output()).not.toContain('    at ') // no stack trace
  expect(readFileSync(file, 'utf8')).toBe('{"version": 1, "issues": [')
  rmSync(dir, { recursive: true, force: true })
}, 60_000)
