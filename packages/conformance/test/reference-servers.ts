import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateSigningKey, trustInMemory } from '@reuse-pref/provenance';
import type { Statement } from '@reuse-pref/schema';
import {
  decideOnwardShare,
  openStore,
  type Role,
  type RunningServer,
  type StoreSpec,
  startServer,
} from '@reuse-pref/server';
import { createLocalJWKSet, exportJWK, generateKeyPair, type JWK, SignJWT } from 'jose';
import { createTestDatabase, dropAbandonedDatabases } from '../../store/test/postgres/cluster.js';

export const ISSUER = 'https://auth.conformance.test';
export const AUDIENCE = 'https://api.conformance.test';
export const SCHOOL = { urn: '100000', laEstab: '8012000' };
export const OTHER_SCHOOL = '100001';

export type StoreKind = 'sqlite' | 'postgres';

// Signing (spec/v1/signatures.md), for the runs that pass --signs and --signing-key: the reference
// producer signs as the example statement's supplier, the relay adds hops, and the receiver requires a
// signature, trusting the producer key the suite is given (its private half is what --signing-key reads);
// so does a distributor's intake, so the statements its releases count are verified end to end.
const SUITE_PRODUCER = await generateSigningKey('EdDSA', 'conformance-producer');
export const SUITE_SIGNING_KEY: JWK = {
  ...(await exportJWK(SUITE_PRODUCER.signingKey.privateKey)),
  kid: SUITE_PRODUCER.signingKey.kid,
  alg: 'EdDSA',
};
const PRODUCER_KEY = await generateSigningKey('EdDSA', 'reference-producer');
const RELAY_KEY = await generateSigningKey('EdDSA', 'reference-relay');
const SUPPLIER = 'SUP-EXAMPLE';

function signingOf(role: Role, mode: SignaturePolicyMode = 'require-signature') {
  if (role === 'producer') return { signing: { supplier: SUPPLIER, key: PRODUCER_KEY.signingKey } };
  if (role === 'relay') return { signing: { supplier: 'INT-CONFORMANCE', key: RELAY_KEY.signingKey } };
  if (role !== 'receiver') return {};
  const { keys } = trustInMemory([
    { supplier: SUPPLIER, roles: ['producer'], keys: [SUITE_PRODUCER.publicJwk] },
  ]);
  return { signaturePolicy: { mode, keys } };
}

type SignaturePolicyMode = 'require-signature' | 'verify';
export interface ReferenceOptions {
  /** Producer and relay sign; the receiver (a distributor's intake too) requires signatures from SUITE_SIGNING_KEY. */
  signatures?: boolean;
  /** With `signatures`, the receiver's policy over that key: `require-signature` (the default) or `verify`. */
  signaturePolicy?: SignaturePolicyMode;
  /** A receiver's batch reading (and, with a policy, chain verification) on this many worker threads. */
  ingestThreads?: number;
  /** A relay starts with onward-share decisions in SCHOOL's log, as a run with --onward-shares says. */
  onwardShares?: boolean;
  /**
   * On PostgreSQL, the prefix of the server's database name, for a user that may be killed before it
   * closes the server (the mutation judge): that prefix's databases left by ended processes are dropped first.
   */
  databasePrefix?: string;
}

// Pupils the seeded onward-share decisions are about: one whose parent objected to sharing with apps, one
// the relay holds nothing for (shared by default). Not the template's pupil, whom the scenarios use.
const APPS_OBJECTOR = 'B801200009001';
const NEVER_ASKED = 'B801200009002';
// Four withheld, then four shared: every filter has entries, and at limit=3 the shared=true page's last
// read (two decisions, the end of the log) fills the page with a matching decision still unread, so a
// relay that ends the list there (a null nextCursor on a full page at the end of a read) loses it.
const SEEDED_DECISIONS = [...Array(4).fill(APPS_OBJECTOR), ...Array(4).fill(NEVER_ASKED)] as string[];

/**
 * Seeds SCHOOL's onward-share log through decideOnwardShare, the library call a relay makes before it
 * passes a record to an app (examples/relay wraps it in its own route), which no v1 operation exposes.
 */
async function seedOnwardShares(spec: StoreSpec): Promise<void> {
  const template = (await import('../../../spec/v1/examples/statement.json', { with: { type: 'json' } }))
    .default as unknown as Statement;
  const store = await openStore(spec);
  try {
    await store.statements.append({
      ...template,
      id: '0f6b8a52-7c1e-4c55-9a0e-5d2f6b9c0a11',
      subject: { upn: APPS_OBJECTOR, dateOfBirth: '2015-03-14' },
      choices: [{ purpose: 'APPS', value: 'OBJT' }],
    });
    const app = { id: 'APP-READING', name: 'Reading Tracker' };
    for (const [i, upn] of SEEDED_DECISIONS.entries()) {
      const now = new Date(Date.UTC(2026, 9, 1, 9, i));
      await decideOnwardShare(store, { urn: SCHOOL.urn, app, subject: { upn }, now });
    }
  } finally {
    await store.close();
  }
}
/**
 * The test pupil a distributor's family token names (decision 0044): a parent or pupil signed in to read
 * their own ledger holds `subject:read pupil:{upn}`. Not the template's pupil, whom the scenarios use.
 */
export const FAMILY_PUPIL = 'Y801200009003';
/** The register documents the reference distributor offers beside its JSON pages (--register-formats). */
export const REGISTER_FORMATS = ['csv', 'html'] as const;

