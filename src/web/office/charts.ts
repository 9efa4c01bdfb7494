/**
 * The liaison office's charts: Apache ECharts rendered to SVG on the server (no client script; the SVG
 * is put into the page as it is, so it works in WeChat's browser). `animation: false`, or the SVG would
 * be the animation's first frame (bars of zero height). Each chart is disposed after rendering.
 *
 * Bars are rates in percent (响应率, 解决率, 满意率, 结案率) or counts (接待场次, 接待人次); a rate with an
 * empty denominator is no bar, and its label says “—”. Labels and names are Chinese, drawn with the
 * page's font (the server has no font of its own to measure; ECharts estimates widths).
 */
import * as echarts from 'echarts'

export interface BarSeries {
  name: string
  /** One value per category; `null` = nothing to show (a rate over 0). */
  values: (number | null)[]
  /** What the bar's label says (e.g. `75%（3/4）`); default the value. */
  labels?: string[]
}

export interface BarChart {
  title: string
  categories: string[]
  series: BarSeries[]
  /** `percent`: the axis runs 0–100 %; `count`: whole numbers. */
  unit: 'percent' | 'count'
  width?: number
  height?: number
}

const PALETTE = ['#c23531', '#2f4554', '#61a0a8', '#d48265', '#91c7ae', '#749f83']

/** Bars beyond which the values are not written on the bars (the page's table beside has them). */
export const LABELLED_BARS = 80
/** Charts kept by their input: the same figures draw the same SVG (ECharts takes ~10–100 ms a chart). */
const MEMO_SIZE = 64
const memo = new Map<string, string>()

/** The chart as an SVG string. Horizontal bars when there are many categories (studios, departments). */
export function barChartSvg(c: BarChart): string {
  const key = JSON.stringify(c)
  const hit = memo.get(key)
  if (hit !== undefined) {
    memo.delete(key)
    memo.set(key, hit)
    return hit
  }
  const svg = render(c)
  memo.set(key, svg)
  if (memo.size > MEMO_SIZE) memo.delete(memo.keys().next().value!)
  return svg
}

function render(c: BarChart): string {
  const labelled = c.categories.length * c.series.length <= LABELLED_BARS
  const horizontal = c.categories.length > 6
  const width = c.width ?? 640
  const height = c.height ?? (horizontal ? Math.max(240, 60 + c.categories.length * 22 * Math.max(1, c.series.length)) : 300)
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height })
  try {
    const valueAxis = { type: 'value' as const, ...(c.unit === 'percent' ? { max: 100, axisLabel: { formatter: '{value}%' } } : { minInterval: 1 }) }
    const categoryAxis = { type: 'category' as const, data: c.categories, ...(horizontal ? { inverse: true } : {}), axisLabel: { interval: 0, fontSize: 11 } }
    chart.setOption({
      animation: false,
      color: PALETTE,
      title: { text: c.title, left: 'center', textStyle: { fontSize: 14 } },
      legend: c.series.length > 1 ? { top: 24, data: c.series.map((s) => s.name) } : undefined,
      grid: { left: horizontal ? 110 : 40, right: 80, top: c.series.length > 1 ? 56 : 36, bottom: 28, containLabel: false },
      xAxis: horizontal ? valueAxis : categoryAxis,
      yAxis: horizontal ? categoryAxis : valueAxis,
      series: c.series.map((s) => ({
        name: s.name,
        type: 'bar' as const,
        data: s.values.map((v, k) => ({ value: v ?? 0, label: { show: labelled, position: horizontal ? ('right' as const) : ('top' as const), formatter: s.labels?.[k] ?? (v === null ? '—' : String(v)), fontSize: 10 } })),
        barMaxWidth: 28,
      })),
    })
    return chart.renderToSVGString()
  } finally {
    chart.dispose()
  }
}
