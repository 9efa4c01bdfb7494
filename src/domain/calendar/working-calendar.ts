/**
 * Working days in mainland China (State Council calendar), per studio.
 *
 * Why: reception days move to the next working day (如遇节假日顺延) and issue deadlines are counted in
 * working days (转办 5 个工作日, 答复 30 个工作日). Both need the official calendar, including the make-up
 * working weekends (调休上班): a Saturday can be a working day and a Wednesday a holiday.
 *
 * Source of truth: the `chinese-days` package. We read its published data file
 * (`dist/chinese-days.json`) and NOT its functions: the functions build their tables with local-time
 * `Date` getters on top of UTC-parsed strings, so in a time zone west of UTC (America/*) every holiday
 * and make-up day comes out one day early. The data file was generated once and is time-zone free.
 * The package exposes no "which years do you know" call; a year is covered when its data holds at least
 * one holiday of that year (1.5.7: 2004–2026). Next year's calendar is published each November, so a
 * year without data is an expected gap (see the sources below); callers warn (`sourceOf`).
 *
 * Where a year's days off come from (`sourceOf`), first that applies:
 * 1. `notice`: the State Council's notice for that year, loaded from its text and confirmed by an admin
 *    (parse-holiday-notice.ts, app/holiday-notices.ts): weekends plus its days off and make-up days. It
 *    wins over the package, because it is what the admin confirmed; the start-up comparison reports any
 *    difference once a newer package covers the year too.
 * 2. `package`: chinese-days' data.
 * 3. `provisional`: the days the holiday regulation itself fixes (statutory-holidays.ts: 元旦, 春节 from
 *    除夕, 清明, 1–2 May, 端午, 中秋, 1–3 October) plus weekends, until the notice is loaded.
 * 4. `weekends`: outside the lunar tables' range (before 1901, after 2099) only.
 * A notice's days outside its year (元旦 2023 began on 2022-12-31) apply to that other year too.
 *
 * Per-studio `extraHolidays` / `extraWorkdays` override all of these. A date listed in both counts as a
 * holiday (closed is the safe reading; config validation should reject it anyway).
 *
 * Speed: a year is turned once into a byte per day (library part cached per process and shared; a
 * calendar copies it only for a year where it has extras), so every query is an array lookup; loops
 * step day indexes and read cached date strings, never format or split strings.
 */
import { createRequire } from 'node:module'
import type { LocalDate } from '../time/local-date.js'
import { makeDate, splitDate } from '../time/local-date.js'
import { chineseDaysLunar, LUNAR_YEARS } from './lunar.js'
import { statutoryHolidays } from './statutory-holidays.js'

export interface WorkingCalendar {
  /** True on a working day (Mon–Fri not a holiday, or a make-up working weekend, or an extra workday). */
  isWorkingDay(d: LocalDate): boolean
  /** `d` itself when it is a working day, else the first working day after it. */
  nextWorkingDayOnOrAfter(d: LocalDate): LocalDate
  /**
   * The n-th working day after `d`, not counting `d` (deadline arithmetic: "within 5 working days" of a
   * Friday is the next Friday). `n = 0` returns `d` unchanged; negative `n` counts backwards (the |n|-th
   * working day before `d`).
   */
  addWorkingDays(d: LocalDate, n: number): LocalDate
  /**
   * Working days in the half-open range (a, b]: after `a`, up to and including `b`. 0 when a = b;
   * negative (−count of (b, a]) when b is before a. So `workingDaysBetween(d, addWorkingDays(d, n)) === n`.
   */
  workingDaysBetween(a: LocalDate, b: LocalDate): number
  /** True when a published calendar (the package's, or a loaded notice) holds the year. */
  isYearCovered(year: number): boolean
  /** Where the year's days off come from (see the file comment). */
  sourceOf(year: number): YearSource
}

export type YearSource = 'notice' | 'package' | 'provisional' | 'weekends'

/** A year's State Council notice as loaded: its days off and make-up working days (any year). */
export interface NoticeDays {
  holidays: LocalDate[]
  workdays: LocalDate[]
}

export interface WorkingCalendarOptions {
  extraHolidays?: LocalDate[]
  extraWorkdays?: LocalDate[]
  /** Loaded notices by the year they are for. */
  notices?: ReadonlyMap<number, NoticeDays>
}

/** The package's data for a year (days off, make-up days), or undefined when it does not cover it. */
export function packageYear(year: number): NoticeDays | undefined {
  const lib = libraryYears.get(year)
  if (!lib?.covered) return undefined
  return { holidays: lib.holidays.map((i) => dateFromIndex(year, i)).sort(), workdays: lib.workdays.map((i) => dateFromIndex(year, i)).sort() }
}

