/**
 * The holiday calendar for a year chinese-days lacks (issue 15), through the production dispatcher:
 * the provisional calendar from the law in December 2026, then /放假安排 (same message, or the next one)
 * → shown back day by day → /确认放假安排 → stored in <data>/calendar/2027.json and in force at once:
 * the roster re-planned, an announced session on a new day off moved with a 更正 post, deadlines recounted.
 * The 2027 notice is a made-up one in the real format (fixtures/holiday-notices/2027-hypothetical.txt).
 */
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import path from 'node:path'
import { Harness, demoConfig } from '../support/harness.js'

const NOTICE = readFileSync(fileURLToPath(new URL('../fixtures/holiday-notices/2027-hypothetical.txt', import.meta.url)), 'utf8')
  .split('\n')
  .filter((l) => !l.startsWith('#'))
  .join('\n')
const ADMIN = '钱敏'
let h: Harness
afterEach(async () => {
  await h.close()
})

const dates = async (studio: string, from: string, to: string) => (await h.app.deps.roster.sessionsBetween(studio, from, to)).map((s) => s.date)

describe('December 2026: 2027 is provisional', () => {
  test('/值班表 2027年1月 and 2月: no session on 1 January or 5–8 February, and the year is called provisional', async () => {
    h = await Harness.start({ now: '2026-12-06T08:00:00+08:00' })
    const [jan] = await h.say('孙伟', '/值班表 2027年1月', 'qyl')
    expect(jan).not.toContain('1月1日')
    expect(jan).toContain('1月4日（周一）') // 1日 rule: 元旦 (statutory) → next working day
    expect(jan).toContain('2027年的国务院放假安排还没有载入，暂按临时日历推算')
    for (const studio of ['hpl', 'qyl', 'xbl']) {
      const all = await dates(studio, '2027-01-01', '2027-02-28')
      expect(all.filter((d) => d === '2027-01-01' || (d >= '2027-02-05' && d <= '2027-02-08'))).toEqual([])
    }
    const [feb] = await h.say('张明华', '/值班表 2027年2月', 'hpl')
    expect(feb).toContain('2月10日（周三）')
    expect(feb).toContain('临时日历')
  })
})

describe('calendar.extraHolidays / extraWorkdays on top of every source', () => {
  test('provisional, then the notice: the district extras still apply', async () => {
    const config = demoConfig((t) => t.replace('  extraHolidays: []', "  extraHolidays: ['2027-02-15', '2027-01-04']"))
    h = await Harness.start({ now: '2026-12-06T08:00:00+08:00', config })
    expect(await dates('qyl', '2027-01-01', '2027-01-31')).toEqual(['2027-01-05', '2027-01-15']) // 元旦 (law), 4 Jan (extra)
    await h.say(ADMIN, '/放假安排 ' + NOTICE)
    await h.say(ADMIN, '/确认放假安排')
    expect(await dates('hpl', '2027-02-01', '2027-02-28')).toEqual(['2027-02-16', '2027-02-25']) // 10 Feb (notice), 15 Feb (extra)
    expect(await dates('qyl', '2027-01-01', '2027-01-31')).toEqual(['2027-01-05', '2027-01-15'])
  })
})

describe('/我的值班 in a provisional year', () => {
  test('duties in 2027 carry the note until the notice is loaded', async () => {
    h = await Harness.start({ now: '2026-12-06T08:00:00+08:00' })
    const me = (await h.app.deps.roster.sessionsBetween('hpl', '2027-01-01', '2027-02-28')).flatMap((s) => s.duty)[0]
    const name = h.config.people.find((p) => p.id === me)!.name
    expect((await h.say(name, '/我的值班'))[0]).toContain('2027年的国务院放假安排还没有载入')
    await h.say(ADMIN, '/放假安排 ' + NOTICE)
    await h.say(ADMIN, '/确认放假安排')
    expect((await h.say(name, '/我的值班'))[0]).not.toContain('临时日历')
  })
})

