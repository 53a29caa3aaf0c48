import { Exemptions, type RegisterEntry } from '@reuse-pref/schema';

/**
 * The register's CSV and HTML documents as openapi.yaml listRegister fixes them (decision 0044), checked
 * against the register's JSON entries walked just before: a distributor MAY offer them, and one that does
 * must offer exactly these, so a DfE spreadsheet or a reader's page shows what the JSON pages say.
 */

const tiers = (e: RegisterEntry) => e.dataTiers.map((t) => t.identifiability + t.sensitivity).join(' ');
const blankIfAbsent = (v: string | number | undefined) => (v === undefined ? '' : v);

/** The CSV columns, in order: the header cell, then the cell's value for one entry. */
const CSV_COLUMNS: readonly [string, (e: RegisterEntry) => string | number][] = [
  ['releaseId', (e) => e.releaseId],
  ['dsReference', (e) => e.dsReference],
  ['decidedAt', (e) => e.decidedAt],
  ['recipientName', (e) => e.recipientName],
  ['recipientClass', (e) => e.recipientClass],
  ['purposes', (e) => e.purposes.join(' ')],
  ['lawfulBasis', (e) => e.lawfulBasis],
  ['dataTiers', tiers],
  ['deliveryMode', (e) => e.deliveryMode],
  ['retainUntil', (e) => e.retainUntil],
  ['total', (e) => e.counts.total],
  ['included', (e) => e.counts.included],
  ['excluded', (e) => e.counts.excluded],
  ['overridden', (e) => e.counts.overridden],
  ['decidedByStatement', (e) => e.counts.decidedByStatement],
  ['decidedByDefault', (e) => e.counts.decidedByDefault],
  ['exemptionCode', (e) => e.exemption?.code ?? ''],
  ['exemptionCitation', (e) => e.exemption?.citation ?? ''],
  ['decisionMaker', (e) => e.decisionMaker],
  ['logIndex', (e) => e.logIndex],
  ['decidingStatements', (e) => blankIfAbsent(e.signatures?.decidingStatements)],
  ['verifiedEndToEnd', (e) => blankIfAbsent(e.signatures?.verifiedEndToEnd)],
];

/**
 * One CSV field: text that a spreadsheet would read as a formula (first character = + - @, tab or CR)
 * is shown with a leading apostrophe; a field holding a quote, comma, CR or LF is quoted with its quotes
 * doubled (RFC 4180 2.6, 2.7); nothing else is quoted.
 */
function field(value: string | number): string {
  const text =
    typeof value === 'string' && '=+-@\t\r'.includes(value.charAt(0)) && value !== ''
      ? `'${value}`
      : `${value}`;
  const quoted = ['"', ',', '\r', '\n'].some((c) => text.includes(c));
  return quoted ? `"${text.split('"').join('""')}"` : text;
}

/** The register CSV of these entries: a header row, then one row per entry, every row ending CRLF. */
export function expectedRegisterCsv(entries: readonly RegisterEntry[]): string {
  const header = CSV_COLUMNS.map(([name]) => name);
  const rows = entries.map((e) => CSV_COLUMNS.map(([, cell]) => field(cell(e))));
  return [header, ...rows].map((cells) => `${cells.join(',')}\r\n`).join('');
}

/** Where two texts first differ, for a failure message a vendor can act on. */
function firstDifference(have: string, want: string): string {
  let at = 0;
  while (at < have.length && have[at] === want[at]) at++;
  const line = want.slice(0, at).split('\n').length;
  return `line ${line}: got ${JSON.stringify(have.slice(at, at + 60))}, want ${JSON.stringify(want.slice(at, at + 60))}`;
}

/** Why the body is not the CSV of these entries, or undefined. */
export function registerCsvProblem(body: unknown, entries: readonly RegisterEntry[]): string | undefined {
  if (typeof body !== 'string') return 'the body is not CSV text';
  const want = expectedRegisterCsv(entries);
  return body === want
    ? undefined
    : `the CSV is not the register's ${entries.length} release(s): ${firstDifference(body, want)}`;
}

/** The HTML table's header cells, in order. */
export const HTML_HEADERS = [
  'DS reference',
  'Decided',
  'Recipient (class)',
  'Purposes',
  'Lawful basis',
  'Data tiers',
  'Delivery',
  'Retain until',
  'Subjects',
  'Included',
  'Excluded',
  'Included under exemption',
  'Decided by default (never asked)',
  'Exemption relied on',
  'Decision maker',
  'Log index',
  'Deciding statements verified end to end',
] as const;

