import type { Role } from '@reuse-pref/server';

export interface ChildMutant {
  /** Also the breakage child/server-main.ts applies. */
  name: string;
  role: Role;
  /** Scenario tests that must be among those catching it: the rule it breaks is the one they pin. */
  caughtBy: string[];
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
];
