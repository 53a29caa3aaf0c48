import { randomUUID } from 'node:crypto';
import { canonicalJson, type LedgerEntry } from '@reuse-pref/schema';
import { canonicalPurposesText } from './purposes-text.js';

/** The fields of a ledger entry that differ from one subject of a release to the next. */
type PerSubject = Pick<LedgerEntry, 'outcome' | 'purposes' | 'subject'>;
const PER_SUBJECT = ['outcome', 'purposes', 'subject'] as const;

/**
 * Canonical JSON (RFC 8785) of the ledger entries of one release. Every entry of a release shares all
 * its fields but the subject, the outcome and the purposes, so the shared ones are serialised once into a
 * template and only those three per subject: the text is exactly `canonicalJson(entry)` (the template is
 * canonicalJson's own output with a marker in each varying place), at a fraction of the cost at national
 * scale. `shared` is any entry of the release; each entry given later must share its other fields.
 */
export function ledgerEntryText(shared: LedgerEntry): (entry: PerSubject) => string {
  const marker = (field: string) => `\u0000${randomUUID()}:${field}`;
  const markers = PER_SUBJECT.map(marker);
  const text = canonicalJson({
    ...shared,
    ...Object.fromEntries(PER_SUBJECT.map((field, i) => [field, markers[i]])),
  });
  // The three fields in canonical order, each between two pieces of the template.
  const places = markers
    .map((m, i) => ({
      field: PER_SUBJECT[i]!,
      quoted: JSON.stringify(m),
      at: text.indexOf(JSON.stringify(m)),
    }))
    .sort((a, b) => a.at - b.at);
  const pieces: string[] = [];
  let from = 0;
  for (const place of places) {
    // Each marker is a fresh random UUID, so it occurs exactly once; anything else is a caller's bug.
    if (place.at < from || text.indexOf(place.quoted, place.at + 1) !== -1)
      throw new Error('ledger entry template: a marker is not where canonical JSON put it');
    pieces.push(text.slice(from, place.at));
    from = place.at + place.quoted.length;
  }
  pieces.push(text.slice(from));
  const [a, b, c, d] = pieces as [string, string, string, string];
  const [first, second, third] = places.map((p) => p.field) as [
    keyof PerSubject,
    keyof PerSubject,
    keyof PerSubject,
  ];
  // The purposes (a closed shape) field by field; the subject and outcome as canonicalJson writes them.
  const textOf = (field: keyof PerSubject, entry: PerSubject) =>
    field === 'purposes' ? canonicalPurposesText(entry.purposes) : canonicalJson(entry[field]);
  return (entry) => a + textOf(first, entry) + b + textOf(second, entry) + c + textOf(third, entry) + d;
}
