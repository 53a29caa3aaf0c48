import type { RegisterEntry } from '@reuse-pref/schema';
import { dataTiersText } from './text.js';

const COLUMNS = [
  'releaseId',
  'dsReference',
  'decidedAt',
  'recipientName',
  'recipientClass',
  'purposes',
  'lawfulBasis',
  'dataTiers',
  'deliveryMode',
  'retainUntil',
  'total',
  'included',
  'excluded',
  'overridden',
  'decidedByStatement',
  'decidedByDefault',
  'exemptionCode',
  'exemptionCitation',
  'decisionMaker',
  'logIndex',
  // Empty where the release was recorded without counting verified statements (spec/v1/signatures.md 8.2).
  'decidingStatements',
  'verifiedEndToEnd',
] as const;

/**
 * A cell as RFC 4180 wants it, made safe to open in a spreadsheet: a cell that starts with = + - @ (or a
 * tab or carriage return, which some spreadsheets strip before reading a formula) gets a leading
 * apostrophe, so a recipient named "=HYPERLINK(...)" is shown, not run (OWASP CSV injection).
 */
export function csvCell(value: string | number): string {
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function registerCsv(entries: readonly RegisterEntry[]): string {
  const rows = entries.map((e) => [
    e.releaseId,
    e.dsReference,
    e.decidedAt,
    e.recipientName,
    e.recipientClass,
    e.purposes.join(' '),
    e.lawfulBasis,
    dataTiersText(e.dataTiers),
    e.deliveryMode,
    e.retainUntil,
    e.counts.total,
    e.counts.included,
    e.counts.excluded,
    e.counts.overridden,
    e.counts.decidedByStatement,
    e.counts.decidedByDefault,
    e.exemption?.code ?? '',
    e.exemption?.citation ?? '',
    e.decisionMaker,
    e.logIndex,
    e.signatures?.decidingStatements ?? '',
    e.signatures?.verifiedEndToEnd ?? '',
  ]);
  return [COLUMNS, ...rows].map((row) => `${row.map(csvCell).join(',')}\r\n`).join('');
}
