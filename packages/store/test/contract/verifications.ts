import type { Statement, StatementVerification } from '@reuse-pref/schema';
import { expect, it } from 'vitest';
import { prepareStatement, StatementConflictError } from '../../src/index.js';
import { freshUrn, makeStatement, upn, verifiedOutcome } from './fixtures.js';
import { finding, type StoreFactory } from './harness.js';

const AT = '2026-11-30T09:00:00.000Z';
const verified = verifiedOutcome;
const unsigned: StatementVerification = {
  outcome: 'unsigned',
  rule: null,
  signerKid: null,
  hops: 0,
  verifiedAt: AT,
};
const broken: StatementVerification = {
  outcome: 'broken',
  rule: 'signature-invalid',
  signerKid: 'mis-1',
  hops: 2,
  verifiedAt: '2026-11-30T09:00:01.250Z',
};

/** A statement carrying a signature member, with its keys in an order no serializer would choose. */
function signed(urn: string): Statement {
  const { id, ...rest } = makeStatement({ urn, upn: upn(7) });
  return {
    signature: { jws: 'eyJhbGciOiJFZERTQSIsImtpZCI6Im1pcy0xIn0..c2lnbmF0dXJl', hops: [] },
    id,
    ...rest,
  } as Statement;
}

/** Signature verification outcomes: written with the statement, in its transaction, read beside it. */
export function verificationsContract(open: StoreFactory): void {
  it('records the outcome with an appended statement and leaves the statement byte for byte as given', async () => {
    const store = await open();
    const urn = freshUrn();
    const statement = signed(urn);
    await store.statements.append(statement, { verification: verified() });
    expect(await store.verifications.get(statement.id)).toEqual(verified());
    expect(await store.verifications.get(statement.id, urn)).toEqual(verified());
    const stored = await store.statements.get(statement.id, urn);
    expect(JSON.stringify(stored?.statement)).toBe(JSON.stringify(statement));
    const listed = await store.statements.list(urn);
    expect(JSON.stringify(listed.items[0]?.statement)).toBe(JSON.stringify(statement));
  });

  it('records nothing for a statement stored without an outcome (policy off, or stored before)', async () => {
    const store = await open();
    const statement = makeStatement({ urn: freshUrn() });
    await store.statements.append(statement);
    expect(await store.verifications.get(statement.id)).toBeUndefined();
    expect(await store.verifications.countVerified([statement.id])).toBe(0);
  });

  it('keeps every field of each outcome: verified, unsigned, broken with its rule', async () => {
    const store = await open();
    const urn = freshUrn();
    const given = [verified('kid-a', 0), unsigned, broken];
    const statements = given.map(() => makeStatement({ urn }));
    const result = await store.statements.appendBatch(
      statements.map((statement, i) =>
        i === 0
          ? { statement, verification: given[i]! }
          : { prepared: prepareStatement(statement, given[i]!) },
      ),
    );
    expect(result.committed).toBe(true);
    for (const [i, statement] of statements.entries())
      expect(await store.verifications.get(statement.id, urn)).toEqual(given[i]);
  });

  it('keeps the first outcome of a copy: a duplicate does not change it', async () => {
    const store = await open();
    const statement = makeStatement({ urn: freshUrn() });
    await store.statements.append(statement, { verification: broken });
    const again = await store.statements.append(statement, { verification: verified() });
    expect(again.outcome).toBe('duplicate');
    expect(await store.verifications.get(statement.id)).toEqual(broken);
  });

  it("keeps each school's copy's own outcome; by id alone, the first stored copy's", async () => {
    const store = await open();
    const [first, second] = [freshUrn(), freshUrn()];
    const statement = makeStatement({ urn: first });
    const moved = { ...statement, setting: { ...statement.setting, urn: second } };
    await store.statements.append(statement, { verification: unsigned });
    await store.statements.append(moved, { verification: verified() });
    expect(await store.verifications.get(statement.id, first)).toEqual(unsigned);
    expect(await store.verifications.get(statement.id, second)).toEqual(verified());
    expect(await store.verifications.get(statement.id)).toEqual(unsigned);
    // Any school's copy verified end to end counts.
    expect(await store.verifications.countVerified([statement.id])).toBe(1);
  });

  it('writes nothing of a batch that does not commit: no statement, no outcome', async () => {
    const store = await open();
    const urn = freshUrn();
    const good = makeStatement({ urn });
    const result = await store.statements.appendBatch([
      { prepared: prepareStatement(good, verified()) },
      { rejected: [finding] },
    ]);
    expect(result.committed).toBe(false);
    expect(await store.statements.get(good.id)).toBeUndefined();
    expect(await store.verifications.get(good.id)).toBeUndefined();
  });

  it('writes no outcome for a statement refused as a conflict', async () => {
    const store = await open();
    const urn = freshUrn();
    const original = makeStatement({ urn });
    await store.statements.append(original);
    const altered = { ...original, expressedAt: '2026-10-01T00:00:00Z' };
    await expect(store.statements.append(altered, { verification: verified() })).rejects.toBeInstanceOf(
      StatementConflictError,
    );
    const fresh = makeStatement({ urn });
    const batch = await store.statements.appendBatch([
      { prepared: prepareStatement(fresh, verified()) },
      { prepared: prepareStatement(altered, verified()) },
    ]);
    expect(batch.committed).toBe(false);
    expect(await store.verifications.get(original.id)).toBeUndefined();
    expect(await store.verifications.get(fresh.id)).toBeUndefined();
    expect(await store.statements.get(fresh.id)).toBeUndefined();
  });

  it('stores no statement when its outcome cannot be written (the same transaction)', async () => {
    const store = await open();
    const statement = makeStatement({ urn: freshUrn() });
    const bad = { ...verified(), outcome: 'trusted' } as unknown as StatementVerification;
    await expect(store.statements.append(statement, { verification: bad })).rejects.toThrow();
    expect(await store.statements.get(statement.id)).toBeUndefined();
    const other = makeStatement({ urn: freshUrn() });
    await expect(
      store.statements.appendBatch([
        { prepared: prepareStatement(other, verified()) },
        { prepared: prepareStatement(makeStatement({ urn: freshUrn() }), bad) },
      ]),
    ).rejects.toThrow();
    expect(await store.statements.get(other.id)).toBeUndefined();
    expect(await store.verifications.get(other.id)).toBeUndefined();
  });

  it('counts the ids verified end to end, each time an id is given, in one query', async () => {
    const store = await open();
    const urn = freshUrn();
    const [a, b, c, d] = [0, 1, 2, 3].map(() => makeStatement({ urn }));
    await store.statements.appendBatch([
      { statement: a!, verification: verified() },
      { statement: b!, verification: broken },
      { statement: c!, verification: unsigned },
      { statement: d! },
    ]);
    expect(await store.verifications.countVerified([])).toBe(0);
    expect(await store.verifications.countVerified([a!.id])).toBe(1);
    expect(await store.verifications.countVerified([a!.id, b!.id, c!.id, d!.id])).toBe(1);
    expect(await store.verifications.countVerified([a!.id, a!.id, b!.id])).toBe(2);
    expect(await store.verifications.countVerified(['00000000-0000-4000-8000-000000000000'])).toBe(0);
    const many = Array.from({ length: 5000 }, (_, i) => (i % 2 === 0 ? a!.id : c!.id));
    expect(await store.verifications.countVerified(many)).toBe(2500);
  });
}
