import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { loadSignatureVectors } from './load-signature-vectors.js';

const repo = new URL('../../../', import.meta.url);
const read = (path: string) => JSON.parse(readFileSync(new URL(path, repo), 'utf8'));
const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats.default(ajv);
ajv.addSchema(read('conformance/test-schema.json'));
const checkFile = ajv.compile({ $ref: 'https://schemas.reuse-pref.org/v1/conformance/test-schema.json' });
const checkStatement = ajv.compile(read('spec/v1/schemas/statement.schema.json'));
const checkSignature = ajv.compile(read('spec/v1/schemas/statement-signature.schema.json'));
const checkTrustList = ajv.compile(read('spec/v1/schemas/trust-list.schema.json'));
const cases = loadSignatureVectors();

describe('signature vector file', () => {
  it('fits conformance/test-schema.json', () => {
    expect(checkFile(cases), JSON.stringify(checkFile.errors)).toBe(true);
  });

  it('every statement that verifies fits statement.schema.json, its signature statement-signature.schema.json', () => {
    const verifying = cases.filter((c) => c.tests.every((t) => t.expect.verified));
    expect(verifying.length).toBeGreaterThan(2);
    for (const c of verifying) {
      expect(checkStatement(c.input.statement), `${c.id} ${JSON.stringify(checkStatement.errors)}`).toBe(
        true,
      );
      expect(checkSignature(c.input.statement.signature), c.id).toBe(true);
    }
  });

  it("the trust list's payload fits trust-list.schema.json", () => {
    const payload = cases[0]!.input.trustList.split('.')[1]!;
    expect(checkTrustList(JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')))).toBe(true);
  });

  it('the schema refuses a signature with an attached payload and a hop with an extra member', () => {
    const good = cases.find((c) => c.id === 'signature-good-chain')!.input.statement.signature!;
    const [h, , s] = good.jws.split('.');
    expect(checkSignature({ jws: `${h}.e30.${s}` })).toBe(false);
    expect(checkSignature({ ...good, hops: [{ ...good.hops![0]!, via: 'x' }] })).toBe(false);
    expect(checkSignature({ ...good, note: 'x' })).toBe(false);
  });
});
