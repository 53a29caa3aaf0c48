import type { Role } from '@reuse-pref/server';

export interface ChildMutant {
  /** Also the breakage child/server-main.ts applies. */
  name: string;
  role: Role;
  /** Scenario tests that must be among those catching it: the rule it breaks is the one they pin. */
  caughtBy: string[];
  /** Run it killed with SIGKILL (and restarted) after every acknowledged batch. */
  crashAfterEachBatch?: boolean;
}

/** Mutants that run as a real server process with the fault inside it. */
export const childMutants: ChildMutant[] = [
  {
    name: 'exemption-overrides-any-purpose',
    role: 'distributor',
    caughtBy: [
      'distributor-exemption-scope/uncovered-purpose-still-excludes',
      'distributor-exemption-scope/exemption-for-another-purpose-does-not-override',
    ],
  },
  {
    // Acknowledges a batch before committing its last record; every request still sees the record, so
    // only a crash right after the acknowledgement shows the loss.
    name: 'loses-last-batch-on-crash',
    role: 'receiver',
    crashAfterEachBatch: true,
    caughtBy: ['receiver-batch-atomic/valid-batch-all-stored'],
  },
];
