/**
 * RosterService over a real data folder (through createApp, as production builds it): planning that is
 * fair, deterministic and stable; what a departure, a rule change or a hand-set duty re-staffs and what
 * it keeps; changeDuty's refusals; the calendar-gap warning.
 */
import { rosterOnDisk } from '../support/issues-on-disk.js'
import { Harness, demoConfig } from '../support/harness.js'
import type { Session } from '../../src/domain/model.js'
import type { Config } from '../../src/config/schema.js'

let h: Harness
afterEach(async () => {
  await h.close()
})

const twelveMonths = (t: string) => t.replace('horizonMonths: 2', 'horizonMonths: 12')
const deactivate = (id: string) => (t: string) => t.replace(new RegExp(`(\\{ id: ${id},[^}]*)\\}`), '$1, active: false }')
const setRule = (from: string, to: string) => (t: string) => {
  if (!t.includes(from)) throw new Error(`no ${from} in demo.yaml`)
  return t.replace(from, to)
}
const reopen = async (now: string, config: Config): Promise<Harness> => {
  await h.app.idle()
  h = await Harness.start({ now, config, dir: h.dir })
  return h
}
const all = (studio: string, from = '2026-01-01', to = '2027-12-31') => h.app.deps.roster.sessionsBetween(studio, from, to)
const repIds = (studio: string) => h.config.people.filter((p) => p.studio === studio && p.active && p.roles.includes('representative')).map((p) => p.id)