/** The source a year has when no notice is loaded for it. */
function baseSourceOf(year: number): YearSource {
  if (libraryYears.get(year)?.covered) return 'package'
  return year >= LUNAR_YEARS.from && year <= LUNAR_YEARS.to ? 'provisional' : 'weekends'
}

interface ChineseDaysData {
  holidays: Record<string, string>
  workdays: Record<string, string>
}

/** The library's data, by year: holiday and make-up workday day-of-year indexes. */
interface LibraryYear {
  covered: boolean
  holidays: number[]
  workdays: number[]
}

const DAY_MS = 86_400_000
/** Days before month m (1-based) in a non-leap year. */
const MONTH_START = [0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334]

const isLeap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0
const yearLength = (y: number): number => (isLeap(y) ? 366 : 365)

/** 0-based day of the year. */
function dayOfYear(y: number, m: number, d: number): number {
  return MONTH_START[m] + (m > 2 && isLeap(y) ? 1 : 0) + d - 1
}

/** Every date string of a year, built once per process: stepping days never formats strings. */
const dateStrings = new Map<number, LocalDate[]>()
function dateFromIndex(y: number, i: number): LocalDate {
  let list = dateStrings.get(y)
  if (!list) {
    const start = Date.UTC(y, 0, 1)
    list = Array.from({ length: yearLength(y) }, (_, k) => {
      const t = new Date(start + k * DAY_MS)
      return makeDate(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate())
    })
    dateStrings.set(y, list)
  }
  return list[i]
}

/** Digit at position `at` of a `YYYY-MM-DD` string (hot path: no split/Number allocations). */
const digit = (d: LocalDate, at: number): number => d.charCodeAt(at) - 48
const yearOfDate = (d: LocalDate): number => digit(d, 0) * 1000 + digit(d, 1) * 100 + digit(d, 2) * 10 + digit(d, 3)
const indexInYear = (d: LocalDate, y: number): number =>
  dayOfYear(y, digit(d, 5) * 10 + digit(d, 6), digit(d, 8) * 10 + digit(d, 9))

/** ISO weekday (1 = Monday … 7 = Sunday) of 1 January. */
function jan1Weekday(y: number): number {
  const w = new Date(Date.UTC(y, 0, 1)).getUTCDay()
  return w === 0 ? 7 : w
}

const libraryYears: Map<number, LibraryYear> = (() => {
  const require = createRequire(import.meta.url)
  const data = require('chinese-days/dist/chinese-days.json') as ChineseDaysData
  const years = new Map<number, LibraryYear>()
  const entry = (y: number): LibraryYear => {
    let e = years.get(y)
    if (!e) years.set(y, (e = { covered: false, holidays: [], workdays: [] }))
    return e
  }
  for (const date of Object.keys(data.holidays)) {
    const [y, m, d] = splitDate(date)
    const e = entry(y)
    e.covered = true
    e.holidays.push(dayOfYear(y, m, d))
  }
  for (const date of Object.keys(data.workdays)) {
    const [y, m, d] = splitDate(date)
    entry(y).workdays.push(dayOfYear(y, m, d))
  }
  return years
})()

/** Per-year working-day bytes for one calendar, plus its total. */
interface YearTable {
  work: Uint8Array
  total: number
}

const sumOf = (work: Uint8Array): number => {
  let total = 0
  for (let i = 0; i < work.length; i++) total += work[i]
  return total
}

/** Weekends plus the package's data (or the provisional days) per year, shared by every calendar without notice or extras that year. */
const baseTables = new Map<number, YearTable>()
function baseTable(y: number): YearTable {
  let t = baseTables.get(y)
  if (t) return t
  const work = weekendsOnly(y)
  const lib = libraryYears.get(y)
  if (lib?.covered) {
    for (const i of lib.holidays) work[i] = 0
    for (const i of lib.workdays) work[i] = 1
  } else if (baseSourceOf(y) === 'provisional') {
    for (const d of statutoryHolidays(y, chineseDaysLunar)) work[indexInYear(d.date, y)] = 0
  }
  t = { work, total: sumOf(work) }
  baseTables.set(y, t)
  return t
}

