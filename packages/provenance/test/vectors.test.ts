import { describe, expect, it } from 'vitest';
import { keyDirectory, readTrustList, TrustListError, verifyChain } from '../src/index.js';
import { loadSignatureVectors, type SignatureVectorCase } from './load-signature-vectors.js';

/** What a verifier in any language does with one case: read the trust list, then verify the chain. */
async function run(input: SignatureVectorCase['input']) {
  let list: Awaited<ReturnType<typeof readTrustList>>;
  try {
    list = await readTrustList(input.trustList, input.trustAnchor, { asOf: input.asOf });
  } catch (error) {
    if (!(error instanceof TrustListError)) throw error;
    return { verified: false, failures: [{ rule: error.rule, at: '/trustList' }] };
  }
  const keys = keyDirectory(list, (uri) => {
    const found = input.jwks[uri];
    if (!found) throw new Error(`no JWKS at ${uri}`);
    return found;
  });
  const verdict = await verifyChain(input.statement, keys);
  return { verified: verdict.verified, failures: verdict.failures.map(({ rule, at }) => ({ rule, at })) };
}

const cases = loadSignatureVectors();

describe('signature vectors (conformance/vectors/v1/signature)', () => {
  it('cover every kind the spec names', () => {
    const ids = cases.map((c) => c.id);
    for (const id of [
      'signature-good-chain',
      'signature-altered-choice',
      'signature-reordered-hops',
      'signature-unknown-key',
      'signature-expired-key',
      'signature-rotated-key-before-rotation',
      'signature-revoked-key',
      'signature-alg-none',
      'signature-hs256-with-public-key',
    ])
      expect(ids).toContain(id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  for (const c of cases)
    for (const t of c.tests)
      it(`${c.id}/${t.id}: ${c.description}`, async () => {
        expect(await run(c.input)).toEqual(t.expect);
      });
});
