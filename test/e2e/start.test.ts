/**
 * `npm start` as a user runs it: the demo with piped input, and the real mode against a puppet server
 * on loopback that the bot did not start (what a real gateway looks like to the bot).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { log as wechatyLog } from 'wechaty-puppet'
import { MockGateway, type SeenMessage } from '../../src/demo/mock-gateway.js'
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

test('with a token and an endpoint, the bot logs in to that gateway and answers /帮助 in a private chat', async () => {
  const config = demoConfig()
  const gateway = new MockGateway(config, { strangers: [{ id: 'x-guest', name: '路人甲' }] })
  const seen: SeenMessage[] = []
  gateway.onMessage((m) => seen.push(m))
  await gateway.start()
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lxq-real-'))
  const run = startMain({
    WECHATY_PUPPET_SERVICE_TOKEN: gateway.token,
    WECHATY_PUPPET_SERVICE_ENDPOINT: gateway.endpoint,
    LXQ_CONFIG: 'config/demo.yaml',
    LXQ_DATA: dir,
  })
  try {
    // The gateway's account is logged in (a scan, on a real gateway); the client learns it on connect.
    gateway.login()
    const end = Date.now() + 30_000
    while (!run.output().includes('logged in') && Date.now() < end) await new Promise((r) => setTimeout(r, 100))
    expect(run.output()).toContain('logged in')
    gateway.say('x-guest', '/帮助')
    const until = Date.now() + 15_000
    while (!seen.some((m) => m.fromBot && m.listenerId === 'x-guest') && Date.now() < until) await new Promise((r) => setTimeout(r, 50))
    const reply = seen.find((m) => m.fromBot && m.listenerId === 'x-guest')
    expect(reply?.text).toContain('可用命令')
  } finally {
    run.child.kill('SIGTERM')
    await run.done
    await gateway.stop()
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
