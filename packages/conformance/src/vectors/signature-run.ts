import {
  generateSigningKey,
  type SignatureAlgorithm,
  signStatement,
  trustInMemory,
  verifyChain,
} from '@reuse-pref/provenance';
import type { Statement } from '@reuse-pref/schema';
import { exportJWK } from 'jose';
import type { Harness } from '../protocol/client.js';
import type {
  Capability,
  RunResponse,
  SignStatementResult,
  VerifySignatureResult,
} from '../protocol/messages.js';
import type { Status, TestResult } from '../report/result.js';
import type { VectorFile } from './load.js';

function outcome(response: RunResponse): { status: Status; message?: string; result?: unknown } {
  if ('result' in response) return { status: 'pass', result: response.result };
  if ('skipped' in response)
    return { status: 'unsupported', message: `harness skipped: ${response.skipped?.message}` };
  return { status: 'errored', message: response.errored?.message ?? 'errored' };
}

const failuresText = (fs: readonly { rule: string; at: string }[]) =>
  fs.length === 0 ? 'none' : fs.map((f) => `${f.rule} at ${f.at}`).join(', ');

/** The verdict against the vector: `verified` and the failures (rule and pointer) in order, exactly. */
function compareVerdict(got: VerifySignatureResult, want: VerifySignatureResult): string | undefined {
  const same =
    got.verified === want.verified &&
    got.failures.length === want.failures.length &&
    got.failures.every((f, i) => f.rule === want.failures[i]!.rule && f.at === want.failures[i]!.at);
  if (same) return undefined;
  return `got verified ${got.verified} with failures ${failuresText(got.failures)}; want verified ${want.verified} with failures ${failuresText(want.failures)}`;
}

/** Runs the verify-signature vectors of one file through the harness. */
export async function runSignatureFile(
  harness: Harness,
  file: VectorFile,
  capabilities: readonly Capability[],
): Promise<TestResult[]> {
  const results: TestResult[] = [];
  for (const c of file.cases) {
    for (const t of c.tests) {
      const base = {
        section: c.section,
        level: c.level,
        suite: file.kind,
        id: `${c.id}/${t.id}`,
        description: t.description ?? c.description,
      };
      if (!capabilities.includes('verify-signature')) {
        results.push({
          ...base,
          status: 'unsupported',
          message: 'harness does not declare verify-signature',
          durationMs: 0,
        });
        continue;
      }
      const started = performance.now();
      const { asOf, trustAnchor, trustList, jwks, statement } = c.input!;
      const input = { asOf, trustAnchor: trustAnchor!, trustList: trustList!, jwks: jwks!, statement };
      const o = outcome(await harness.run({ id: base.id, kind: 'verify-signature', input }));
      const message =
        o.status === 'pass'
          ? compareVerdict(o.result as VerifySignatureResult, t.expect as unknown as VerifySignatureResult)
          : o.message;
      results.push({
        ...base,
        status: o.status === 'pass' && message ? 'fail' : o.status,
        ...(message ? { message } : {}),
        durationMs: performance.now() - started,
      });
    }
  }
  return results;
}

/** The sign-statement tests: the runner makes a fresh key, the harness signs, the runner verifies. */
export const SIGN_TESTS = [
  { id: 'sign-statement-eddsa/verifies', alg: 'EdDSA', hop: false },
  { id: 'sign-statement-es256/verifies', alg: 'ES256', hop: false },
  { id: 'sign-hop-eddsa/verifies', alg: 'EdDSA', hop: true },
] as const;

const RELAY = 'INT-CONFORMANCE';

/**
 * signatures.md 3-4 from the signing side: the harness is given a statement and a private key made for
 * this run (never one from a file), and what it answers must verify with the public half, with the
 * statement's content, and for a hop every earlier signature, unchanged.
 */
export async function runSignTests(
  harness: Harness,
  unsignedStatement: Statement,
  capabilities: readonly Capability[],
): Promise<TestResult[]> {
  const results: TestResult[] = [];
  for (const test of SIGN_TESTS) {
    const base = {
      section: test.hop ? 'signatures.md 4' : 'signatures.md 3',
      level: 'MUST' as const,
      suite: 'signature',
      id: test.id,
      description: test.hop
        ? 'adds a hop (EdDSA) that verifies, passing the producer signature on unchanged'
        : `signs a statement with ${test.alg} so that it verifies against the public key`,
    };
    if (!capabilities.includes('sign-statement')) {
      results.push({
        ...base,
        status: 'unsupported',
        message: 'harness does not declare sign-statement',
        durationMs: 0,
      });
      continue;
    }
    const started = performance.now();
    const alg = test.alg as SignatureAlgorithm;
    const producer = await generateSigningKey(test.hop ? 'EdDSA' : alg, 'conformance-producer');
    const relay = await generateSigningKey(alg, 'conformance-relay');
    const signer = test.hop ? relay : producer;
    const privateJwk = {
      ...(await exportJWK(signer.signingKey.privateKey)),
      kid: signer.signingKey.kid,
      alg,
    };
    const given = test.hop ? await signStatement(unsignedStatement, producer.signingKey) : unsignedStatement;
    const relayedAt = new Date(Date.parse(given.recordedAt) + 86_400_000).toISOString();
    const input = {
      statement: given,
      key: privateJwk,
      ...(test.hop ? { hop: { relay: RELAY, relayedAt } } : {}),
    };
    const o = outcome(await harness.run({ id: test.id, kind: 'sign-statement', input }));
    let message = o.message;
    if (o.status === 'pass') {
      const signed = (o.result as SignStatementResult).statement as Statement;
      const { keys } = trustInMemory([
        { supplier: given.recordedBy.supplierId, roles: ['producer'], keys: [producer.publicJwk] },
        { supplier: RELAY, roles: ['relay'], keys: [relay.publicJwk] },
      ]);
      message = await signedProblem(given, signed, test.hop, keys);
    }
    results.push({
      ...base,
      status: o.status === 'pass' && message ? 'fail' : o.status,
      ...(message ? { message } : {}),
      durationMs: performance.now() - started,
    });
  }
  return results;
}

async function signedProblem(
  given: Statement,
  signed: Statement,
  hop: boolean,
  keys: Parameters<typeof verifyChain>[1],
): Promise<string | undefined> {
  if (typeof signed !== 'object' || signed === null) return 'the answer holds no statement';
  const { signature, ...content } = signed;
  const { signature: before, ...givenContent } = given;
  if (JSON.stringify(content) !== JSON.stringify(givenContent)) return 'the statement content was changed';
  if (hop) {
    if (signature?.jws !== before?.jws) return "the producer's jws was not passed on unchanged";
    if (signature?.hops?.length !== 1) return `want exactly one hop, got ${signature?.hops?.length ?? 0}`;
  } else if (signature?.hops !== undefined) return 'a producer signature carries no hops';
  const verdict = await verifyChain(signed, keys);
  return verdict.verified ? undefined : `does not verify: ${failuresText(verdict.failures)}`;
}
