import type { PurposeOutcome, ReleaseSignatures } from '@reuse-pref/schema';
import type { Verifications } from '@reuse-pref/store';

/**
 * Counts the statements behind a release and how many of them the receiver verified end to end
 * (spec/v1/signatures.md 8.2), beside the gate and never into it: each subject's deciding statements are
 * gathered as its record is drafted, and each run of them is counted by one set-based query while the
 * next run is decided, so a national cohort's ids are never all held at once.
 */
export class DecidingStatements {
  readonly #verifications: Verifications;
  #run: string[] = [];
  #total = 0;
  #verified: Promise<number> = Promise.resolve(0);

  constructor(verifications: Verifications) {
    this.#verifications = verifications;
  }

  /** One subject's requested purposes: each statement that decided one of them, once. */
  add(purposes: readonly PurposeOutcome[]): void {
    const start = this.#run.length;
    for (const { decidedBy } of purposes)
      if (decidedBy !== null && !this.#run.includes(decidedBy, start)) this.#run.push(decidedBy);
  }

  /** Hands the run gathered so far to the store to count. */
  flush(): void {
    const ids = this.#run;
    if (ids.length === 0) return;
    this.#run = [];
    this.#total += ids.length;
    this.#verified = this.#verified.then(async (n) => n + (await this.#verifications.countVerified(ids)));
    // Awaited by result(); until then a failure must not count as unhandled.
    this.#verified.catch(() => undefined);
  }

  async result(): Promise<ReleaseSignatures> {
    this.flush();
    return { decidingStatements: this.#total, verifiedEndToEnd: await this.#verified };
  }
}
