import type { UploadedRecord } from '@reuse-pref/client';
import type { StatementStore } from '@reuse-pref/store';
import { type Chain } from './chain.js';
/** What arrived at the intake and what it turned away, record by record where it matters. */
export declare function intakeSection(synced: readonly UploadedRecord[], bad: readonly UploadedRecord[]): string;
/** One row per pupil, one column per purpose: what the resolver says over DfE's copy of the history. */
export declare function preferencesSection(store: StatementStore): Promise<string>;
/** An app asks the relay for every pupil; the relay refuses where APPS says no and records both. */
export declare function appsSection(chain: Chain): Promise<string>;
/** Two requests decided against DfE's copy; the register entry; one pupil's ledger, verified offline. */
export declare function distributorSection(store: StatementStore, dir: string): Promise<string>;
