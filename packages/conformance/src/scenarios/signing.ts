import {
  generateSigningKey,
  jwks,
  type SignatureAlgorithm,
  type SigningKey,
  signStatement,
  trustInMemory,
  verifyChain,
} from '@reuse-pref/provenance';
import type { Statement } from '@reuse-pref/schema';
import { importJWK, type JWK } from 'jose';
import { merge, type Scope } from './template.js';
import type { ScenarioTarget, VerifySignatureStep } from './types.js';

/** The producer key a scenario run signs fixtures with, and its public half for verifying. */
export interface RunSigner {
  key: SigningKey;
  publicJwk: JWK;
  /** Every fixture statement is signed (the run was given a key the service trusts). */
  signAll: boolean;
}

/** The run's signer: the key given with --signing-key, or an Ed25519 key made for this run. */
export async function runSigner(target: ScenarioTarget): Promise<RunSigner> {
  if (!target.signingKey) {
    const made = await generateSigningKey('EdDSA', 'conformance-run');
    return { key: made.signingKey, publicJwk: made.publicJwk, signAll: false };
  }
  const jwk = target.signingKey as JWK;
  const alg = jwk.alg as SignatureAlgorithm;
  const privateKey = await importJWK(jwk, alg);
  if (privateKey instanceof Uint8Array) throw new TypeError('--signing-key is not an asymmetric key');
  const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...publicJwk } = jwk;
  return { key: { alg, kid: String(jwk.kid), privateKey }, publicJwk, signAll: true };
}

/**
 * Signs the built statements in a body about to be sent, as their `$statement` directive and the run
 * say; the signed copy of statement `a` is then `${signed.a}` (an altered one is kept as sent).
 */
export async function signFixtures(value: unknown, scope: Scope, signer: RunSigner): Promise<unknown> {
  if (Array.isArray(value)) return Promise.all(value.map((v) => signFixtures(v, scope, signer)));
  if (typeof value !== 'object' || value === null) return value;
  const mark = scope.marks.get(value);
  if (mark) {
    if (!(mark.signed ?? signer.signAll)) return value;
    // ${signed.<name>} (and ${signed.<name>.signature.jws}): one object of signed copies per test.
    const copies = (scope.values.get('signed') ?? {}) as Record<string, unknown>;
    scope.values.set('signed', copies);
    if (!(mark.name in copies)) {
      const signed = await signStatement(value as Statement, signer.key);
      copies[mark.name] =
        mark.alteredAfterSigning === undefined ? signed : merge(signed, mark.alteredAfterSigning);
      // What was sent is now the signed statement: ${name} read-backs compare against it, whole.
      if (mark.alteredAfterSigning === undefined) {
        scope.values.set(mark.name, signed);
        scope.marks.set(signed, { ...mark, signed: false });
      }
    }
    return copies[mark.name];
  }
  const entries = await Promise.all(
    Object.entries(value).map(async ([k, v]) => [k, await signFixtures(v, scope, signer)] as const),
  );
  return Object.fromEntries(entries);
}

/** Why the statement's chain is not as the step expects, or undefined when it is. */
export async function verifySignatureProblem(
  step: VerifySignatureStep,
  scope: Scope,
  signer: RunSigner,
): Promise<string | undefined> {
  const name = (ref: string) => ref.replace(/^\$\{|\}$/g, '');
  const statement = scope.lookup(name(step.statement)) as Statement;
  if (typeof statement !== 'object' || statement === null) return `${step.statement} is not a statement`;
  const keysOf = (ref: string) =>
    ref === 'suite' ? [signer.publicJwk] : ((scope.lookup(name(ref)) as { keys?: JWK[] })?.keys ?? []);
  const relays = new Set((statement.signature?.hops ?? []).map((h) => h.relay));
  const { keys } = trustInMemory([
    {
      supplier: String(statement.recordedBy?.supplierId),
      roles: ['producer'],
      keys: jwks(keysOf(step.producerKeys)).keys,
    },
    ...[...relays].map((relay) => ({
      supplier: relay,
      roles: ['relay' as const],
      keys: step.relayKeys ? keysOf(step.relayKeys) : [],
    })),
  ]);
  const verdict = await verifyChain(statement, keys);
  const seen = verdict.failures.map((f) => `${f.rule} at ${f.at}`).join(', ') || 'no failure';
  if (verdict.verified !== step.expect.verified)
    return `the chain ${verdict.verified ? 'verifies' : `does not verify (${seen})`}, want verified ${step.expect.verified}`;
  const hops = statement.signature?.hops?.length ?? 0;
  if (step.expect.hops !== undefined && hops !== step.expect.hops)
    return `the chain has ${hops} hop(s), want ${step.expect.hops}`;
  const missing = (step.expect.rules ?? []).filter((r) => !verdict.failures.some((f) => f.rule === r));
  if (missing.length > 0) return `rule(s) ${missing.join(', ')} not failed (${seen})`;
  return undefined;
}