const exemptionText = (e: RegisterEntry) => {
  if (!e.exemption) return 'none';
  const label = Exemptions.entries.find((x) => x.code === e.exemption!.code)?.label ?? e.exemption.code;
  return `${e.exemption.code} (${label}): ${e.exemption.citation}`;
};

/** Each row's cell texts (markup removed, entities read, white space collapsed), in HTML_HEADERS order. */
function expectedCells(e: RegisterEntry): string[] {
  const c = e.counts;
  const counted = e.signatures;
  return [
    e.dsReference,
    e.decidedAt.slice(0, 10),
    `${e.recipientName} ${e.recipientClass}`,
    e.purposes.join(' '),
    e.lawfulBasis,
    tiers(e),
    e.deliveryMode,
    e.retainUntil,
    ...[c.total, c.included, c.excluded, c.overridden, c.decidedByDefault].map(String),
    exemptionText(e),
    e.decisionMaker,
    String(e.logIndex),
    counted ? `${counted.verifiedEndToEnd} of ${counted.decidingStatements}` : 'not counted',
  ].map(collapse);
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
function entities(html: string): string {
  return html.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] !== '#') return ENTITIES[name.toLowerCase()] ?? whole;
    const code =
      name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
    return String.fromCodePoint(code);
  });
}
const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();
const cellText = (inner: string) => collapse(entities(inner.replace(/<[^>]*>/g, ' ')));
const inside = (html: string, tag: string) =>
  new RegExp(`<${tag}(?:\\s[^>]*)?>([\\s\\S]*?)</${tag}\\s*>`, 'i').exec(html)?.[1];
const all = (html: string, pattern: string) =>
  [...html.matchAll(new RegExp(`<(${pattern})(?:\\s[^>]*)?>([\\s\\S]*?)</\\1\\s*>`, 'gi'))].map((m) => m[2]!);

/**
 * Why the body is not the register page of these entries, or undefined: one table whose head names the
 * columns of HTML_HEADERS, and whose body has one row per release, oldest first, each cell's text the
 * entry's value. A value holding markup characters must come out as text: its raw form (say a recipient
 * named `<b>x</b>`) must appear nowhere in the page.
 */
export function registerHtmlProblem(body: unknown, entries: readonly RegisterEntry[]): string | undefined {
  if (typeof body !== 'string') return 'the body is not HTML text';
  if ((body.match(/<table[\s>]/gi) ?? []).length !== 1) return 'the page does not hold exactly one <table>';
  const head = inside(body, 'thead');
  const headers = head === undefined ? [] : all(head, 'th').map(cellText);
  if (headers.join('|') !== HTML_HEADERS.join('|'))
    return `the table's header cells are ${JSON.stringify(headers)}, want ${JSON.stringify(HTML_HEADERS)}`;
  const rows = all(inside(body, 'tbody') ?? '', 'tr');
  if (rows.length !== entries.length)
    return `the table has ${rows.length} row(s), want one per release (${entries.length})`;
  for (const [i, e] of entries.entries()) {
    const have = all(rows[i]!, 'th|td').map(cellText);
    const want = expectedCells(e);
    if (have.join('|') !== want.join('|'))
      return `row ${i + 1} (${e.dsReference}) is ${JSON.stringify(have)}, want ${JSON.stringify(want)}`;
    const raw = [e.recipientName, e.dsReference, e.decisionMaker].find(
      (v) => /[<>&]/.test(v) && body.includes(v),
    );
    if (raw !== undefined)
      return `${JSON.stringify(raw)} appears unescaped: a release's text must not become markup`;
  }
  return undefined;
}

/** Why a comma-separated header does not hold every token (case-insensitive, RFC 9110 5.6.1), or undefined. */
export function headerTokensProblem(
  name: string,
  value: string | null,
  tokens: readonly string[],
): string | undefined {
  const held = new Set((value ?? '').split(',').map((t) => t.trim().toLowerCase()));
  const missing = tokens.filter((t) => !held.has(t.toLowerCase()) && !held.has('*'));
  return missing.length
    ? `header ${name} (${value ?? 'absent'}) does not name ${missing.join(', ')}`
    : undefined;
}
