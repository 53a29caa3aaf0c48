import { describe } from 'vitest';
import type { StoreDatabase } from '../faults/fail-ledger-writes.js';
import { batchSettlementContract } from './batch-settlement.js';
import { batchesContract } from './batches.js';
import { closingAfterEach, type StoreFactory } from './harness.js';
import { idempotencyContract } from './idempotency.js';
import { ledgersContract } from './ledgers.js';
import { preferencesContract } from './preferences.js';
import { schoolStateContract } from './school-state.js';
import { statementReadsContract } from './statements-reads.js';
import { statementWritesContract } from './statements-writes.js';
import { verificationsContract } from './verifications.js';

export type { StoreFactory } from './harness.js';

/**
 * The behaviour every StatementStore must have, port by port. Tests share one database per
 * implementation, so each uses its own schools, keys and ledgers. `database` says where that is, for
 * tests that make the database itself refuse a write.
 */
export function runStoreContract(name: string, openStore: StoreFactory, database: () => StoreDatabase): void {
  describe(`StatementStore contract: ${name}`, () => {
    const open = closingAfterEach(openStore);
    describe('statements: writing', () => statementWritesContract(open));
    describe('statements: reading', () => statementReadsContract(open));
    describe('statements: batches settled while written', () => batchSettlementContract(open));
    describe('idempotency keys', () => idempotencyContract(open));
    describe('school state with ETags', () => schoolStateContract(open));
    describe('batch results', () => batchesContract(open));
    describe('ledgers', () => ledgersContract(open, database));
    describe('effective-preferences index', () => preferencesContract(open));
    describe('signature verification outcomes', () => verificationsContract(open));
  });
}
