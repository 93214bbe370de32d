// A line chart as a self-contained SVG string: no dependency, no script, no external font or
// style, so it renders the same in a browser, on GitHub and in an image viewer.
import { formatTick, niceTicks } from './niceTicks.ts'

export interface ChartSeries {
  label: string
  points: readonly (readonly [number, number])[]
}

export interface LineChartOptions {
  title: string
  xLabel: string
  yLabel: string
  series: readonly ChartSeries[]
  width?: number
  height?: number
  /** Start the y axis at zero (default), so the eye reads ratios rightly. */
  yFromZero?: boolean
}

/** Okabe-Ito colours: distinguishable with the common colour-vision deficiencies. */
const PALETTE = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000']
const FONT = 'font-family="system-ui, sans-serif"'
/** Beyond this many points a marker per point is clutter. */
const MAX_MARKERS = 60

/** Renders `series` as lines on shared axes, with ticks, axis labels, a title and a legend. */
export function renderLineChart({ title, xLabel, yLabel, series, width = 760, height = 440, yFromZero = true }: LineChartOptions): string {
  const legendHeight = series.length * 18 + 8
  const margin = { top: 44, right: 24, bottom: 56 + legendHeight, left: 72 }
  const plot = { x: margin.left, y: margin.top, w: width - margin.left - margin.right, h: height - margin.top - margin.bottom }
  if (plot.w <= 0 || plot.h <= 0) throw new Error(`"width" and "height" too small for the chart: ${width}x${height}`)

  // A NaN or infinite point (a failed measurement) is left out rather than breaking the axes.
  const drawn = series.map((s) => ({ label: s.label, points: s.points.filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y)) }))
  const all = drawn.flatMap((s) => s.points)
  const [xMin, xMax] = extent(all.map(([x]) => x), [0, 1])
  const [yMin, yMax] = extent(all.map(([, y]) => y), [0, 1])
  const xTicks = niceTicks(xMin, xMax)
  const yTicks = niceTicks(yFromZero ? Math.min(0, yMin) : yMin, yMax)
  const px = (x: number) => plot.x + ((x - xTicks.min) / (xTicks.max - xTicks.min)) * plot.w
  const py = (y: number) => plot.y + plot.h - ((y - yTicks.min) / (yTicks.max - yTicks.min)) * plot.h
  const n = (value: number) => value.toFixed(1)

  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="${width / 2}" y="26" text-anchor="middle" font-size="16" font-weight="bold" ${FONT}>${escapeXml(title)}</text>`,
  ]
  for (const value of yTicks.values) {
    const y = n(py(value))
    out.push(`<line x1="${plot.x}" y1="${y}" x2="${plot.x + plot.w}" y2="${y}" stroke="#e5e5e5"/>`)
    out.push(`<text x="${plot.x - 8}" y="${y}" dy="4" text-anchor="end" font-size="11" ${FONT}>${formatTick(value, yTicks.step)}</text>`)
  }
  for (const value of xTicks.values) {
    const x = n(px(value))
    out.push(`<line x1="${x}" y1="${plot.y + plot.h}" x2="${x}" y2="${plot.y + plot.h + 5}" stroke="#333333"/>`)
    out.push(`<text x="${x}" y="${plot.y + plot.h + 18}" text-anchor="middle" font-size="11" ${FONT}>${formatTick(value, xTicks.step)}</text>`)
  }
  out.push(
    `<line x1="${plot.x}" y1="${plot.y}" x2="${plot.x}" y2="${plot.y + plot.h}" stroke="#333333"/>`,
    `<line x1="${plot.x}" y1="${plot.y + plot.h}" x2="${plot.x + plot.w}" y2="${plot.y + plot.h}" stroke="#333333"/>`,
    `<text x="${plot.x + plot.w / 2}" y="${plot.y + plot.h + 40}" text-anchor="middle" font-size="12" ${FONT}>${escapeXml(xLabel)}</text>`,
    `<text transform="translate(18 ${plot.y + plot.h / 2}) rotate(-90)" text-anchor="middle" font-size="12" ${FONT}>${escapeXml(yLabel)}</text>`,
  )
  drawn.forEach((s, i) => {
    const colour = PALETTE[i % PALETTE.length]!
    const d = s.points.map(([x, y], j) => `${j === 0 ? 'M' : 'L'}${n(px(x))} ${n(py(y))}`).join(' ')
    out.push(`<path d="${d}" fill="none" stroke="${colour}" stroke-width="2" stroke-linejoin="round"/>`)
    if (s.points.length <= MAX_MARKERS) {
      for (const [x, y] of s.points) out.push(`<circle cx="${n(px(x))}" cy="${n(py(y))}" r="3" fill="${colour}"/>`)
    }
    const legendY = plot.y + plot.h + 58 + i * 18
    out.push(`<line x1="${plot.x}" y1="${legendY}" x2="${plot.x + 24}" y2="${legendY}" stroke="${colour}" stroke-width="3"/>`)
    out.push(`<text x="${plot.x + 32}" y="${legendY}" dy="4" font-size="12" ${FONT}>${escapeXml(s.label)}</text>`)
  })
  out.push('</svg>')
  return `${out.join('\n')}\n`
}

/** Smallest and largest of `values` (no spread: a long series would overflow the call stack). */
function extent(values: number[], empty: [number, number]): [number, number] {
  if (values.length === 0) return empty
  let min = Infinity
  let max = -Infinity
  for (const value of values) {
    if (value < min) min = value
    if (value > max) max = value
  }
  return [min, max]
}

/** Text safe inside an SVG element or attribute. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!)
}
