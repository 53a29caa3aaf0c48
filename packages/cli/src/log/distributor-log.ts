import type { ConsistencyProof, SignedTreeHead } from '@reuse-pref/schema';

/** The log could not be asked (unreachable, or an answer that is not the contract's). */
export class LogFetchError extends Error {
  override name = 'LogFetchError';
  constructor(
    message: string,
    /** The problem type slug when the distributor answered with one, e.g. `log-inconsistent`. */
    readonly problem?: string,
  ) {
    super(message);
  }
}

const PROBLEMS = 'https://reuse-pref.org/problems/';

/**
 * A distributor's public log surface, as a witness reads it: the newest signed head and consistency
 * proofs between sizes. Public operations: no token.
 */
export class DistributorLog {
  readonly #base: string;

  constructor(baseUrl: string) {
    this.#base = baseUrl.replace(/\/+$/, '');
  }

  async treeHead(): Promise<SignedTreeHead> {
    return (await this.#get('/register/tree-head')) as SignedTreeHead;
  }

  async consistency(first: number, second: number): Promise<string[]> {
    const proof = (await this.#get(
      `/register/log/consistency?first=${first}&second=${second}`,
    )) as ConsistencyProof;
    if (proof.first !== first || proof.second !== second || !Array.isArray(proof.path)) {
      throw new LogFetchError(`the consistency proof answered is not for ${first} -> ${second}`);
    }
    return proof.path;
  }

  async #get(path: string): Promise<unknown> {
    let response: Response;
    try {
      response = await fetch(`${this.#base}${path}`, { headers: { accept: 'application/json' } });
    } catch (error) {
      throw new LogFetchError(
        `cannot reach ${this.#base}: ${(error as Error).cause ?? (error as Error).message}`,
      );
    }
    const text = await response.text();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new LogFetchError(`${path} answered ${response.status} with a body that is not JSON`);
    }
    if (!response.ok) {
      const problem = body as { type?: string; detail?: string };
      const slug = problem.type?.startsWith(PROBLEMS) ? problem.type.slice(PROBLEMS.length) : undefined;
      throw new LogFetchError(
        `${path} answered ${response.status}${problem.detail ? `: ${problem.detail}` : ''}`,
        slug,
      );
    }
    return body;
  }
}