describe('/放假安排 → /确认放假安排', () => {
  test('only an admin, only in private', async () => {
    h = await Harness.start({ now: '2026-12-06T08:00:00+08:00' })
    expect((await h.say('刘芳', '/放假安排 ' + NOTICE))[0]).toContain('管理员')
    expect((await h.say(ADMIN, '/放假安排', 'hpl'))[0]).toContain('私聊')
  })

  test('the same message: shown back day by day with weekdays; nothing changes before the confirmation', async () => {
    h = await Harness.start({ now: '2026-12-06T08:00:00+08:00' })
    const [preview] = await h.say(ADMIN, '/放假安排 ' + NOTICE)
    expect(preview).toContain('读到 2027 年的放假安排：放假 28 天，调休上班 5 天。')
    expect(preview).toContain('春节\n  放假：2月5日（周五）、2月6日（周六）、2月7日（周日）、2月8日（周一）、2月9日（周二）、2月10日（周三）、2月11日（周四）、2月12日（周五）\n  上班：2月20日（周六）')
    expect(preview).toContain('机器人现在用的是：2027年临时日历')
    expect(preview).toContain('国庆节\n  放假：10月1日（周五）、10月2日（周六）、10月3日（周日）、10月4日（周一）、10月5日（周二）、10月6日（周三）、10月7日（周四）\n  上班：9月26日（周日）、10月9日（周六）')
    // What changes against the provisional calendar: weekdays newly off, and the make-up days.
    expect(preview).toContain('· 新增放假：2月9日（周二）、2月10日（周三）、2月11日（周四）、2月12日（周五）、5月3日（周一）、5月4日（周二）、5月5日（周三）、10月4日（周一）')
    expect(preview).toContain('· 调休上班：2月20日（周六）、4月25日（周日）、5月8日（周六）、9月26日（周日）、10月9日（周六）')
    expect(preview).toContain('/确认放假安排')
    // Nothing changed yet
    expect(await dates('hpl', '2027-02-01', '2027-02-28')).toContain('2027-02-10')
    expect(existsSync(path.join(h.dir, 'calendar', '2027.json'))).toBe(false)
  })

  test('a statutory day the notice does not give off is shown as no longer off', async () => {
    h = await Harness.start({ now: '2026-12-06T08:00:00+08:00' })
    const moved = NOTICE.replace('五、端午节：6月9日（周三）放假，共1天。', '五、端午节：6月10日（周四）放假，共1天。')
    const [preview] = await h.say(ADMIN, '/放假安排 ' + moved)
    expect(preview).toContain('6月10日（周四）')
    expect(preview).toContain('· 不再放假：6月9日（周三）')
  })

  test('confirmed: stored, in force at once, the roster follows it; survives a restart', async () => {
    h = await Harness.start({ now: '2026-12-06T08:00:00+08:00' })
    await h.say(ADMIN, '/放假安排 ' + NOTICE)
    const [done] = await h.say(ADMIN, '/确认放假安排')
    expect(done).toContain('已保存并启用 2027 年国务院放假安排')
    expect(done).toContain('已公告的接待日都不受影响。')
    expect(done).toContain('未公告的接待日已按新安排重排：取消 2 场，新排 2 场。') // 和平里 and 小白楼: 10 → 15 February
    const file = JSON.parse(readFileSync(path.join(h.dir, 'calendar', '2027.json'), 'utf8'))
    expect(file).toMatchObject({ version: 1, year: 2027, confirmedBy: 'a01', workdays: ['2027-02-20', '2027-04-25', '2027-05-08', '2027-09-26', '2027-10-09'] })
    expect(h.app.deps.calendars.sourceOf(2027)).toBe('notice')
    // 10日 rule: 10 February is now off → Monday 15 February; the unannounced session was re-planned.
    expect(await dates('hpl', '2027-02-01', '2027-02-28')).toEqual(['2027-02-15', '2027-02-25'])
    const [feb] = await h.say('张明华', '/值班表 2027年2月', 'hpl')
    expect(feb).toContain('2月15日（周一）')
    expect(feb).not.toContain('2月10日')
    expect(feb).not.toContain('临时日历')
    // A second confirmation has nothing to confirm.
    expect((await h.say(ADMIN, '/确认放假安排'))[0]).toContain('没有待确认的放假安排')
    await h.restart()
    expect(h.app.deps.calendars.sourceOf(2027)).toBe('notice')
    expect(await dates('hpl', '2027-02-01', '2027-02-28')).toEqual(['2027-02-15', '2027-02-25'])
  })

  test('a bare /放假安排, then the text in the next message', async () => {
    h = await Harness.start({ now: '2026-12-06T08:00:00+08:00' })
    expect((await h.say(ADMIN, '/放假安排'))[0]).toContain('请在下一条消息里粘贴')
    const [preview] = await h.say(ADMIN, NOTICE)
    expect(preview).toContain('读到 2027 年的放假安排')
    expect((await h.say(ADMIN, '/确认放假安排'))[0]).toContain('已保存并启用')
    // Only the next message: a later plain message is chat again.
    expect(await h.say(ADMIN, NOTICE)).toEqual([])
    // A command in between ends the wait too.
    await h.say(ADMIN, '/放假安排')
    expect((await h.say(ADMIN, '/我是谁'))[0]).toContain('钱敏')
    expect(await h.say(ADMIN, NOTICE)).toEqual([])
  })

  test('the wait for the text ends after 30 minutes', async () => {
    h = await Harness.start({ now: '2026-12-06T08:00:00+08:00' })
    await h.say(ADMIN, '/放假安排')
    h.clock.set(Date.parse('2026-12-06T08:31:00+08:00'))
    expect(await h.say(ADMIN, NOTICE)).toEqual([])
    await h.say(ADMIN, '/放假安排 ' + NOTICE)
    h.clock.set(Date.parse('2026-12-06T09:02:00+08:00'))
    expect((await h.say(ADMIN, '/确认放假安排'))[0]).toContain('已超过 30 分钟')
    expect(h.app.deps.calendars.sourceOf(2027)).toBe('provisional')
  })

  test('a text that does not read in full: the reply names the line, nothing is kept', async () => {
    h = await Harness.start({ now: '2026-12-06T08:00:00+08:00' })
    const bad = NOTICE.replace('2月20日（周六）上班', '2月20日（周日）上班')
    const [reply] = await h.say(ADMIN, '/放假安排 ' + bad)
    expect(reply).toMatch(/第 \d+ 行：2月20日不是周日，没有保存任何内容/)
    expect((await h.say(ADMIN, '/确认放假安排'))[0]).toContain('没有待确认的放假安排')
    const [garbled] = await h.say(ADMIN, '/放假安排 国务院办公厅关于2027年部分节假日安排的通知\n二、春节：另行通知。')
    expect(garbled).toContain('读不懂')
    expect(garbled).toContain('二、春节:另行通知。')
  })

  test('an announced session that falls on a new day off moves to the next working day with a 更正 post', async () => {
    // 8 February 2027: the 10 February session of 和平里 was announced on the 7th (3 days ahead).
    h = await Harness.start({ now: '2027-02-08T10:00:00+08:00' })
    const s = (await h.app.deps.roster.sessionOn('hpl', '2027-02-10'))!
    expect(h.app.deps.roster.isAnnounced(s)).toBe(true)
    const duty = [...s.duty]
    await h.say(ADMIN, '/放假安排 ' + NOTICE)
    const before = h.transport.sent.length
    const replies = await h.say(ADMIN, '/确认放假安排')
    // 和平里 (10日) and 小白楼 (second Wednesday) both had 10 February announced.
    expect(replies.find((r) => r.startsWith('已保存并启用'))).toContain('已公告的接待日：2 场落在放假日，已顺延到下一个工作日并在群里发了更正。')
    expect(h.sentTo('xbl').at(-1)!.text).toContain('【更正】小白楼工作室 原定2027年2月10日（周三）的党代表接待日')
    const posts = h.transport.sent.slice(before)
    const group = posts.filter((m) => 'roomId' in m.to && m.to.roomId === h.room('hpl'))
    expect(group).toHaveLength(1)
    expect(group[0].text).toContain('【更正】和平里工作室 原定2027年2月10日（周三）的党代表接待日，按国务院放假安排该日放假，顺延到2027年2月15日（周一） 18:00–20:00。')
    const toCoordinator = posts.filter((m) => 'contactId' in m.to && m.to.contactId === h.contact('刘芳'))
    expect(toCoordinator.map((m) => m.text).join('\n')).toContain('原定2月10日（周三）的接待日因国务院放假安排顺延到2月15日（周一）')
    const moved = (await h.app.deps.roster.sessionOn('hpl', '2027-02-15'))!
    expect(moved.duty).toEqual(duty)
    expect(h.app.deps.roster.isAnnounced(moved)).toBe(true)
    expect((await h.app.deps.roster.sessionOn('hpl', '2027-02-10'))!.cancelled?.reason).toContain('顺延到2月15日')
    // The announcement job does not announce the moved session again, and nothing more is corrected.
    const later = await h.advanceTo('2027-02-12T09:00:00+08:00')
    const hplRoom = h.room('hpl')
    expect(later.filter((m) => 'roomId' in m.to && m.to.roomId === hplRoom && m.text.includes('2月15日'))).toEqual([])
  })

  test('open issues: deadlines recounted on the new calendar, the coordinator told once', async () => {
    h = await Harness.start({ now: '2027-01-20T10:00:00+08:00' })
    await h.say('刘芳', '/登记 王大爷 13812345678 楼道灯坏了半个月', 'hpl')
    const id = (await h.app.deps.issues.openIssues('hpl'))[0].id
    await h.say('刘芳', `/转办 ${id} 房管局 15`, 'hpl')
    const before = (await h.app.deps.issues.get(id))!.deadline
    expect(before).toBe('2027-02-12') // provisional: 5–8 February off
    await h.say(ADMIN, '/放假安排 ' + NOTICE)
    const sent = h.transport.sent.length
    const replies = await h.say(ADMIN, '/确认放假安排')
    expect(replies.find((r) => r.startsWith('已保存并启用'))).toContain('1 件有变化')
    const after = (await h.app.deps.issues.get(id))!
    expect(after.deadline).toBe('2027-02-18') // 9–12 February off too
    expect(after.history.at(-1)).toMatchObject({ kind: 'recalendar', field: 'deadline', before: '2027-02-12', deadline: '2027-02-18' })
    const told = h.transport.sent.slice(sent).filter((m) => 'contactId' in m.to && m.to.contactId === h.contact('刘芳'))
    expect(told.map((m) => m.text).join('\n')).toContain(`${id} 的承办期限按新的放假安排重算：2月12日（周五） → 2月18日（周四）`)
    const [view] = await h.say('刘芳', `/查询 ${id}`)
    expect(view).toContain('按新的国务院放假安排重算承办期限')
  })
})

