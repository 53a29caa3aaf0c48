import type { Batches } from './batches.js';
import type { IdempotencyKeys } from './idempotency.js';
import type { Ledgers } from './ledgers.js';
import type { Preferences } from './preferences.js';
import type { SchoolStates } from './school-state.js';
import type { Statements } from './statements.js';
import type { Verifications } from './verifications.js';

/**
 * Storage every role needs, one port per concern. A consumer takes only the ports it uses (a relay's
 * sync needs `statements` and `ledgers`, say), so it can be given anything that keeps those. Every
 * method is safe to call concurrently; each write is durable once its promise resolves.
 */
export interface StatementStore {
  readonly statements: Statements;
  readonly idempotency: IdempotencyKeys;
  readonly schools: SchoolStates;
  readonly batches: Batches;
  readonly ledgers: Ledgers;
  readonly preferences: Preferences;
  /** Signature verification outcomes recorded with statements (receiver policies verify, require-signature). */
  readonly verifications: Verifications;
  /**
   * One round trip to the database, without retrying: resolves when it can serve requests now, rejects
   * when it cannot (down, restarting, unreachable within the connect timeout). What a readiness check
   * (`/health`) asks; the ports themselves wait out a short outage.
   */
  ping(): Promise<void>;
  /** Closes the store's own connections; safe to call more than once. */
  close(): Promise<void>;
}