describe('planning', () => {
  test('a year ahead: every studio fair (duties differ by at most one), nobody on two sessions in a row, every seat filled', async () => {
    h = await Harness.start({ now: '2026-01-01T08:00:00+08:00', config: demoConfig(twelveMonths) })
    for (const studio of ['hpl', 'qyl', 'xbl']) {
      const sessions = await all(studio, '2026-01-01', '2026-12-31')
      const perSession = h.config.studios.find((s) => s.id === studio)!.reception.perSession
      expect(sessions.length).toBeGreaterThanOrEqual(12)
      for (const s of sessions) expect(s.duty).toHaveLength(perSession)
      const count = new Map(repIds(studio).map((id) => [id, 0]))
      for (const s of sessions) for (const p of s.duty) count.set(p, count.get(p)! + 1)
      const n = [...count.values()]
      expect(Math.max(...n) - Math.min(...n)).toBeLessThanOrEqual(1)
      if (studio !== 'xbl') for (let i = 1; i < sessions.length; i++) expect(sessions[i].duty.filter((p) => sessions[i - 1].duty.includes(p))).toEqual([])
    }
  })

  test('deterministic: two fresh data folders plan the same roster', async () => {
    h = await Harness.start({ now: '2026-03-01T08:00:00+08:00' })
    const first = (await all('hpl')).map((s) => [s.date, s.duty])
    await h.close()
    h = await Harness.start({ now: '2026-03-01T08:00:00+08:00' })
    expect((await all('hpl')).map((s) => [s.date, s.duty])).toEqual(first)
  })

  test('reception dates follow the State Council calendar: a rule day in the National Day holiday moves to the next working day', async () => {
    h = await Harness.start({ now: '2026-09-20T08:00:00+08:00' })
    const dates = (await all('qyl', '2026-10-01', '2026-10-31')).map((s) => s.date)
    // 1 Oct is in the 2026 National Day holiday (1–7 Oct); 15 Oct is a Thursday.
    expect(dates[0] > '2026-10-07').toBe(true)
    expect(dates).toContain('2026-10-15')
    expect(dates).toHaveLength(2)
  })

  test('the horizon is the rest of this month and the next horizonMonths months', async () => {
    h = await Harness.start({ now: '2026-12-06T08:00:00+08:00' })
    const dates = (await all('hpl')).map((s) => s.date)
    expect(dates[0]).toBe('2026-12-10')
    expect(dates.at(-1)! <= '2027-02-28').toBe(true)
    expect(dates.some((d) => d.startsWith('2027-02'))).toBe(true)
    expect(h.app.deps.roster.horizonEnd('2026-12-06')).toBe('2027-02-28')
  })

  test('the horizon always covers the longest announcement lead (30 days)', async () => {
    h = await Harness.start({ now: '2026-01-31T08:00:00+08:00', config: demoConfig((t) => t.replace('horizonMonths: 2', 'horizonMonths: 1')) })
    expect(h.app.deps.roster.horizonEnd('2026-01-31')).toBe('2026-03-03')
    expect(h.app.deps.roster.horizonEnd('2026-01-10')).toBe('2026-02-28')
  })

  test('declared unavailability is respected', async () => {
    h = await Harness.start({ now: '2026-12-01T08:00:00+08:00' })
    const planned = (await h.app.deps.roster.sessionOn('hpl', '2026-12-10'))!.duty
    await h.close()
    const away = planned[0]
    const config = demoConfig((t) => t.replace(new RegExp(`(\\{ id: ${away},[^}]*)\\}`), "$1, unavailable: ['2026-12-10'] }"))
    h = await Harness.start({ now: '2026-12-01T08:00:00+08:00', config })
    const s = (await h.app.deps.roster.sessionOn('hpl', '2026-12-10'))!
    expect(s.duty).not.toContain(away)
    expect(s.duty).toHaveLength(2)
  })

  test('a representative who leaves: only the unannounced sessions they sat are re-staffed; announced ones are kept', async () => {
    h = await Harness.start({ now: '2026-12-06T08:00:00+08:00' })
    await h.advanceTo('2026-12-07T09:00:00+08:00') // 12月10日 announced
    const before = await all('hpl')
    const leaver = before[0].duty[0]
    await reopen('2026-12-07T10:00:00+08:00', demoConfig(deactivate(leaver)))
    const after = await all('hpl')
    expect(after.map((s) => s.date)).toEqual(before.map((s) => s.date))
    for (const [i, s] of after.entries()) {
      const was = before[i]
      if (s.date === '2026-12-10') expect(s.duty).toEqual(was.duty) // announced: kept, leaver and all
      else if (was.duty.includes(leaver)) {
        expect(s.duty).not.toContain(leaver)
        expect(s.duty).toHaveLength(2)
        expect(s.duty).toContain(was.duty.find((p) => p !== leaver)) // the other seat stays
        expect(s.history.at(-1)).toMatchObject({ by: 'system', kind: 'restaff', before: was.duty, after: s.duty })
      } else expect(s.duty).toEqual(was.duty)
    }
  })

  test('a rule change drops unannounced dates the rule no longer yields, adds the new ones, keeps announced ones', async () => {
    h = await Harness.start({ now: '2026-12-06T08:00:00+08:00' })
    await h.advanceTo('2026-12-22T09:00:00+08:00') // 12月25日 announced (12月10日 already passed)
    const dec25 = (await h.app.deps.roster.sessionOn('hpl', '2026-12-25'))!.duty
    await reopen('2026-12-22T10:00:00+08:00', demoConfig(setRule('rule: 每月10日、25日', 'rule: 每月10日、20日')))
    expect(h.log.lines.some((l) => l.includes('announced session no longer on the studio rule') && l.includes('hpl/2026-12-25'))).toBe(true)
    const dates = (await all('hpl', '2026-12-01', '2027-02-28')).map((s) => s.date)
    // 20 Dec 2026 is a Sunday: its session would be on the 21st, already past on the 22nd, so none is created.
    expect(dates).toEqual(['2026-12-10', '2026-12-25', '2027-01-11', '2027-01-20', '2027-02-10', '2027-02-22'])
    expect((await h.app.deps.roster.sessionOn('hpl', '2026-12-25'))!.duty).toEqual(dec25)
    const jan20 = (await h.app.deps.roster.sessionOn('hpl', '2027-01-20'))!
    expect(jan20.duty).toHaveLength(2)
    expect(jan20.history).toEqual([expect.objectContaining({ by: 'system', kind: 'planned', before: [] })])
    expect(h.log.lines.some((l) => l.includes('roster planned') && l.includes('hpl/2027-01-25'))).toBe(true)
  })

  test('a duty set by hand is kept by later planning; only the seat of someone who left is re-staffed', async () => {
    h = await Harness.start({ now: '2026-12-06T08:00:00+08:00' })
    const roster = h.app.deps.roster
    const jan = (await roster.sessionOn('hpl', '2027-01-11'))!
    const chosen = repIds('hpl').filter((p) => !jan.duty.includes(p)).slice(0, 2)
    expect((await roster.changeDuty(jan.id, chosen, 'c01', 'set')).ok).toBe(true)
    // Someone not on it leaves: the hand-set session is untouched.
    const other = repIds('hpl').find((p) => !chosen.includes(p))!
    await reopen('2026-12-06T09:00:00+08:00', demoConfig(deactivate(other)))
    expect((await h.app.deps.roster.sessionOn('hpl', '2027-01-11'))!.duty).toEqual(chosen)
    // One of the chosen leaves: that seat only.
    await reopen('2026-12-06T10:00:00+08:00', demoConfig((t) => deactivate(chosen[1])(deactivate(other)(t))))
    const s = (await h.app.deps.roster.sessionOn('hpl', '2027-01-11'))!
    expect(s.duty[0]).toBe(chosen[0])
    expect(s.duty).toHaveLength(2)
    expect(s.duty).not.toContain(chosen[1])
  })

  test('sessions are stored per studio and year, as Session records with their history', async () => {
    h = await Harness.start({ now: '2026-12-06T08:00:00+08:00' })
    await h.app.idle()
    const f = (y: number) => rosterOnDisk(h.dir, 'hpl', y).sessions as Session[]
    expect(f(2026).map((s) => s.date)).toEqual(['2026-12-10', '2026-12-25'])
    expect(f(2027)[0]).toMatchObject({ id: 'hpl/2027-01-11', studioId: 'hpl', time: '18:00', durationMinutes: 120, required: 2, attendance: [] })
    expect(f(2027)[0].history[0]).toMatchObject({ by: 'system', kind: 'planned' })
  })
})