describe('announcements in a provisional year', () => {
  test('say the date may still move; once the notice is loaded they do not', async () => {
    h = await Harness.start({ now: '2026-12-31T08:00:00+08:00' })
    // 七一社区 (1日、15日, announced 3 days ahead at 09:00): 4 January 2027 (元旦 moved it) on 1 January.
    const posts = await h.advanceTo('2027-01-01T09:00:00+08:00')
    const qyl = posts.filter((m) => 'roomId' in m.to && m.to.roomId === h.room('qyl'))
    expect(qyl.map((m) => m.text).join('\n')).toContain('时间：2027年1月4日（周一）')
    expect(qyl.map((m) => m.text).join('\n')).toContain('（2027年国务院放假安排尚未载入，本场按临时日历安排，如有调整将发更正。）')
    await h.say(ADMIN, '/放假安排 ' + NOTICE)
    await h.say(ADMIN, '/确认放假安排')
    const next = await h.advanceTo('2027-01-12T09:00:00+08:00')
    const qyl15 = next.filter((m) => 'roomId' in m.to && m.to.roomId === h.room('qyl')).map((m) => m.text).join('\n')
    expect(qyl15).toContain('时间：2027年1月15日（周五）')
    expect(qyl15).not.toContain('临时日历')
  })
})

