// The public verify page a scanned QR code opens: the verdict in a sentence, the pack's facts
// and its custody trail. Server-rendered, no external resources; a few lines of script offer to
// add the scanner's coarse place to the scan (for clone detection), only if the browser allows.
import type { VerifyAnswer } from './verifyUnit.ts'

const COLOURS: Record<VerifyAnswer['verdict'], string> = {
  genuine: '#1b7f3b',
  'unknown-serial': '#b00020',
  'already-dispensed': '#b00020',
  'recalled-lot': '#b00020',
  expired: '#a15c00',
  'custody-broken': '#b00020',
}
const TITLES: Record<VerifyAnswer['verdict'], string> = {
  genuine: 'Genuine',
  'unknown-serial': 'Unknown serial: suspected counterfeit',
  'already-dispensed': 'Already dispensed',
  'recalled-lot': 'Recalled lot',
  expired: 'Expired',
  'custody-broken': 'Custody broken',
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }
/** Escapes text for HTML: every value shown comes from a URL or the chain, never trusted as markup. */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c] as string)

/** The page for `answer`; `placeUrl` is where its script may post the scanner's place. */
export function verifyPage(answer: VerifyAnswer, { placeUrl }: { placeUrl: string }): string {
  const e = escapeHtml
  const facts: [string, string][] = [
    ['GTIN', answer.link.gtin],
    ['Serial', answer.link.serial],
    ['Lot', answer.unit?.lot ?? answer.link.lot ?? '-'],
    ['Expiry', answer.unit?.expiresOn ?? answer.link.expiry ?? '-'],
    ['Manufacturer', answer.product?.manufacturer.name ?? 'unknown product'],
    ['Now held by', answer.unit?.holder.name ?? '-'],
  ]
  const rows = answer.trail
    .map((s) => `<tr><td>${e(s.when?.replace('T', ' ').slice(0, 19) ?? '-')}</td><td>${e(s.what)}</td><td>${e(s.actorName)}${s.counterpartyName ? ` &rarr; ${e(s.counterpartyName)}` : ''}</td><td>${s.verified ? '&#10003;' : '&#10007;'}</td></tr>`)
    .join('')
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(TITLES[answer.verdict])} - medchain verification</title>
<style>body{font-family:system-ui,sans-serif;max-width:42rem;margin:1rem auto;padding:0 1rem;color:#222}
.verdict{color:#fff;background:${COLOURS[answer.verdict]};padding:1rem;border-radius:.5rem}
.verdict h1{margin:0 0 .5rem;font-size:1.5rem}table{border-collapse:collapse;width:100%;margin:1rem 0}
td,th{text-align:left;padding:.3rem;border-bottom:1px solid #ddd;vertical-align:top}small{color:#666}</style></head>
<body><div class="verdict" data-verdict="${answer.verdict}"><h1>${e(TITLES[answer.verdict])}</h1><p>${e(answer.message)}</p></div>
<table>${facts.map(([k, v]) => `<tr><th>${e(k)}</th><td>${e(v)}</td></tr>`).join('')}</table>
<h2>Custody trail</h2>${rows === '' ? '<p>None recorded.</p>' : `<table><tr><th>When</th><th>What</th><th>Who</th><th>Checked</th></tr>${rows}</table>`}
<p><small>Checked against the medchain ledger. Scan ${e(answer.scan.scanId.slice(0, 10))}, ${e(answer.scan.at)}.
<span id="place">Sharing your approximate location (rounded to about 10 km) helps detect cloned codes.</span></small></p>
<script>if(navigator.geolocation)navigator.geolocation.getCurrentPosition(function(p){fetch(${JSON.stringify(placeUrl)},{method:'POST',headers:{'content-type':'application/json'},body:JSON.stringify({lat:p.coords.latitude,lng:p.coords.longitude})}).then(function(){document.getElementById('place').textContent='Thank you: your approximate location was added to this scan.'})})</script>
</body></html>`
}
