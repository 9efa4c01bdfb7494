/**
 * A city-sized configuration for the benchmark and the chaos suite: `studios` studios (default 230),
 * each with a coordinator and `repsPerStudio` representatives, all with WeChat ids of the mock gateway
 * and a bound group, plus an admin in the liaison office's group. Valid for src/config/schema.ts (the
 * generator parses it before returning). Pacing is off unless `sendGapMs` is given.
 */
import { stringify } from 'yaml'
import { parseConfigText } from '../src/config/load-config.js'
import type { Config } from '../src/config/schema.js'
import { COMMUNITIES, CATEGORIES, personName, pick, seededRandom, mobile } from './synthetic.js'

export interface BenchConfigOptions {
  studios?: number
  repsPerStudio?: number
  sendGapMs?: [number, number]
  seed?: number
}

export const DEPARTMENTS = ['区教育局', '区卫健委', '区房管局', '区人社局', '区生态环境局', '区城管委', '公安分局', '区供热办', '区水务局', '区交通局', '区民政局', '街道办事处']

const RULES = ['每月10日、25日', '每月1日、15日', '每月第二个周三', '每月5日、20日', '每月最后一个周五', '每月第一个周二、第三个周四']
const UNITS = ['区教育局', '区卫健委', '社区卫生服务站', '第二十一中学', '区房管局', '街道办事处', '区人社局', '区城管委', '区医院', '实验小学', '区税务局', '供电公司']
const POSITIONS = ['副局长', '科长', '站长', '党委书记', '主任', '副主任', '校长', '主任医师', '经理']

/** Two capital letters, distinct per studio: AA, AB, … */
export function studioPrefix(i: number): string {
  return String.fromCharCode(65 + Math.floor(i / 26) % 26) + String.fromCharCode(65 + (i % 26))
}
export const studioId = (i: number) => `s${String(i + 1).padStart(3, '0')}`
export const studioRoom = (i: number) => `bench-${studioId(i)}@chatroom`
export const coordinatorContact = (i: number) => `bench-${studioId(i)}-c`
export const repContact = (i: number, k: number) => `bench-${studioId(i)}-r${k + 1}`
export const ADMIN_CONTACT = 'bench-admin'
export const LIAISON_ROOM = 'bench-liaison@chatroom'

export function benchConfigText(o: BenchConfigOptions = {}): string {
  const n = o.studios ?? 230
  const reps = o.repsPerStudio ?? 6
  if (n > COMMUNITIES.length) throw new Error(`at most ${COMMUNITIES.length} studios`)
  const r = seededRandom(o.seed ?? 20260101)
  const studios = []
  const people = []
  for (let i = 0; i < n; i++) {
    const community = COMMUNITIES[i]
    studios.push({
      id: studioId(i),
      name: `${community}党代表工作室`,
      prefix: studioPrefix(i),
      roomId: studioRoom(i),
      reception: { rule: RULES[i % RULES.length], time: pick(r, ['09:00', '14:30', '18:00']), place: `${community}社区党群服务中心二楼`, perSession: 2 },
    })
    people.push({ id: `${studioId(i)}-c`, name: personName(r), unit: `${community}社区党委`, position: '副书记', level: '区级', phone: mobile(r), studio: studioId(i), roles: ['coordinator'], wechatId: coordinatorContact(i) })
    for (let k = 0; k < reps; k++) {
      people.push({ id: `${studioId(i)}-r${k + 1}`, name: personName(r), unit: pick(r, UNITS), position: pick(r, POSITIONS), level: pick(r, ['市级', '区级', '区级', '镇级']), phone: mobile(r), studio: studioId(i), roles: ['representative'], wechatId: repContact(i, k) })
    }
  }
  people.push({ id: 'admin', name: personName(r), unit: '区委组织部党代表联络室', position: '主任', level: '区级', roles: ['admin'], wechatId: ADMIN_CONTACT })
  const doc = {
    district: { name: '基准市', liaisonRoomId: LIAISON_ROOM },
    bot: { sendGapMs: o.sendGapMs ?? [0, 0], maxMessageChars: 1800, retries: 5 },
    issues: { categories: CATEGORIES, departments: DEPARTMENTS },
    studios,
    people,
  }
  const text = `# 基准测试用的城市配置（${n} 个工作室，由 bench/bench-config.ts 生成）\n` + stringify(doc, { lineWidth: 0 })
  parseConfigText(text) // throws ConfigError when the generator and the schema drift apart
  return text
}

export function benchConfig(o: BenchConfigOptions = {}): Config {
  return parseConfigText(benchConfigText(o))
}
