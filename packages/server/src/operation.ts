import type { ValidationResult } from '@reuse-pref/schema';
import type { StatementStore } from '@reuse-pref/store';
import type { Principal } from './auth/principal.js';
import type { ReleaseArchive } from './distributor/release-archive.js';
import type { ServerRequest, ServerResponse } from './http/types.js';
import type { IngestWorkers } from './ingest/ingest-workers.js';

/** The profiles a server can play; each enables its operations. */
export type Role = 'producer' | 'relay' | 'receiver' | 'distributor';

/** A role scope of openapi.yaml; an operation listing several accepts a token holding any one of them. */
export type Scope = `${'producer' | 'relay' | 'receiver' | 'distributor' | 'subject'}:${'read' | 'write'}`;

export interface Limits {
  /** Largest JSON body, bytes. */
  maxBodyBytes: number;
  /** Largest NDJSON batch body, bytes. */
  maxBatchBytes: number;
  maxBatchRecords: number;
  maxDepth: number;
  maxPageSize: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxBodyBytes: 256 * 1024,
  maxBatchBytes: 8 * 1024 * 1024,
  maxBatchRecords: 10_000,
  maxDepth: 16,
  maxPageSize: 1000,
};

export interface StatementValidator {
  validate(value: unknown): ValidationResult;
}

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
  /** The distributor's release records (log, ledgers, register); opened on first use. */
  releases: () => Promise<ReleaseArchive>;
}

export interface OperationContext {
  request: ServerRequest;
  params: Record<string, string>;
  /** Present on every operation with a `scope`; anonymous otherwise. */
  principal: Principal;
  services: Services;
  /** The body as strict UTF-8 text, read within the operation's size limit; '' when it takes none. */
  body: string;
  /** The media type the body was sent as (one of the operation's `body.types`). */
  contentType?: string;
}

export interface Operation {
  operationId: string;
  method: 'GET' | 'POST' | 'PUT';
  path: string;
  /** Roles whose server exposes this operation. */
  roles: readonly Role[];
  /**
   * The role scope it needs (openapi.yaml security), e.g. `producer:read`: it names the API surface,
   * not the server, so a relay re-serving the producer surface asks for `producer:read` too. Undefined
   * for public operations (capability statement, health).
   */
  scope?: Scope | readonly Scope[];
  /** The path parameter naming the school the token must cover. */
  schoolParam?: string;
  /** Takes Idempotency-Key; 'required' refuses a request without one. */
  idempotent?: boolean | 'required';
  /** The body it reads: accepted media types and which limit bounds its size. */
  body?: { types: readonly string[]; limit: 'maxBodyBytes' | 'maxBatchBytes' };
  handle(context: OperationContext): Promise<ServerResponse>;
}
