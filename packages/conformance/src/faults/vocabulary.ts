import { type Static, Type } from '@sinclair/typebox';

/**
 * The faults a run can ask the service's operator to cause (decision 0042), each something a real
 * operator can do to a deployment: the scenarios that need one declare `requires: ["faults"]` and are
 * skipped (counted and named) when the run has no fault hook. The names are defined here once: the
 * TypeScript type, conformance/protocol/fault-hook.schema.json (what a vendor writing a hook reads, and
 * what test-schema.json's `fault` step refers to) and the runner's check of a step all come from it.
 */
export const FaultName = Type.Union(
  [
    Type.Literal('store-unavailable', {
      description:
        'The service can no longer reach its store: the database is stopped or refuses connections. Exit 0 once it is so.',
    }),
    Type.Literal('store-slow', {
      description:
        'The store accepts the service’s queries but does not answer them (a paused database, a black-holed network path), until store-restored. Exit 0 once it is so.',
    }),
    Type.Literal('store-restored', {
      description:
        'The store answers again as before, with everything it held. Exit 0 once a query would be answered.',
    }),
    Type.Literal('server-restarted', {
      description:
        'The service process stopped and started again on the same store, with the same configuration and keys, at the same base URL (a distributor keeps the last tree head it signed where it always does). Exit 0 once it answers requests.',
    }),
    Type.Literal('log-leaf-altered', {
      description:
        'Distributor: an operator with the database’s rights rewrote one leaf of the transparency log in the store (any leaf a signed tree head covers, so that its hash changes) without going through the service. The service is not told. The service may refuse to sign or record from then on, so a run asks for it at most once, in the last tests of the run.',
    }),
  ],
  { description: 'A fault the suite asks the fault hook to cause' },
);
export type FaultName = Static<typeof FaultName>;
export const FaultNames: readonly FaultName[] = FaultName.anyOf.map((f) => f.const);

/**
 * Faults after which the service is not expected to serve as before (it refuses until an operator has
 * investigated): the runner asks for them only in the cases it runs last.
 */
export const LastingFaults: ReadonlySet<FaultName> = new Set(['log-leaf-altered']);

/** Faults that leave the store not answering: the runner restores it after a test, whatever happened. */
export const StoreFaults: ReadonlySet<FaultName> = new Set(['store-unavailable', 'store-slow']);

/** What the hook's exit status means (the command is `<fault command> <fault name>`). */
export const FaultExit = Type.Union(
  [
    Type.Literal(0, { description: 'The fault is in force (or, for store-restored, over).' }),
    Type.Literal(3, {
      description:
        'This hook cannot cause that fault: the tests that need it are skipped with the reason, as for a run without a hook.',
    }),
  ],
  {
    description:
      'The exit status of `<fault command> <fault name>`. Any other status (or a hook that has not exited within the timeout) fails the test that asked, as errored, with the hook’s stderr.',
  },
);
