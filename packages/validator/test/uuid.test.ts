import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isUuid } from '../src/uuid.js';

// The table-driven matcher must accept exactly what this reads: 8-4-4-4-12 hex digits, either case.
const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

describe('isUuid', () => {
  it.each([
    { given: 'e5f97c6e-f800-46ee-8cdd-e1e4f97e5b09', want: true },
    { given: 'E5F97C6E-F800-46EE-8CDD-E1E4F97E5B09', want: true },
    { given: 'urn:uuid:e5f97c6e-f800-46ee-8cdd-e1e4f97e5b09', want: false },
    { given: 'e5f97c6ef80046ee8cdde1e4f97e5b09', want: false },
    { given: 'e5f97c6e-f800-46ee-8cdd-e1e4f97e5b0g', want: false },
    // A code unit of 0x130 folds onto '0' (0x30) under a 7-bit mask: the table must not be fooled.
    { given: 'e5f97c6e-f800-46ee-8cdd-e1e4f97e5b\u0130', want: false },
    { given: 'e5f97c6e-f800-46ee-8cdd-e1e4f97e5b\u01ad9', want: false },
    { given: 'e5f97c6e_f800-46ee-8cdd-e1e4f97e5b09', want: false },
  ])('$given -> $want', ({ given, want }) => {
    expect(isUuid(given)).toBe(want);
  });

  it('agrees with the RFC 9562 text form on generated and near-miss strings', () => {
    const near = fc
      .tuple(fc.uuid(), fc.nat(35), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }))
      .map(([u, i, c]) => u.slice(0, i) + c + u.slice(i + 1));
    fc.assert(
      fc.property(
        fc.oneof(fc.uuid(), near, fc.string({ unit: 'binary', maxLength: 40 })),
        (s) => isUuid(s) === UUID.test(s),
      ),
      { numRuns: 5000 },
    );
  });
});
