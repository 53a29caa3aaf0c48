import { createHash } from 'node:crypto';
import { canonicalJson, type LedgerEntry, type PurposeOutcome } from '@reuse-pref/schema';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commitmentLeaf, leafHash, leafHashOfText, ledgerCommitment } from '../src/index.js';
import { commitmentLeafText } from '../src/ledger/commitment.js';
import { ledgerEntryText } from '../src/ledger/entry-text.js';
import { canonicalPurposesText, purposesDocumentText } from '../src/ledger/purposes-text.js';

// Recording a release writes each subject's entry, commitment and leaf from templates and reused
// buffers (the national-scale path); every text and hash must be exactly what the definitions give:
// canonicalJson of the document, SHA-256 over salt || canonical entry, RFC 9162 leaf hash of the line.

// Any text, quotes, backslashes, control characters, astral and lone surrogates included: the template
// must escape what canonical JSON escapes and nothing else.
const text = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.constantFrom('"', '\\', '\u0000', '\u001f', '\u2028', '\ud83d\ude00', '\ud800', 'é', '学校', ''),
);
const purpose: fc.Arbitrary<PurposeOutcome> = fc.record(
  {
    purpose: fc.constantFrom('RSCH', 'LINK', 'COMM', 'X"Y'),
    shared: fc.boolean(),
    default: fc.boolean(),
    decidedBy: fc.oneof(fc.uuid(), fc.constant(null)),
    overriddenBy: text,
  },
  { requiredKeys: ['purpose', 'shared', 'default', 'decidedBy'] },
) as fc.Arbitrary<PurposeOutcome>;
const perSubject = fc.record({
  outcome: fc.constantFrom('INCL', 'EXCL', 'OVRD') as fc.Arbitrary<LedgerEntry['outcome']>,
  purposes: fc.array(purpose, { maxLength: 4 }),
  subject: fc.record({ upn: text, uln: text }, { requiredKeys: [] }),
});
const shared = fc.record(
  {
    releaseId: fc.oneof(fc.uuid(), text),
    dsReference: text,
    decidedAt: fc.constantFrom('2026-11-30T00:00:00.000Z', '2026-01-01T09:30:00Z'),
    recipient: fc.record({ name: text, class: fc.constantFrom('ACAD', 'GOVT') }),
    lawfulBasis: text,
    deliveryMode: text,
    retainUntil: text,
    exemption: fc.record({ code: text, citation: text }),
  },
  {
    requiredKeys: [
      'releaseId',
      'dsReference',
      'decidedAt',
      'recipient',
      'lawfulBasis',
      'deliveryMode',
      'retainUntil',
    ],
  },
);

describe('the texts a release is recorded with', () => {
  it('a ledger entry from the release template is its canonical JSON, exemption or not', () => {
    fc.assert(
      fc.property(shared, perSubject, fc.array(perSubject, { maxLength: 5 }), (common, first, rest) => {
        const sample = { ...common, ...first } as unknown as LedgerEntry;
        const entryText = ledgerEntryText(sample);
        for (const one of [first, ...rest]) {
          const entry = { ...common, ...one } as unknown as LedgerEntry;
          expect(entryText(entry)).toBe(canonicalJson(entry));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('purposes written field by field: canonical JSON, and JSON.stringify of the gate objects', () => {
    fc.assert(
      fc.property(fc.array(purpose, { maxLength: 5 }), (purposes) => {
        expect(canonicalPurposesText(purposes)).toBe(canonicalJson(purposes));
        // The arbitrary's members come in the gate's order (purpose, shared, default, decidedBy, overriddenBy).
        expect(purposesDocumentText(purposes)).toBe(JSON.stringify(purposes));
      }),
      { numRuns: 500 },
    );
  });

  it('a commitment leaf from the release template is its canonical JSON', () => {
    fc.assert(
      fc.property(fc.oneof(fc.uuid(), text), fc.uint8Array({ minLength: 32, maxLength: 32 }), (id, bytes) => {
        const commitment = Buffer.from(bytes).toString('hex');
        expect(commitmentLeafText(id)(commitment)).toBe(
          canonicalJson({ type: 'subject', releaseId: id, commitment }),
        );
      }),
    );
  });

  it('a commitment is SHA-256 over the salt bytes and the canonical entry, however long the entry', () => {
    const salt = 'ab'.repeat(32);
    // Short, multi-byte and longer than the reused buffer (it grows), then short again.
    for (const name of ['x', 'é学😀'.repeat(3), 'long '.repeat(3000), '"\\', 'y']) {
      const entry = { releaseId: 'r', subject: { upn: name }, purposes: [] } as unknown as LedgerEntry;
      const expected = createHash('sha256')
        .update(Buffer.from(salt, 'hex'))
        .update(canonicalJson(entry), 'utf8')
        .digest('hex');
      expect(ledgerCommitment(entry, salt)).toBe(expected);
      expect(commitmentLeaf(entry, salt).commitment).toBe(expected);
    }
  });

  it('a leaf hash of a line is the leaf hash of its UTF-8 bytes', () => {
    fc.assert(
      fc.property(fc.oneof(text, fc.string({ unit: 'binary', minLength: 900, maxLength: 3000 })), (line) => {
        expect(leafHashOfText(line).equals(leafHash(Buffer.from(line, 'utf8')))).toBe(true);
      }),
    );
  });
});
