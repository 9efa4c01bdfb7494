/**
 * The SVG ECharts renders on the server: bars of real height (not the first frame of an animation), the
 * Chinese labels and values there, an empty rate drawn as “—” with no bar.
 */
import { barChartSvg } from '../../../src/web/office/charts.js'

/** The bars ECharts draws: `<path d="M x y l w 0 l 0 -h l -w 0Z" … ecmeta_ssr_type="chart">`; their width and height. */
function bars(svg: string): { w: number; h: number }[] {
  const out: { w: number; h: number }[] = []
  for (const m of svg.matchAll(/<path d="M[\d.-]+ [\d.-]+l([\d.-]+) 0l0 ([\d.-]+)l[^"]*"[^>]*ecmeta_ssr_type="chart"/g)) out.push({ w: Math.abs(Number(m[1])), h: Math.abs(Number(m[2])) })
  return out
}
const barHeights = (svg: string) => bars(svg).map((b) => b.h)

test('vertical bars of a rate: heights in proportion, labels and title in Chinese', () => {
  const svg = barChartSvg({
    title: '各月满意率',
    categories: ['2026年1月', '2026年2月', '2026年3月'],
    series: [{ name: '满意率', values: [100, 50, null], labels: ['100%（2/2）', '50%（1/2）', '—（0/0）'] }],
    unit: 'percent',
  })
  expect(svg.startsWith('<svg')).toBe(true)
  for (const s of ['各月满意率', '2026年1月', '100%（2/2）', '50%（1/2）', '—（0/0）']) expect(svg).toContain(s)
  const h = barHeights(svg).filter((x) => x > 0)
  expect(h).toHaveLength(2)
  expect(h[0] / h[1]).toBeCloseTo(2, 1)
  expect(svg).not.toContain('<script')
})

test('horizontal bars for many studios, two series with a legend', () => {
  const studios = Array.from({ length: 8 }, (_x, i) => `第${i + 1}工作室`)
  const svg = barChartSvg({ title: '接待', categories: studios, series: [{ name: '接待场次', values: studios.map((_s, i) => i + 1) }, { name: '接待人次', values: studios.map((_s, i) => 2 * (i + 1)) }], unit: 'count' })
  for (const s of [...studios, '接待场次', '接待人次']) expect(svg).toContain(s)
  const b = bars(svg)
  expect(b).toHaveLength(16)
  // Horizontal: the length is the width; 接待人次 of the last studio (16) twice 接待场次 of the same (8).
  expect(b.every((x) => x.w > 0)).toBe(true)
  expect(b[15].w / b[7].w).toBeCloseTo(2, 1)
})

test('no animation frame: every bar drawn at its full value', () => {
  const svg = barChartSvg({ title: '结案率', categories: ['一月'], series: [{ name: '结案率', values: [80] }], unit: 'percent' })
  const [bar] = barHeights(svg).filter((x) => x > 0)
  expect(bar).toBeGreaterThan(100)
})
