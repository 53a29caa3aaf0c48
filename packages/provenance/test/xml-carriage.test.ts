import { BlockVersions, statementsToXml, XmlWriteError, xmlToStatements } from '@reuse-pref/xml';
import { describe, expect, it } from 'vitest';
import { keyDirectory, readTrustList, verifyChain } from '../src/index.js';
import { loadSignatureVectors } from './load-signature-vectors.js';

const cases = loadSignatureVectors();
const chain = cases.find((c) => c.id === 'signature-good-chain')!;

describe('signatures in CTF and census XML (spec/v1/xml/mapping.md)', () => {
  it('a signed, relayed statement reads back from XML identical, and its chain still verifies', async () => {
    const { input } = chain;
    const xml = statementsToXml([input.statement]);
    expect(xml).toContain('<Signature>');
    expect(xml).toContain('<Hop>');
    const [back] = xmlToStatements(xml);
    expect(back).toStrictEqual(input.statement);
    const list = await readTrustList(input.trustList, input.trustAnchor, { asOf: input.asOf });
    const verdict = await verifyChain(
      back!,
      keyDirectory(list, (uri) => input.jwks[uri]!),
    );
    expect(verdict).toMatchObject({ verified: true, failures: [] });
  });

  it('every vector statement round-trips through XML unchanged', () => {
    const carried = cases
      .map((c) => c.input.statement)
      .filter(
        (s) =>
          typeof s.signature?.jws === 'string' && /^[A-Za-z0-9_-]+\.\.[A-Za-z0-9_-]+$/.test(s.signature.jws),
      );
    expect(carried.length).toBeGreaterThan(10);
    expect(xmlToStatements(statementsToXml(carried))).toStrictEqual(carried);
  });

  it('a signature with no hops has no <Hops> element, and the previous block version refuses a signature', () => {
    const signed = cases.find((c) => c.id === 'signature-good-no-hops')!.input.statement;
    const xml = statementsToXml([signed]);
    expect(xml).not.toContain('<Hops>');
    expect(xmlToStatements(xml)).toStrictEqual([signed]);
    expect(() => statementsToXml([signed], { version: BlockVersions.previous })).toThrow(XmlWriteError);
    expect(() => statementsToXml([signed], { version: BlockVersions.previous })).toThrow(/\/0\/signature/);
  });
});