export function createWorkingCalendar(opts: WorkingCalendarOptions = {}): WorkingCalendar {
  const extraHolidays = groupByYear(opts.extraHolidays ?? [])
  const extraWorkdays = groupByYear(opts.extraWorkdays ?? [])
  const notices = opts.notices ?? new Map<number, NoticeDays>()
  // Every notice's days by the year they fall in (a notice can reach into the year before).
  const noticeOff = groupByYear([...notices.values()].flatMap((n) => n.holidays))
  const noticeWork = groupByYear([...notices.values()].flatMap((n) => n.workdays))
  const tables = new Map<number, YearTable>()

  function table(y: number): YearTable {
    let t = tables.get(y)
    if (t) return t
    const plusWork = extraWorkdays.get(y)
    const plusOff = extraHolidays.get(y)
    const own = notices.has(y)
    const nOff = noticeOff.get(y)
    const nWork = noticeWork.get(y)
    if (!plusWork && !plusOff && !own && !nOff && !nWork) t = baseTable(y)
    else {
      // The year's own notice replaces the package's days (or the provisional ones): weekends under it.
      const work = own ? weekendsOnly(y) : baseTable(y).work.slice()
      for (const i of nWork ?? []) work[i] = 1
      for (const i of nOff ?? []) work[i] = 0
      for (const i of plusWork ?? []) work[i] = 1
      for (const i of plusOff ?? []) work[i] = 0
      t = { work, total: sumOf(work) }
    }
    tables.set(y, t)
    return t
  }

  /** Working days in [Jan 1, index] of year y (inclusive). */
  function countThrough(y: number, index: number): number {
    const w = table(y).work
    let c = 0
    for (let i = 0; i <= index; i++) c += w[i]
    return c
  }

  function isWorkingDay(d: LocalDate): boolean {
    const y = yearOfDate(d)
    return table(y).work[indexInYear(d, y)] === 1
  }

  function step(d: LocalDate, n: number, includeStart: boolean): LocalDate {
    let y = yearOfDate(d)
    let i = indexInYear(d, y)
    let w = table(y).work
    const dir = n < 0 ? -1 : 1
    let left = Math.abs(n)
    if (includeStart && w[i] === 1) return d
    if (includeStart) left = 1
    while (left > 0) {
      i += dir
      if (i >= w.length) {
        y += 1
        i = 0
        w = table(y).work
      } else if (i < 0) {
        y -= 1
        w = table(y).work
        i = w.length - 1
      }
      if (w[i] === 1) left--
    }
    return dateFromIndex(y, i)
  }

  function workingDaysBetween(a: LocalDate, b: LocalDate): number {
    if (a === b) return 0
    if (b < a) return -workingDaysBetween(b, a)
    const ya = yearOfDate(a)
    const yb = yearOfDate(b)
    const ia = indexInYear(a, ya)
    const ib = indexInYear(b, yb)
    if (ya === yb) {
      const w = table(ya).work
      let c = 0
      for (let i = ia + 1; i <= ib; i++) c += w[i]
      return c
    }
    let c = table(ya).total - countThrough(ya, ia)
    for (let y = ya + 1; y < yb; y++) c += table(y).total
    return c + countThrough(yb, ib)
  }

  return {
    isWorkingDay,
    nextWorkingDayOnOrAfter: (d) => step(d, 1, true),
    addWorkingDays: (d, n) => (n === 0 ? d : step(d, n, false)),
    workingDaysBetween,
    isYearCovered: (year) => notices.has(year) || libraryYears.get(year)?.covered === true,
    sourceOf: (year) => (notices.has(year) ? 'notice' : baseSourceOf(year)),
  }
}

function weekendsOnly(y: number): Uint8Array {
  const n = yearLength(y)
  const work = new Uint8Array(n)
  let wd = jan1Weekday(y)
  for (let i = 0; i < n; i++) {
    work[i] = wd <= 5 ? 1 : 0
    wd = wd === 7 ? 1 : wd + 1
  }
  return work
}

function groupByYear(dates: LocalDate[]): Map<number, number[]> {
  const out = new Map<number, number[]>()
  for (const date of dates) {
    const [y, m, d] = splitDate(date)
    const list = out.get(y) ?? []
    list.push(dayOfYear(y, m, d))
    out.set(y, list)
  }
  return out
}

/**
 * Everything the calendars of a district are made of, as plain data (for work done in another thread):
 * the district's extra days, each studio's (the district's already included, as the directory builds
 * them) and the loaded State Council notices.
 */
export interface CalendarSpec {
  district: { extraHolidays: LocalDate[]; extraWorkdays: LocalDate[] }
  studios: { id: string; extraHolidays: LocalDate[]; extraWorkdays: LocalDate[] }[]
  notices: [number, NoticeDays][]
}

/** A studio's calendar from a spec (a studio not in it: the district's), each built once. */
export function calendarsFromSpec(spec: CalendarSpec): (studioId?: string) => WorkingCalendar {
  const notices = new Map(spec.notices)
  const district = createWorkingCalendar({ ...spec.district, notices })
  const byId = new Map(spec.studios.map((s) => [s.id, s]))
  const built = new Map<string, WorkingCalendar>()
  return (studioId) => {
    const s = studioId ? byId.get(studioId) : undefined
    if (!s) return district
    let cal = built.get(s.id)
    if (!cal) built.set(s.id, (cal = createWorkingCalendar({ extraHolidays: s.extraHolidays, extraWorkdays: s.extraWorkdays, notices })))
    return cal
  }
}
