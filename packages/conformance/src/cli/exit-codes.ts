/**
 * What the exit status tells a CI job. "Could not run" is kept apart from "not conformant" so a pipeline
 * can retry or page someone for a service that is down without calling the build non-conformant, and a
 * broken implementation is never mistaken for a flaky network.
 */
export const ExitCode = {
  /** Every MUST test passed (SHOULD misses are warnings). */
  conformant: 0,
  /** A MUST test failed, or the skip list is stale or names an id the suite does not have. */
  notConformant: 1,
  /** The command line is wrong: nothing was run. */
  usage: 2,
  /** Nothing was judged: the service did not answer, the harness did not start, a file could not be read. */
  couldNotRun: 3,
} as const;

/** Raised before any test is judged when the run cannot go ahead; the message says what to fix. */
export class CouldNotRunError extends Error {}
