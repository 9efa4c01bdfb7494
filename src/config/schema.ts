/**
 * The configuration file's shape (one commented YAML file, `LXQ_CONFIG`). zod checks it at the boundary;
 * inside the program the resulting `Config` is trusted. Every message is from the catalogue, so a wrong
 * value reads like `studios[1].reception.days[0]: 32 不是有效日期`.
 */
import { z } from 'zod'
import { zh } from '../text/zh-CN.js'
import { isValidDate } from '../domain/time/local-date.js'
import { parseReceptionRule } from '../domain/calendar/reception-rule.js'

const t = zh.config
const localDate = z.string().refine(isValidDate, { error: (i) => t.badDate(String(i.input)) })
const localTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: (i) => t.badTime(String(i.input)) })
const id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, { error: (i) => t.badId(String(i.input)) })
const role = z.enum(['representative', 'coordinator', 'admin'])
/** An id that may be left empty in the file (`roomId:` with nothing after it): empty means not set. */
const optionalId = z.string().nullish().transform((v) => v || undefined)

const reception = z.object({
  /** Free text such as 每月10日、25日 or 每月第二个周三; or `days: [10, 25]`. */
  rule: z.string().optional(),
  days: z.array(z.number().int().min(1, { error: (i) => t.badDay(String(i.input)) }).max(31, { error: (i) => t.badDay(String(i.input)) })).optional(),
  time: localTime.default('09:00'),
  durationMinutes: z.number().int().positive().default(120),
  place: z.string().min(1),
  perSession: z.number().int().min(1).max(10).default(2),
  announceDaysBefore: z.number().int().min(0).max(30).default(3),
  announceAt: localTime.default('09:00'),
})

const studio = z.object({
  id,
  name: z.string().min(1),
  prefix: z.string().regex(/^[A-Z]{2,3}$/, { error: (i) => t.badPrefix(String(i.input)) }),
  /** The WeChat group's room id, when known; otherwise bind with /绑定本群. */
  roomId: optionalId,
  reception,
  extraHolidays: z.array(localDate).default([]),
  extraWorkdays: z.array(localDate).default([]),
})

const person = z.object({
  id,
  name: z.string().min(1),
  unit: z.string().default(''),
  position: z.string().default(''),
  level: z.enum(['市级', '区级', '镇级']).optional(),
  phone: z.string().optional(),
  studio: z.string().optional(),
  roles: z.array(role).min(1).default(['representative']),
  group: z.string().optional(),
  specialty: z.string().optional(),
  active: z.boolean().default(true),
  /** The WeChat contact id, when the operator knows it: binds at once, no code needed. */
  wechatId: optionalId,
  /** Dates this representative cannot sit (请假预先登记). */
  unavailable: z.array(localDate).default([]),
})

// The fields the cross-checks below read. When these are well formed the cross-checks run even if some
// other field is wrong (zod skips a refinement after an aborting issue such as a string where a number
// belongs), so one typo never hides a duplicate id or an unknown studio: the operator sees every error.
const crossCheckable = z.object({
  studios: z.array(z.looseObject({ id: z.string(), name: z.string(), prefix: z.string(), reception: z.looseObject({ rule: z.string().optional(), days: z.array(z.unknown()).optional(), perSession: z.number() }) })),
  people: z.array(z.looseObject({ id: z.string(), studio: z.string().optional(), roles: z.array(z.string()), active: z.boolean() })),
})

