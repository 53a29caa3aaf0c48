import {
  addHop,
  keyDirectory,
  readTrustList,
  type SignatureAlgorithm,
  signStatement,
  TrustListError,
  verifyChain,
} from '@reuse-pref/provenance';
import type { Statement } from '@reuse-pref/schema';
import { importJWK, type JSONWebKeySet, type JWK } from 'jose';
import type {
  SignStatementInput,
  SignStatementResult,
  VerifySignatureInput,
  VerifySignatureResult,
} from './messages.js';

/** @reuse-pref/provenance behind the harness's verify-signature: the trust list first, then the chain. */
export async function verifySignature(input: VerifySignatureInput): Promise<VerifySignatureResult> {
  let trustList: Awaited<ReturnType<typeof readTrustList>>;
  try {
    trustList = await readTrustList(input.trustList, input.trustAnchor as JSONWebKeySet, {
      asOf: input.asOf,
    });
  } catch (error) {
    if (!(error instanceof TrustListError)) throw error;
    return {
      verified: false,
      failures: [{ rule: 'trust-list-invalid', at: '/trustList', message: error.message }],
    };
  }
  const keys = keyDirectory(trustList, (uri) => {
    const set = input.jwks[uri];
    if (!set) throw new Error(`${uri} cannot be loaded`);
    return set as JSONWebKeySet;
  });
  const verdict = await verifyChain(input.statement as Statement, keys);
  return {
    verified: verdict.verified,
    failures: verdict.failures.map((f) => ({ rule: f.rule, at: f.at, message: f.message })),
  };
}

/** @reuse-pref/provenance behind the harness's sign-statement: the producer's signature, or a relay's hop. */
export async function signStatementRun(input: SignStatementInput): Promise<SignStatementResult> {
  const jwk = input.key as JWK;
  const alg = jwk.alg as SignatureAlgorithm;
  const privateKey = await importJWK(jwk, alg);
  if (privateKey instanceof Uint8Array)
    throw new TypeError('sign-statement: the key is not an asymmetric key');
  const key = { alg, kid: String(jwk.kid), privateKey };
  const statement = input.statement as Statement;
  return {
    statement: input.hop
      ? await addHop(statement, { relay: input.hop.relay, relayedAt: input.hop.relayedAt, key })
      : await signStatement(statement, key),
  };
}