/** Every reference server the suite must pass against runs on each store in turn. */
export const STORE_KINDS: readonly StoreKind[] = ['sqlite', 'postgres'];

// Every scope a school's client of any role holds, so a scenario or fuzz case is refused only for what it tests.
export const SCHOOL_SCOPES =
  'producer:read producer:write relay:read relay:audit receiver:read receiver:write';
export const DISTRIBUTOR_SCOPES = 'distributor:read distributor:write';

export interface ReferenceServer {
  role: Role;
  store: StoreKind;
  url: string;
  /** Every scope a role's client would hold (for one school, except a distributor's). */
  token: string;
  otherSchoolToken: string;
  /** A distributor's: the receiver intake on the same store that files the statements it judges. */
  intake?: { url: string; token: string };
  /** A distributor's: a family's token for FAMILY_PUPIL (`subject:read pupil:{upn}`), as --family-token. */
  family?: { token: string; pupil: string };
  /** The store the server runs on, for another process to open. */
  spec: StoreSpec;
  /** The JWKS and claims its tokens verify against, for another process to trust. */
  jwks: { keys: JWK[] };
  running: RunningServer;
  close(): Promise<void>;
}

/** A real ES256 issuer whose public key the reference servers trust. */
export async function issuer() {
  const { publicKey, privateKey } = await generateKeyPair('ES256', { extractable: true });
  const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'ES256', use: 'sig' };
  const sign = (scope: string) =>
    new SignJWT({ scope, client_id: 'conformance' })
      .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setSubject('conformance')
      .setIssuedAt()
      .setExpirationTime('30m')
      .sign(privateKey);
  return { jwks: { keys: [jwk] }, sign };
}

/** A store for one server: a fresh SQLite file, or a fresh PostgreSQL database dropped on close. */
export async function freshStore(
  kind: StoreKind,
  role: Role,
  databasePrefix?: string,
): Promise<{ spec: StoreSpec; drop(): Promise<void> }> {
  if (kind === 'postgres') {
    if (databasePrefix) await dropAbandonedDatabases(databasePrefix);
    const database = await createTestDatabase(databasePrefix);
    return { spec: { kind: 'postgres', databaseUrl: database.url }, drop: () => database.drop() };
  }
  const dir = mkdtempSync(join(tmpdir(), `rp-conformance-${role}-`));
  return {
    spec: { kind: 'sqlite', path: join(dir, 'store.db') },
    drop: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

/**
 * A reference server for one role on the given store, with a local JWKS and tokens we sign. A
 * distributor comes with a receiver on the same store: the distributor has no write surface for
 * statements, and at DfE the census intake is what fills the records a release is judged on.
 */
export async function startReferenceServer(
  role: Role,
  kind: StoreKind = 'sqlite',
  options: ReferenceOptions = {},
): Promise<ReferenceServer> {
  const store = await freshStore(kind, role, options.databasePrefix);
  if (role === 'relay' && options.onwardShares) await seedOnwardShares(store.spec);
  const { jwks, sign } = await issuer();
  const start = (as: Role) =>
    startServer({
      role: as,
      store: store.spec,
      port: 0,
      auth: { jwks: createLocalJWKSet(jwks), issuer: ISSUER, audience: AUDIENCE },
      tokenEndpoint: `${ISSUER}/oauth2/token`,
      logger: () => {},
      ...(options.signatures ? signingOf(as, options.signaturePolicy) : {}),
      ...(options.ingestThreads && as === 'receiver' ? { ingestThreads: options.ingestThreads } : {}),
    });
  const running = await start(role);
  const intake = role === 'distributor' ? await start('receiver') : undefined;
  const schoolToken = await sign(`${SCHOOL_SCOPES} school:${SCHOOL.urn}`);
  return {
    role,
    store: kind,
    url: running.url,
    token: role === 'distributor' ? await sign(DISTRIBUTOR_SCOPES) : schoolToken,
    otherSchoolToken: await sign(`${SCHOOL_SCOPES} school:${OTHER_SCHOOL}`),
    ...(intake ? { intake: { url: intake.url, token: schoolToken } } : {}),
    ...(role === 'distributor'
      ? { family: { token: await sign(`subject:read pupil:${FAMILY_PUPIL}`), pupil: FAMILY_PUPIL } }
      : {}),
    spec: store.spec,
    jwks,
    running,
    async close() {
      await intake?.close();
      await running.close();
      await store.drop();
    },
  };
}

/** Reference servers of every store for each role, started at once, with one call to close them all. */
export interface ReferenceFleet {
  servers: Record<StoreKind, Partial<Record<Role, ReferenceServer>>>;
  close(): Promise<void>;
}

export async function startReferenceFleet(
  roles: readonly Role[],
  options: ReferenceOptions = {},
): Promise<ReferenceFleet> {
  const servers: ReferenceFleet['servers'] = { sqlite: {}, postgres: {} };
  await Promise.all(
    STORE_KINDS.flatMap((kind) =>
      roles.map(async (role) => {
        servers[kind][role] = await startReferenceServer(role, kind, options);
      }),
    ),
  );
  return {
    servers,
    close: async () => {
      await Promise.all(STORE_KINDS.flatMap((kind) => Object.values(servers[kind]).map((s) => s?.close())));
    },
  };
}