describe('changeDuty', () => {
  test('refuses what it must, and changes nothing then', async () => {
    h = await Harness.start({ now: '2026-12-06T08:00:00+08:00' })
    const roster = h.app.deps.roster
    const s = (await roster.sessionOn('hpl', '2026-12-25'))!
    const duty = [...s.duty]
    const [a, b, c] = repIds('hpl')
    const code = async (p: Promise<{ ok: boolean; code?: string }>) => {
      const r = await p
      return r.ok ? 'ok' : r.code
    }
    expect(await code(roster.changeDuty('hpl/2026-12-11', [a], 'c01', 'set'))).toBe('session.not-found')
    expect(await code(roster.changeDuty(s.id, [a, a], 'c01', 'set'))).toBe('duty.duplicate')
    expect(await code(roster.changeDuty(s.id, [a, 'p06'], 'c01', 'set'))).toBe('duty.not-rep') // 孙伟 sits for 七一
    expect(await code(roster.changeDuty(s.id, [a, b, c], 'c01', 'set'))).toBe('duty.too-many')
    expect(await code(roster.changeDuty(s.id, [a, b], 'c01', 'set', undefined, undefined, { expect: ['nobody'] }))).toBe('duty.stale')
    expect((await roster.session(s.id))!.duty).toEqual(duty)
    expect((await roster.session(s.id))!.history).toHaveLength(1)
    h.clock.set(Date.parse('2026-12-25T20:00:00+08:00'))
    expect(await code(roster.changeDuty(s.id, [a, b], 'c01', 'set'))).toBe('session.over')
  })

  test('two concurrent changes expecting the same duty: exactly one wins', async () => {
    h = await Harness.start({ now: '2026-12-06T08:00:00+08:00' })
    const roster = h.app.deps.roster
    const s = (await roster.sessionOn('hpl', '2026-12-25'))!
    const free = repIds('hpl').filter((p) => !s.duty.includes(p))
    const expectNow = [...s.duty]
    const results = await Promise.all(
      free.slice(0, 2).map((p) => roster.changeDuty(s.id, [s.duty[0], p], p, 'volunteer', undefined, undefined, { expect: expectNow })),
    )
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect(results.filter((r) => !r.ok && r.code === 'duty.stale')).toHaveLength(1)
    expect((await roster.session(s.id))!.history).toHaveLength(2)
  })

  test('the lock: a nested call does not wait; work started inside a hold that runs after it does', async () => {
    h = await Harness.start({ now: '2026-12-06T08:00:00+08:00' })
    const roster = h.app.deps.roster
    const order: string[] = []
    const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
    let later: Promise<unknown> | undefined
    await roster.exclusive(async () => {
      await roster.exclusive(async () => order.push('nested'))
      setTimeout(() => (later = roster.exclusive(async () => order.push('later'))), 20)
    })
    await roster.exclusive(async () => {
      order.push('b-start')
      await sleep(60)
      order.push('b-end')
    })
    await sleep(10)
    await later
    expect(order).toEqual(['nested', 'b-start', 'b-end', 'later'])
  })

  test('ensureSession creates a rule date beyond the horizon, but not a date the rule does not yield or a past one', async () => {
    h = await Harness.start({ now: '2026-12-06T08:00:00+08:00' })
    const roster = h.app.deps.roster
    expect((await roster.ensureSession('hpl', '2027-03-10'))?.id).toBe('hpl/2027-03-10')
    expect(await roster.ensureSession('hpl', '2027-03-11')).toBeUndefined()
    expect(await roster.ensureSession('hpl', '2026-11-25')).toBeUndefined()
  })
})

describe('the calendar gap (a year chinese-days does not cover)', () => {
  const warnings = () => h.transport.sent.filter((m) => m.text.includes('还没有2027年的国务院放假安排'))

  test('each studio’s coordinators are warned privately once, across restarts and after the markers expire', async () => {
    h = await Harness.start({ now: '2026-12-06T08:00:00+08:00' })
    expect(warnings().map((m) => m.to)).toEqual(expect.arrayContaining([{ contactId: 'demo-c01' }, { contactId: 'demo-c02' }, { contactId: 'demo-c03' }]))
    expect(warnings()).toHaveLength(3)
    await h.restart()
    // Past the 120-day life of markers: the next post (和平里's 4月26日 announcement) prunes them.
    await h.advanceTo('2027-04-23T09:00:00+08:00')
    expect(h.store.state.data.markers['calendar-gap:hpl:2027']).toBeUndefined()
    await h.restart()
    expect(warnings()).toHaveLength(3)
    expect(h.app.deps.roster.calendarGapYears('hpl', '2026-12-01', '2027-02-28')).toEqual([2027])
    expect(h.app.deps.roster.calendarGapYears('hpl', '2026-01-01', '2026-12-31')).toEqual([])
  })

  test('no warning while the horizon stays within covered years', async () => {
    h = await Harness.start({ now: '2026-06-01T08:00:00+08:00' })
    expect(warnings()).toEqual([])
  })
})
