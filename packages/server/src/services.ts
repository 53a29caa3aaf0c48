import type { StatementStore } from '@reuse-pref/store';
import type { JSONWebKeySet } from 'jose';
import type { Limits } from './limits.js';
import type { ReleaseArchive } from './roles/distributor/release-archive.js';
import type { IngestWorkers } from './roles/receiver/ingest/ingest-workers.js';
import type { SignaturePolicy } from './roles/receiver/signature-policy.js';
import type { SigningOptions } from './signing/signing-options.js';
import type { StatementValidator } from './statements/statement-validator.js';

/** The profiles a server can play; each enables its operations. */
export type Role = 'producer' | 'relay' | 'receiver' | 'distributor';

/** A role scope of openapi.yaml; an operation listing several accepts a token holding any one of them. */
export type Scope =
  | `${'producer' | 'relay' | 'receiver' | 'distributor' | 'subject'}:${'read' | 'write'}`
  /** The relay's onward-share decisions: its own operator's, never an app's. */
  | 'relay:audit';

/** What every handler may use; built once per app. */
export interface Services {
  role: Role;
  store: StatementStore;
  /**
   * A validator for this moment: "in the future" rules need the current clock, so a long-running server
   * makes one per request (cheap: the schema is compiled once per process).
   */
  validator: () => StatementValidator;
  limits: Limits;
  now: () => Date;
  competenceAge: number;
  software: { name: string; version: string };
  tokenEndpoint: string;
  /** Worker threads that read NDJSON batches off the event loop; absent: batches are read inline. */
  ingestWorkers?: IngestWorkers;
  /** What the intake does with statement signatures; absent: off. */
  signatures?: SignaturePolicy;
  /**
   * What this server signs with: a producer signs the statements it records, a relay adds its hop to
   * the signed statements it serves. Absent: it signs no statement.
   */
  signing?: SigningOptions;
  /** The public keys served at /.well-known/jwks.json (built once). */
  jwks: () => Promise<JSONWebKeySet>;
  /** The distributor's release records (log, ledgers, register); opened on first use. */
  releases: () => Promise<ReleaseArchive>;
}
