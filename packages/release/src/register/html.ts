import { Exemptions, type RegisterEntry } from '@reuse-pref/schema';
import { dataTiersText } from './text.js';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(value: string | number): string {
  return String(value).replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

const exemptionLabel = (code: string) => Exemptions.entries.find((e) => e.code === code)?.label ?? code;

function row(e: RegisterEntry): string {
  const c = e.counts;
  const exemption = e.exemption
    ? `${escapeHtml(e.exemption.code)} (${escapeHtml(exemptionLabel(e.exemption.code))}): ${escapeHtml(e.exemption.citation)}`
    : 'none';
  const cells = [
    `<th scope="row">${escapeHtml(e.dsReference)}</th>`,
    `<td>${escapeHtml(e.decidedAt.slice(0, 10))}</td>`,
    `<td>${escapeHtml(e.recipientName)} <span class="code">${escapeHtml(e.recipientClass)}</span></td>`,
    `<td>${e.purposes.map(escapeHtml).join(' ')}</td>`,
    `<td>${escapeHtml(e.lawfulBasis)}</td>`,
    `<td>${escapeHtml(dataTiersText(e.dataTiers))}</td>`,
    `<td>${escapeHtml(e.deliveryMode)}</td>`,
    `<td>${escapeHtml(e.retainUntil)}</td>`,
    `<td class="n">${c.total}</td><td class="n">${c.included}</td><td class="n">${c.excluded}</td><td class="n">${c.overridden}</td><td class="n">${c.decidedByDefault}</td>`,
    `<td>${exemption}</td>`,
    `<td>${escapeHtml(e.decisionMaker)}</td>`,
    `<td class="n">${e.logIndex}</td>`,
    `<td class="n">${e.signatures ? `${e.signatures.verifiedEndToEnd} of ${e.signatures.decidingStatements}` : 'not counted'}</td>`,
  ];
  return `<tr>${cells.join('')}</tr>`;
}

/**
 * The register as one static page: no script, no external resources, every value escaped, so it can be
 * served from anywhere and read without trusting the host.
 */
export function registerHtml(
  entries: readonly RegisterEntry[],
  generatedAt = new Date().toISOString(),
): string {
  const body = entries.length
    ? entries.map(row).join('\n')
    : '<tr><td colspan="16">No releases have been recorded.</td></tr>';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>Register of pupil data releases</title>
<style>
body{font-family:system-ui,sans-serif;margin:1.5rem;color:#111}
table{border-collapse:collapse;font-size:.9rem}
th,td{border:1px solid #bbb;padding:.3rem .5rem;vertical-align:top;text-align:left}
td.n{text-align:right;font-variant-numeric:tabular-nums}
.code{color:#555;font-size:.8rem}
</style>
</head>
<body>
<h1>Register of pupil data releases</h1>
<p>Every release of pupil-level data, decided against the preferences pupils and parents recorded. It holds no
personal data. Each row is a leaf of the public transparency log (log index); the JSON and CSV versions hold
the same rows. ${entries.length} release(s), generated ${escapeHtml(generatedAt)}.</p>
<table>
<thead><tr><th scope="col">DS reference</th><th scope="col">Decided</th><th scope="col">Recipient (class)</th><th scope="col">Purposes</th><th scope="col">Lawful basis</th><th scope="col">Data tiers</th><th scope="col">Delivery</th><th scope="col">Retain until</th><th scope="col">Subjects</th><th scope="col">Included</th><th scope="col">Excluded</th><th scope="col">Included under exemption</th><th scope="col">Decided by default (never asked)</th><th scope="col">Exemption relied on</th><th scope="col">Decision maker</th><th scope="col">Log index</th><th scope="col">Deciding statements verified end to end</th></tr></thead>
<tbody>
${body}
</tbody>
</table>
</body>
</html>
`;
}

export function registerJson(entries: readonly RegisterEntry[]): string {
  return `${JSON.stringify(entries, null, 2)}\n`;
}
