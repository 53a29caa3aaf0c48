import type { ScenarioCase, ScenarioStep } from '../scenarios/types.js';
import type { FaultHook } from './hook.js';
import { type FaultName, FaultNames, LastingFaults, StoreFaults } from './vocabulary.js';

/** The hook said it cannot cause a fault a test needs: the test is skipped, as for a run without a hook. */
export class FaultUnsupported extends Error {}

/**
 * How long a request may go unanswered while the store is made to fail. The service must answer, not
 * wait out the outage (its health says `fail`); a bound keeps a service that hangs from hanging the run.
 */
const ANSWER_WHILE_FAULTY_MS = 30_000;

/**
 * The fault steps of one test: each `{"fault": name}` is handed to the hook, and a store left failing
 * is restored when the test ends, whatever its outcome, so the next test finds the service as before.
 */
export class FaultSession {
  #storeFailing = false;
  #restarted = false;

  constructor(private readonly hook: FaultHook | undefined) {}

  async cause(fault: FaultName): Promise<void> {
    if (!this.hook) throw new FaultUnsupported(`fault ${fault} needs --fault-command`);
    if (!FaultNames.includes(fault)) throw new Error(`unknown fault ${fault}`);
    if (StoreFaults.has(fault)) this.#storeFailing = true;
    const answer = await this.hook.cause(fault);
    if (answer === 'unsupported')
      throw new FaultUnsupported(`the fault command cannot cause ${fault} (it exited 3)`);
    if (fault === 'store-restored') this.#storeFailing = false;
    if (fault === 'server-restarted') this.#restarted = true;
  }

  /**
   * Sends a request; the first one after a restart is sent again once if it met a connection the old
   * process had closed (a client's kept-alive socket), as any HTTP client retries after a deployment.
   */
  async send(request: () => Promise<Response>): Promise<Response> {
    if (!this.#restarted) return request();
    this.#restarted = false;
    try {
      return await request();
    } catch {
      return request();
    }
  }

  /** A bound on the next request while the store fails; none otherwise. */
  signal(): AbortSignal | undefined {
    return this.#storeFailing ? AbortSignal.timeout(ANSWER_WHILE_FAULTY_MS) : undefined;
  }

  async end(): Promise<void> {
    if (this.#storeFailing) await this.cause('store-restored');
  }
}

/** Every fault a case's tests ask for, in any step. */
export function faultsOf(c: ScenarioCase): FaultName[] {
  const steps = c.tests.flatMap((t): ScenarioStep[] => [...(t.setup ?? []), t, ...(t.followUp ?? [])]);
  return [...new Set(steps.flatMap((s) => (s.fault ? [s.fault] : [])))];
}

/** The cases in run order: those asking for a lasting fault (log-leaf-altered) after all others. */
export function lastingFaultsLast(cases: readonly ScenarioCase[]): ScenarioCase[] {
  const lasting = (c: ScenarioCase) => faultsOf(c).some((f) => LastingFaults.has(f));
  return [...cases.filter((c) => !lasting(c)), ...cases.filter(lasting)];
}
