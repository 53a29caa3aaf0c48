// One pass of the "signatures" benchmark, in its own process (pinned to one core by signatures.mjs):
//   pass.mjs sign <EdDSA|ES256> <n>      sign n statements (signStatement)
//   pass.mjs verify <EdDSA|ES256> <n>    verify n statements signed at the MIS and relayed once (verifyChain)
//   pass.mjs ingest <off|require-signature> <EdDSA|ES256> <n>
//       NDJSON batches of n signed, relayed statements to a receiver's /intake/batches over loopback, on a
//       fresh SQLite store, the server in this process with one ingest worker thread per core (parsing,
//       validating and, under require-signature, verifying), as a receiver is run in production; off and
//       require-signature run on the same cores with the same threads
// Prints one JSON line: records, seconds, maxRssMB (and cpuSeconds for ingest). Signing the input of verify and ingest is not timed.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { importSource, root } from '../ingest/runtime.mjs';
import { statementOf } from '../ingest/statements.mjs';

const [mode, arg, ...rest] = process.argv.slice(2);
// ingest takes the algorithm the statements are signed with before the count.
const alg = mode === 'ingest' ? rest[0] : arg;
const count = rest.at(-1);
const n = Number(count);
const provenance = await importSource('packages/provenance/src/index.ts');
// The jose the package itself runs on.
const fromProvenance = createRequire(join(root, 'packages', 'provenance', 'package.json'));
const jose = await import(pathToFileURL(fromProvenance.resolve('jose')).href);
const { addHop, generateSigningKey, signStatement, trustInMemory, verifyChain } = provenance;

async function setup(alg) {
  const mis = await generateSigningKey(alg, 'mis-1');
  const relay = await generateSigningKey(alg, 'relay-1');
  const { keys } = trustInMemory([
    { supplier: 'SUP-EXAMPLE', roles: ['producer'], keys: [mis.publicJwk] },
    { supplier: 'INT-RELAY', roles: ['relay'], keys: [relay.publicJwk] },
  ]);
  return { mis, relay, keys };
}

async function signedChain(ctx, count, from = 0) {
  const out = new Array(count);
  for (let i = 0; i < count; i++) {
    const s = await signStatement(statementOf(from + i), ctx.mis.signingKey);
    out[i] = await addHop(s, {
      relay: 'INT-RELAY',
      relayedAt: '2026-09-05T00:00:00Z',
      key: ctx.relay.signingKey,
    });
  }
  return out;
}

let seconds;
// CPU time of the whole process (every thread) over the timed part of an ingest pass: on a machine whose
// cores are all busy with other work the wall-clock ratio tends to the ratio of CPU time per statement.
let cpuSeconds;
let failures = 0;
if (mode === 'sign') {
  const ctx = await setup(arg);
  const input = Array.from({ length: n }, (_, i) => statementOf(i));
  const started = process.hrtime.bigint();
  for (const s of input) await signStatement(s, ctx.mis.signingKey);
  seconds = Number(process.hrtime.bigint() - started) / 1e9;
} else if (mode === 'verify') {
  const ctx = await setup(arg);
  const input = await signedChain(ctx, n);
  const started = process.hrtime.bigint();
  for (const s of input) if (!(await verifyChain(s, ctx.keys)).verified) failures++;
  seconds = Number(process.hrtime.bigint() - started) / 1e9;
} else if (mode === 'ingest') {
  const ctx = await setup(alg);
  const input = await signedChain(ctx, n);
  const dir = mkdtempSync(join(tmpdir(), 'rp-bench-signatures-'));
  const { jwksFromFile, startServer } = await importSource('packages/server/src/index.ts');
  const { publicKey, privateKey } = await jose.generateKeyPair('ES256', { extractable: true });
  const jwksFile = join(dir, 'jwks.json');
  writeFileSync(
    jwksFile,
    JSON.stringify({ keys: [{ ...(await jose.exportJWK(publicKey)), kid: 'bench', alg: 'ES256' }] }),
  );
  const token = await new jose.SignJWT({ scope: 'receiver:write receiver:read school:*', client_id: 'bench' })
    .setProtectedHeader({ alg: 'ES256', kid: 'bench' })
    .setIssuer('https://bench.invalid')
    .setAudience('https://bench.invalid/api')
    .setSubject('bench')
    .setIssuedAt()
    .setExpirationTime('2h')
    .sign(privateKey);
  const running = await startServer({
    role: 'receiver',
    store: { kind: 'sqlite', path: join(dir, 'store.db') },
    auth: {
      jwks: jwksFromFile(jwksFile),
      issuer: 'https://bench.invalid',
      audience: 'https://bench.invalid/api',
    },
    tokenEndpoint: 'https://bench.invalid/token',
    logger: () => undefined,
    limits: { maxBatchBytes: 32 * 1024 * 1024 },
    ingestThreads: availableParallelism(),
    signaturePolicy: { mode: arg, keys: ctx.keys },
  });
  const BATCH = 2000;
  const bodies = [];
  for (let i = 0; i < n; i += BATCH)
    bodies.push(
      `${input
        .slice(i, i + BATCH)
        .map((s) => JSON.stringify(s))
        .join('\n')}\n`,
    );
  // A running receiver is warm: one untimed batch first, large enough to reach every ingest worker (each
  // compiles its validator on its first batch), of other statements than the timed ones.
  const warm = await signedChain(ctx, 600, n);
  bodies.unshift(`${warm.map((s) => JSON.stringify(s)).join('\n')}\n`);
  let started = process.hrtime.bigint();
  let cpuStarted = process.cpuUsage();
  for (const [i, body] of bodies.entries()) {
    if (i === 1) {
      started = process.hrtime.bigint();
      cpuStarted = process.cpuUsage();
    }
    const res = await fetch(`${running.url}/intake/batches`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/x-ndjson',
        'idempotency-key': `b${i}`,
      },
      body,
    });
    const result = await res.json();
    if (res.status !== 201)
      throw new Error(`batch ${i}: ${res.status} ${JSON.stringify(result).slice(0, 400)}`);
    if (i > 0) failures += result.counts.records - result.counts.stored;
  }
  seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const cpu = process.cpuUsage(cpuStarted);
  cpuSeconds = (cpu.user + cpu.system) / 1e6;
  await running.close();
  rmSync(dir, { recursive: true, force: true });
} else {
  throw new Error(`unknown mode ${mode}`);
}
console.log(
  JSON.stringify({
    mode,
    arg,
    records: n,
    failures,
    seconds,
    ...(cpuSeconds === undefined ? {} : { cpuSeconds }),
    maxRssMB: process.resourceUsage().maxRSS / 1024,
    cores: availableParallelism(),
  }),
);