export const configSchema = z
  .object({
    district: z.object({
      name: z.string().min(1),
      /** The liaison office's group (督办 and district summaries go there); admins otherwise. */
      liaisonRoomId: optionalId,
    }),
    bot: z
      .object({
        /** Pause between two sends to WeChat, a random value in [min, max] ms (risk control hates bursts). */
        sendGapMs: z.tuple([z.number().int().min(0), z.number().int().min(0)]).default([1000, 2000]),
        /** A merged message never exceeds this many characters. */
        maxMessageChars: z.number().int().min(200).max(5000).default(1800),
        /** Sends that fail are retried this many times, with growing pauses. */
        retries: z.number().int().min(0).max(20).default(5),
        /** Daily caps (Asia/Shanghai day) against risk control; 0 = no cap. Near a cap the less urgent posts wait. */
        dailyLimit: z
          .object({ account: z.number().int().min(0).default(0), perGroup: z.number().int().min(0).default(0) })
          .prefault({}),
      })
      .prefault({}),
    calendar: z
      .object({ extraHolidays: z.array(localDate).default([]), extraWorkdays: z.array(localDate).default([]) })
      .prefault({}),
    roster: z.object({ horizonMonths: z.number().int().min(1).max(12).default(2) }).prefault({}),
    swaps: z
      .object({
        expireHours: z.number().positive().default(24),
        gapWindowDays: z.number().int().min(1).max(60).default(7),
        gapAlertAt: localTime.default('09:30'),
      })
      .prefault({}),
    reminders: z
      .object({
        /** The private reminder to each duty representative on the day before the session (Asia/Shanghai). */
        dayBeforeAt: localTime.default('18:00'),
        /** The private reminder on the morning of the session (skipped when the session starts earlier). */
        morningAt: localTime.default('08:00'),
        /** Unconfirmed by this time on the day before: the coordinators are told, the gap guard shows the seat at risk. */
        confirmBy: localTime.default('20:00'),
      })
      .prefault({}),
    issues: z
      .object({
        categories: z.array(z.string()).min(1).default(['市容环境', '物业管理', '社会保障', '医疗卫生', '教育', '交通出行', '治安', '供暖供水', '其他']),
        departments: z.array(z.string()).min(1).default(['区教育局', '区卫健委', '区房管局', '区人社局', '区生态环境局', '区城管委', '公安分局', '供热办', '街道办事处']),
        deadlineWorkingDays: z.number().int().min(1).max(90).default(30),
        maxExtensionWorkingDays: z.number().int().min(1).max(60).default(15),
        correctionMinutes: z.number().int().min(0).max(1440).default(10),
        remindWorkingDaysBefore: z.number().int().min(0).max(30).default(3),
        /** 响应率: a transferred issue counts as responded when the department signs for it (签收) within this many working days of the transfer (0 = the same day). */
        respondWithinWorkingDays: z.number().int().min(0).max(30).default(1),
        /** Wall time (Asia/Shanghai) from which the day's deadline reminders go out, so nobody is messaged at midnight. */
        remindAt: localTime.default('09:00'),
        maxLength: z.number().int().min(100).max(20000).default(2000),
      })
      .prefault({}),
    weekly: z
      .object({
        /** ISO weekday of the weekly follow-up, 1 = Monday. */
        weekday: z.number().int().min(1).max(7).default(1),
        at: localTime.default('09:00'),
        /** Overdue by more than this many working days → escalated (督办) to the liaison office. */
        escalateAfterWorkingDays: z.number().int().min(0).default(10),
      })
      .prefault({}),
    evaluation: z
      .object({
        perSessionAttended: z.number().default(10),
        perSessionMissed: z.number().default(-10),
        perSwapCovered: z.number().default(3),
        perIssueRegistered: z.number().default(2),
        perIssueClosed: z.number().default(2),
        thresholds: z.object({ 优秀: z.number(), 称职: z.number(), 基本称职: z.number() }).default({ 优秀: 60, 称职: 30, 基本称职: 10 }),
      })
      .prefault({}),
    /**
     * The web side (issue 18): work orders for departments, the constituents' lookup, the liaison office's
     * pages. Served by the bot's own process on `host:port` (loopback by default: put nginx with HTTPS in
     * front and set `publicUrl` to the address people open).
     */
    web: z
      .object({
        enabled: z.boolean().default(true),
        host: z.string().min(1).default('127.0.0.1'),
        port: z.number().int().min(0).max(65535).default(8080),
        /** The address in links and QR codes (`https://lxq.example.gov.cn`); default `http://host:port`. */
        publicUrl: z.string().url().optional(),
        /** Departments see the constituent's name and phone on a work order (default: masked as in a group). */
        departmentsSeeContacts: z.boolean().default(false),
        /** Requests per minute and IP on a token or lookup page (rate limit). */
        ratePerMinute: z.number().int().min(1).max(10_000).default(30),
        /** Lookups per hour of one issue number (wrong digits included) before it is locked for the hour. */
        lookupsPerIssuePerHour: z.number().int().min(1).max(1000).default(10),
        /** Behind a reverse proxy: trust X-Forwarded-For for the client's address (rate limits, audit). */
        trustProxy: z.boolean().default(false),
        /** The liaison office's pages (src/web/office): their own settings. */
        office: z.looseObject({}).prefault({}),
      })
      .prefault({}),
    studios: z.array(studio).min(1),
    people: z.array(person).min(1),
  })
  .superRefine((c, ctx) => {
    const studioIds = new Set<string>()
    const prefixes = new Set<string>()
    c.studios.forEach((s, i) => {
      if (studioIds.has(s.id)) ctx.addIssue({ code: 'custom', path: ['studios', i, 'id'], message: t.duplicateId(s.id) })
      studioIds.add(s.id)
      if (prefixes.has(s.prefix)) ctx.addIssue({ code: 'custom', path: ['studios', i, 'prefix'], message: t.duplicatePrefix(s.prefix) })
      prefixes.add(s.prefix)
      if (s.reception.rule !== undefined) {
        const r = parseReceptionRule(s.reception.rule)
        if (!r.ok) ctx.addIssue({ code: 'custom', path: ['studios', i, 'reception', 'rule'], message: t.badRule(s.reception.rule) })
      } else if (!s.reception.days?.length) {
        ctx.addIssue({ code: 'custom', path: ['studios', i, 'reception', 'rule'], message: t.required })
      }
    })
    const personIds = new Set<string>()
    c.people.forEach((p, i) => {
      if (personIds.has(p.id)) ctx.addIssue({ code: 'custom', path: ['people', i, 'id'], message: t.duplicateId(p.id) })
      personIds.add(p.id)
      if (p.studio !== undefined && !studioIds.has(p.studio)) ctx.addIssue({ code: 'custom', path: ['people', i, 'studio'], message: t.unknownStudio(p.studio) })
    })
    c.studios.forEach((s, i) => {
      const members = c.people.filter((p) => p.studio === s.id && p.active)
      if (!members.some((p) => p.roles.includes('coordinator'))) ctx.addIssue({ code: 'custom', path: ['studios', i], message: t.noCoordinator(s.name) })
      const reps = members.filter((p) => p.roles.includes('representative')).length
      if (reps < s.reception.perSession) ctx.addIssue({ code: 'custom', path: ['studios', i], message: t.tooFewReps(s.name, reps, s.reception.perSession) })
    })
  }, { when: (payload) => crossCheckable.safeParse(payload.value).success })

export type ConfigInput = z.input<typeof configSchema>
export type Config = z.output<typeof configSchema>
export type StudioConfig = Config['studios'][number]
export type PersonConfig = Config['people'][number]
