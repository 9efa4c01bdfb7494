/**
 * (h) The liaison office's overview page (issue 18) over the benchmark's data folder (200,000 issues over
 * ten years of a city): the admin's `GET /office?year=<y>` through fastify's inject on the app as the bot
 * runs it (the same store, the same figures code as /统计), timed from request to the whole HTML page
 * with its ECharts SVG. Baseline, in the same run on the same app: that year's figures alone, studio by
 * studio and merged, as /统计 <y>年 全区 computes them (app/figures-service.ts `studioFigures`), and the
 * 404 page (the server's floor). Median of `runs` after the first view, which is reported apart (cold:
 * the year's files read from disk; later views reuse each studio-year's figures while unchanged).
 */
import { createApp } from '../../src/app/app.js'
import { Store } from '../../src/platform/store/store.js'
import { ManualClock } from '../../src/platform/clock.js'
import { memoryLogger } from '../../src/platform/logger.js'
import type { Config } from '../../src/config/schema.js'
import type { Transport } from '../../src/platform/sender.js'
import { createWebServer } from '../../src/web/server.js'
import { studioFigures } from '../../src/app/figures-service.js'
import { mergeFigures } from '../../src/domain/stats/figures.js'
import { withRange } from '../../src/domain/stats/period.js'

export interface OfficeResult {
  year: number
  runs: number
  /** The first view: the year's files read from disk (nothing cached yet). */
  coldMs: number
  /** Later views (the studio-years' figures kept while unchanged; the page, charts and audit each time). */
  pageMs: number
  pageMaxMs: number
  figuresMs: number
  notFoundMs: number
  bytes: number
  svgs: number
  received: number
}

const quiet: Transport = { isReady: () => true, sendText: async () => undefined, sendFile: async () => undefined }
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

export async function benchOffice(o: { config: Config; dataDir: string; year: number; now: number; runs: number }): Promise<OfficeResult> {
  const store = await Store.open(o.dataDir)
  const clock = new ManualClock(o.now)
  const app = await createApp({ config: o.config, store, clock, log: memoryLogger(), transport: quiet, sendGapMs: [0, 0], jobs: [] })
  await app.deps.issues.scanned
  const web = await createWebServer(app.deps, { post: () => undefined })
  try {
    await web.fastify.ready()
    const admin = app.deps.directory.people.find((p) => p.roles.includes('admin'))
    if (!admin) throw new Error('the bench config has no admin')
    const { token } = await app.deps.officeSessions.issueLogin(admin.id)
    const session = await app.deps.officeSessions.login(token, async () => undefined)
    if (!session) throw new Error('no session')
    const cookie = `lxq_office=${session.token}`
    const time = async (f: () => Promise<unknown>) => {
      const t0 = performance.now()
      await f()
      return performance.now() - t0
    }
    const page = () => web.fastify.inject({ url: `/office?year=${o.year}`, headers: { cookie } })
    const period = withRange({ kind: 'year', year: o.year })
    const figures = async () => mergeFigures(period.from, period.to, await Promise.all(app.deps.directory.studios.map((s) => studioFigures(app.deps, s.id, period, o.now))))
    const t0 = performance.now()
    const first = await page()
    const coldMs = performance.now() - t0
    if (first.statusCode !== 200) throw new Error(`overview answered ${first.statusCode}`)
    await figures()
    const pageMs: number[] = []
    const figuresMs: number[] = []
    const notFoundMs: number[] = []
    for (let k = 0; k < o.runs; k++) {
      pageMs.push(await time(page))
      figuresMs.push(await time(figures))
      notFoundMs.push(await time(() => web.fastify.inject({ url: '/nothing' })))
    }
    const total = await figures()
    return {
      year: o.year,
      runs: o.runs,
      coldMs,
      pageMs: median(pageMs),
      pageMaxMs: Math.max(...pageMs),
      figuresMs: median(figuresMs),
      notFoundMs: median(notFoundMs),
      bytes: first.body.length,
      svgs: (first.body.match(/<svg/g) ?? []).length,
      received: total.received,
    }
  } finally {
    await web.close()
    await app.idle?.()
    await store.close({ compact: false })
  }
}
