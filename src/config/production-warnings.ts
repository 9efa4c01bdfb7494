/**
 * What a valid configuration may still get wrong in production, for `npm run check-config`: ids copied
 * from the demo (its gateway's `demo-…` rooms and contacts do not exist on a real account), pacing
 * faster than the production [1000, 2000] ms, the template's district name left as it is. Pure: returns
 * codes with their path; the wording is in the catalogue.
 */
import type { Config } from './schema.js'

export type ProductionWarning =
  | { code: 'demo-id'; path: (string | number)[]; value: string }
  | { code: 'fast-pacing'; path: (string | number)[]; min: number; max: number }
  | { code: 'template-name'; path: (string | number)[]; value: string }

export const TEMPLATE_DISTRICT_NAME = '某某区'
const isDemoId = (v: string | undefined): v is string => !!v && /^demo-/.test(v)

export function productionWarnings(c: Config): ProductionWarning[] {
  const out: ProductionWarning[] = []
  if (c.district.name === TEMPLATE_DISTRICT_NAME) out.push({ code: 'template-name', path: ['district', 'name'], value: c.district.name })
  if (isDemoId(c.district.liaisonRoomId)) out.push({ code: 'demo-id', path: ['district', 'liaisonRoomId'], value: c.district.liaisonRoomId })
  const [min, max] = c.bot.sendGapMs
  if (min < 1000 || max < 2000) out.push({ code: 'fast-pacing', path: ['bot', 'sendGapMs'], min, max })
  c.studios.forEach((s, i) => {
    if (isDemoId(s.roomId)) out.push({ code: 'demo-id', path: ['studios', i, 'roomId'], value: s.roomId })
  })
  c.people.forEach((p, i) => {
    if (isDemoId(p.wechatId)) out.push({ code: 'demo-id', path: ['people', i, 'wechatId'], value: p.wechatId })
  })
  return out
}