describe('a notice file imported from the console', () => {
  test('is picked up by the next due-check without a restart', async () => {
    h = await Harness.start({ now: '2026-12-06T08:00:00+08:00' })
    const { parseHolidayNotice } = await import('../../src/domain/calendar/parse-holiday-notice.js')
    const { saveNotice } = await import('../../src/app/holiday-notice-file.js')
    const r = parseHolidayNotice(NOTICE)
    if (!r.ok) throw new Error('fixture does not parse')
    await saveNotice(h.dir, { year: 2027, holidays: r.value.holidays, workdays: r.value.workdays, confirmedAt: 0, confirmedBy: 'console', text: NOTICE })
    expect(h.app.deps.calendars.sourceOf(2027)).toBe('provisional')
    await h.advanceTo('2026-12-06T08:01:00+08:00')
    expect(h.app.deps.calendars.sourceOf(2027)).toBe('notice')
    expect(await dates('hpl', '2027-02-01', '2027-02-28')).toEqual(['2027-02-15', '2027-02-25'])
  })

  test('imported while the bot was stopped: carried out at the next start, once', async () => {
    h = await Harness.start({ now: '2027-02-08T10:00:00+08:00' })
    const { parseHolidayNotice } = await import('../../src/domain/calendar/parse-holiday-notice.js')
    const { saveNotice } = await import('../../src/app/holiday-notice-file.js')
    const r = parseHolidayNotice(NOTICE)
    if (!r.ok) throw new Error('fixture does not parse')
    // As if the bot were down while the console wrote the file (npm run calendar -- import): the restart reads it.
    await saveNotice(h.dir, { year: 2027, holidays: r.value.holidays, workdays: r.value.workdays, confirmedAt: 1, confirmedBy: 'console', text: NOTICE })
    await h.restart()
    const corrections = () => h.sentTo('hpl').filter((m) => m.text.startsWith('【更正】'))
    expect(corrections()).toHaveLength(1)
    expect((await h.app.deps.roster.sessionOn('hpl', '2027-02-15'))!.announcedAt).toBeDefined()
    await h.restart()
    expect(corrections()).toHaveLength(1)
  })
})

