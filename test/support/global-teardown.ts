/** Removes the run's throw-away home folder (see global-setup.ts). */
import { rmSync } from 'node:fs'

export default function globalTeardown(): void {
  const home = process.env.LXQ_TEST_HOME
  if (home) rmSync(home, { recursive: true, force: true })
}
