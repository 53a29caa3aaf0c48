import { readFileSync } from 'node:fs';
import type { Statement } from '@reuse-pref/schema';
import type { JSONWebKeySet } from 'jose';

export interface SignatureVectorCase {
  id: string;
  description: string;
  section: string;
  level: string;
  input: {
    asOf: string;
    trustAnchor: JSONWebKeySet;
    trustList: string;
    jwks: Record<string, JSONWebKeySet>;
    statement: Statement;
  };
  tests: { id: string; expect: { verified: boolean; failures: { rule: string; at: string }[] } }[];
}

export const vectorsRoot = new URL('../../../conformance/vectors/v1/signature/', import.meta.url);

export function loadSignatureVectors(): SignatureVectorCase[] {
  return JSON.parse(
    readFileSync(new URL('must/signatures.json', vectorsRoot), 'utf8'),
  ) as SignatureVectorCase[];
}