describe('start-up: a notice file that does not read', () => {
  test('stops start-up naming the file, which is left as it was', async () => {
    const dir = (await import('node:os')).tmpdir() + `/lxq-notice-bad-${process.pid}-${Date.now()}`
    mkdirSync(path.join(dir, 'calendar'), { recursive: true })
    const file = path.join(dir, 'calendar', '2027.json')
    writeFileSync(file, '{"version":1,"year":2027,"holidays":["2027-01-01"]')
    await expect(Harness.start({ now: '2026-12-06T08:00:00+08:00', dir })).rejects.toThrow(file)
    expect(readFileSync(file, 'utf8')).toBe('{"version":1,"year":2027,"holidays":["2027-01-01"]')
    writeFileSync(file, JSON.stringify({ version: 9, year: 2027, holidays: [], workdays: [], confirmedAt: 0, confirmedBy: 'x', text: '' }))
    await expect(Harness.start({ now: '2026-12-06T08:00:00+08:00', dir })).rejects.toThrow(file)
    h = await Harness.start({ now: '2026-12-06T08:00:00+08:00' }) // for afterEach
    ;(await import('node:fs')).rmSync(dir, { recursive: true, force: true })
  })
})

describe('start-up: a loaded year that chinese-days covers too', () => {
  test('a difference is told to the admins once; agreement is only logged', async () => {
    const dir = (await import('node:os')).tmpdir() + `/lxq-notice-${process.pid}-${Date.now()}`
    mkdirSync(path.join(dir, 'calendar'), { recursive: true })
    const { parseHolidayNotice } = await import('../../src/domain/calendar/parse-holiday-notice.js')
    const text = readFileSync(fileURLToPath(new URL('../fixtures/holiday-notices/2026.txt', import.meta.url)), 'utf8')
    const r = parseHolidayNotice(text)
    if (!r.ok) throw new Error('fixture does not parse')
    // As if loaded from a notice, one day misread: 9 May kept as a day off, not the make-up day.
    const stored = { version: 1, year: 2026, holidays: [...r.value.holidays, '2026-05-08'], workdays: r.value.workdays.filter((d) => d !== '2026-05-09'), confirmedAt: 0, confirmedBy: 'a01', text }
    writeFileSync(path.join(dir, 'calendar', '2026.json'), JSON.stringify(stored))
    h = await Harness.start({ now: '2026-12-06T08:00:00+08:00', dir })
    const toAdmin = h.transport.sent.filter((m) => 'contactId' in m.to && m.to.contactId === h.contact(ADMIN)).map((m) => m.text)
    expect(toAdmin).toHaveLength(1)
    expect(toAdmin[0]).toContain('chinese-days 现已收录2026年的放假安排，与已确认载入的国务院通知不一致')
    expect(toAdmin[0]).toContain('只有通知放假：5月8日（周五）')
    expect(toAdmin[0]).toContain('只有 chinese-days 调休上班：5月9日（周六）')
    await h.restart()
    expect(h.transport.sent.filter((m) => m.text.includes('【核对】'))).toHaveLength(1)
  })
})

describe('/转办 with a deadline in a provisional year', () => {
  test('the reply says the deadline is counted on the provisional calendar; within a year that has its notice, nothing is said', async () => {
    h = await Harness.start({ now: '2026-12-07T10:00:00+08:00' })
    await h.say('张明华', '/登记 王大爷 13812345678 和平里3号楼 楼道灯坏了半个月', 'hpl')
    await h.say('张明华', '/登记 李阿姨 13812345679 幸福小区 门口垃圾没人清', 'hpl')
    const note = '2027年国务院放假安排还没有载入，期限按临时日历推算'
    // 30 working days from 12-07 end in January 2027; 5 end in 2026 (chinese-days knows 2026).
    const [late] = await h.say('刘芳', '/转办 HP-2026-0001 区房管局 30')
    expect(late).toContain('请于 2027年1月')
    expect(late).toContain(note)
    const [soon] = await h.say('刘芳', '/转办 HP-2026-0002 区房管局 5')
    expect(soon).toContain('请于 12月14日')
    expect(soon).not.toContain('临时日历')
    // Once the notice is loaded, a deadline in 2027 is counted on it and the note goes.
    await h.say(ADMIN, '/放假安排 ' + NOTICE)
    await h.say(ADMIN, '/确认放假安排')
    await h.say('张明华', '/登记 赵大姐 13812345670 和平里5号楼 暖气不热', 'hpl')
    const [after] = await h.say('刘芳', '/转办 HP-2026-0003 区房管局 30')
    expect(after).toContain('请于 2027年')
    expect(after).not.toContain('临时日历')
  })
})
