import { generateLogKeyPair, type KeyInput } from '@reuse-pref/release';
import { DEFAULT_COMPETENCE_AGE } from '@reuse-pref/resolver';
import type { StatementStore } from '@reuse-pref/store';
import { createValidator } from '@reuse-pref/validator';
import type { JSONWebKeySet } from 'jose';
import { type App, createApp } from './app.js';
import { type BearerAuthOptions, bearerAuthenticator } from './auth/bearer.js';
import type { RequestLogger } from './http/log.js';
import type { RateLimitHook } from './http/rate-limit.js';
import type { ServerRequest } from './http/types.js';
import { DEFAULT_LIMITS, type Limits } from './limits.js';
import { operations } from './operations.js';
import { ReleaseArchive } from './roles/distributor/release-archive.js';
import { signedHeadFile, signedHeadInMemory } from './roles/distributor/signed-head-file.js';
import { IngestWorkers } from './roles/receiver/ingest/ingest-workers.js';
import type { IngestWorkerData } from './roles/receiver/ingest/messages.js';
import type { SignaturePolicy } from './roles/receiver/signature-policy.js';
import type { Role } from './services.js';
import { publishedKeys } from './signing/published-keys.js';
import type { SigningOptions } from './signing/signing-options.js';
import type { StatementValidator } from './statements/statement-validator.js';

export interface ReusePreferenceAppOptions {
  role: Role;
  store: StatementStore;
  auth: BearerAuthOptions;
  /** Advertised in the capability statement. */
  tokenEndpoint: string;
  limits?: Partial<Limits>;
  competenceAge?: number;
  /** Census reference date (YYYY-MM-DD) for a receiver: later statements are rejected from that return. */
  censusDate?: string;
  logger?: RequestLogger;
  rateLimit?: RateLimitHook;
  onError?: (error: unknown, request: ServerRequest) => void;
  now?: () => Date;
  /** Replaces the standard validator (a vendor adding local rules); called once per request. */
  validator?: (now: Date) => StatementValidator;
  /**
   * Ed25519 private key (PEM, DER or KeyObject) that signs the distributor's tree heads. Keep it stable:
   * receipts verify against its public key. Without one, a key is generated per process (development only).
   */
  logSigningKey?: KeyInput;
  /**
   * A file where the distributor keeps the last tree head it signed, outside the store the head commits
   * to. At start and before each signature the server checks the store's log still extends it; when it
   * does not (someone with the database's rights rewrote or removed leaves) the server raises
   * `onLogAlarm` and refuses to sign or record (503 `log-inconsistent`). Without it the head is kept in
   * memory only, and a rewrite made while the server was stopped goes unnoticed by the server (a witness
   * still sees it): development only.
   */
  signedHeadPath?: string;
  /**
   * Told once when the log is found inconsistent with the last signed head. Default: one JSON line at
   * level error on stderr (`msg: "transparency-log-inconsistent"`).
   */
  onLogAlarm?: (reason: string) => void;
  /**
   * Worker threads that parse and validate NDJSON intake batches (receiver role) while the event loop
   * writes to the store. 0 or absent: batches are read on the event loop. Needs the built package, and
   * cannot be combined with a custom `validator` (a function cannot be sent to a thread).
   */
  ingestThreads?: number;
  /**
   * Receiver role: what the intake does with statement signatures (spec/v1/signatures.md 8):
   * `require-signature`, `verify` or `off` (the default), with the keys of a verified trust list.
   */
  signaturePolicy?: SignaturePolicy;
  /**
   * Producer: signs each statement it records as `supplier` (spec/v1/signatures.md 3); relay: adds its
   * hop to each signed statement it serves (4). Either way its public keys are served at
   * /.well-known/jwks.json and the capability statement says so. A distributor serves its tree-head key
   * there without this.
   */
  signing?: SigningOptions;
}

const SOFTWARE = { name: '@reuse-pref/server', version: '0.1.0' };

/** The reference app for one role: every operation of that role, wired to the store and validator. */
export function createReusePreferenceApp(options: ReusePreferenceAppOptions): App {
  const now = options.now ?? (() => new Date());
  const competenceAge = options.competenceAge ?? DEFAULT_COMPETENCE_AGE;
  // What the standard validator is given besides the clock, on the event loop and in ingest workers alike.
  const validatorOptions: IngestWorkerData = {
    competenceAge,
    ...(options.censusDate ? { censusDate: options.censusDate } : {}),
  };
  const makeValidator =
    options.validator ?? ((at: Date) => createValidator({ now: at, ...validatorOptions }));
  const ingestThreads = options.ingestThreads ?? 0;
  if (ingestThreads > 0 && options.validator) {
    throw new RangeError(
      'ingestThreads cannot be used with a custom validator: workers run the standard one',
    );
  }
  const ingestWorkers =
    ingestThreads > 0 && options.role === 'receiver'
      ? new IngestWorkers(ingestThreads, validatorOptions)
      : undefined;
  let archive: Promise<ReleaseArchive> | undefined;
  const guard = {
    heads: options.signedHeadPath ? signedHeadFile(options.signedHeadPath) : signedHeadInMemory(),
    alarm: options.onLogAlarm ?? logAlarmToStderr,
  };
  const signingKey = options.logSigningKey ?? generateLogKeyPair().privateKey;
  let published: Promise<JSONWebKeySet> | undefined;
  const signs = options.role === 'producer' || options.role === 'relay';
  const jwks = () => {
    published ??= publishedKeys(
      signs ? options.signing : undefined,
      options.role === 'distributor' ? signingKey : undefined,
    );
    return published;
  };
  const releases = async () => {
    archive ??= ReleaseArchive.open(options.store, signingKey, { guard });
    // A failed open (store down) is retried by the next request rather than remembered.
    archive.catch(() => {
      archive = undefined;
    });
    const opened = await archive;
    // Another server process on the same database may have recorded since: serve the log as committed.
    await opened.catchUp();
    return opened;
  };
  return createApp({
    services: {
      role: options.role,
      store: options.store,
      validator: () => makeValidator(now()),
      limits: { ...DEFAULT_LIMITS, ...options.limits },
      now,
      competenceAge,
      software: SOFTWARE,
      tokenEndpoint: options.tokenEndpoint,
      releases,
      jwks,
      ...(signs && options.signing ? { signing: options.signing } : {}),
      ...(ingestWorkers ? { ingestWorkers } : {}),
      ...(options.signaturePolicy ? { signatures: options.signaturePolicy } : {}),
    },
    operations,
    authenticate: bearerAuthenticator(options.auth),
    ...(options.logger ? { logger: options.logger } : {}),
    ...(options.rateLimit ? { rateLimit: options.rateLimit } : {}),
    ...(options.onError ? { onError: options.onError } : {}),
  });
}

function logAlarmToStderr(reason: string): void {
  const line = {
    time: new Date().toISOString(),
    level: 'error',
    msg: 'transparency-log-inconsistent',
    detail: reason,
  };
  process.stderr.write(`${JSON.stringify(line)}\n`);
}
