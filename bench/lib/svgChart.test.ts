import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { niceTicks } from './niceTicks.ts'
import { escapeXml, renderLineChart } from './svgChart.ts'

/** Checks every tag is closed in order: enough to catch a malformed document without a parser. */
function assertWellFormed(svg: string): void {
  const stack: string[] = []
  for (const [, closing, name, selfClosing] of svg.matchAll(/<(\/?)([a-zA-Z]+)\b[^<>]*?(\/?)>/g)) {
    if (selfClosing) continue
    if (closing) assert.equal(stack.pop(), name, `</${name}> closes the wrong element`)
    else stack.push(name!)
  }
  assert.deepEqual(stack, [], 'unclosed elements')
  // Outside tags, a raw "<" or a bare "&" would break the XML.
  const text = svg.replace(/<[^<>]*>/g, '')
  assert.doesNotMatch(text, /<|&(?!(amp|lt|gt|quot|apos);)/)
}

const series = [
  { label: 'sequential ms per tx', points: [[1000, 4.1], [5000, 4.3], [10000, 4.6]] as [number, number][] },
  { label: 'batched ms per tx', points: [[1000, 1.2], [5000, 1.3], [10000, 1.25]] as [number, number][] },
]

describe('renderLineChart', () => {
  it('produces a well-formed standalone SVG with one path per series', () => {
    const svg = renderLineChart({ title: 'chain growth', xLabel: 'transactions in chain', yLabel: 'ms per tx', series })
    assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" [^>]*viewBox="0 0 \d+ \d+">/)
    assert.match(svg, /<\/svg>\n$/)
    assertWellFormed(svg)
    assert.equal(svg.match(/<path /g)?.length, series.length)
    for (const { label } of series) assert.ok(svg.includes(`>${label}</text>`), `legend shows ${label}`)
    assert.ok(svg.includes('>10k</text>'), 'x ticks are labelled')
  })

  it('escapes text so labels cannot inject markup', () => {
    const svg = renderLineChart({
      title: '<script>alert("x")</script> & more',
      xLabel: "a'b",
      yLabel: 'ms < 5',
      series: [{ label: 'p<99> & "q"', points: [[0, 1], [1, 2]] }],
    })
    assertWellFormed(svg)
    assert.ok(!svg.includes('<script>'))
    assert.ok(svg.includes('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more'))
    assert.ok(svg.includes('p&lt;99&gt; &amp; &quot;q&quot;'))
    assert.equal(escapeXml(`&<>"'`), '&amp;&lt;&gt;&quot;&apos;')
  })

  it('still draws with no points, one point, or a flat series', () => {
    for (const points of [[], [[3, 3]], [[0, 2], [5, 2]]] as [number, number][][]) {
      const svg = renderLineChart({ title: 't', xLabel: 'x', yLabel: 'y', series: [{ label: 'only', points }] })
      assertWellFormed(svg)
      assert.equal(svg.match(/<path /g)?.length, 1)
      assert.doesNotMatch(svg, /NaN|Infinity/)
    }
  })
})

describe('niceTicks', () => {
  it('picks round steps that cover the data', () => {
    assert.deepEqual(niceTicks(0, 100_000).values, [0, 20_000, 40_000, 60_000, 80_000, 100_000])
    assert.deepEqual(niceTicks(0.1, 0.9).values, [0, 0.2, 0.4, 0.6, 0.8, 1])
    const ticks = niceTicks(3.7, 13.2)
    assert.ok(ticks.min <= 3.7 && ticks.max >= 13.2)
  })
})
