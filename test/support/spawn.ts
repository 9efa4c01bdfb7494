/** Runs the bot's entry point (src/main.ts) as a child process, as `npm start` does. */
import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'

export function startMain(env: Record<string, string>, stdin?: string): { child: ChildProcess; output: () => string; done: Promise<number | null> } {
  const tsx = path.join(process.cwd(), 'node_modules', '.bin', 'tsx')
  const child = spawn(tsx, ['src/main.ts'], { cwd: process.cwd(), env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'] })
  let out = ''
  child.stdout!.on('data', (d) => (out += d.toString()))
  child.stderr!.on('data', (d) => (out += d.toString()))
  const done = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  if (stdin !== undefined) child.stdin!.end(stdin)
  return { child, output: () => out, done }
}
