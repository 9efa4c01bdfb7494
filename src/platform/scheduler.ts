/**
 * node-cron only triggers: once a minute it runs the app's due-check, which works out what is due at
 * the clock's "now" (jobs are idempotent). The demo calls the same due-check after moving its clock.
 */
import cron from 'node-cron'
import type { Logger } from './logger.js'

export function startScheduler(runDue: () => Promise<void>, log: Logger): { stop(): void } {
  const task = cron.schedule('* * * * *', () => {
    runDue().catch((e) => log.error('due-check failed', { error: e }))
  }, { timezone: 'Asia/Shanghai' })
  return { stop: () => void task.stop() }
}
