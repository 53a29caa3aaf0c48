import type { TestResult } from '../report/result.js';
import type { ContractDocument } from './document.js';
import { type ContractViolation, checkResponse, type Exchange } from './response-check.js';

/** Where a response was seen, for the report: the test that sent the request, and who answered it. */
export interface Seen {
  /** The test id (a scenario test, a fuzz case) whose request this answered. */
  by: string;
  /** The profiles of the server that answered: it owes only the operations of its profiles. */
  profiles?: readonly string[];
}

const MAX_LISTED = 5;
const UNROUTED = '(no operation)';

/**
 * Checks every response the suite sees against openapi.yaml and keeps what it finds per operation, so a
 * run reports one MUST result per operation it exercised: `contract/<operationId>`, failing with the
 * operation id, the status and the JSON pointer of every mismatch (the first few spelled out).
 */
export class ContractObserver {
  readonly #seen = new Map<
    string,
    { count: number; broken: number; violations: (ContractViolation & { by: string })[] }
  >();

  constructor(readonly contract: ContractDocument) {}

  /** Checks one exchange; returns what was wrong with it (also kept for the report). */
  observe(exchange: Exchange, seen: Seen): ContractViolation[] {
    const profiles = seen.profiles;
    const violations = checkResponse(this.contract, exchange, {
      ...(profiles ? { serves: (op) => op.profiles.some((p) => profiles.includes(p)) } : {}),
    });
    const route = this.contract.route(exchange.method, exchange.path);
    const id = route && 'operation' in route ? route.operation.operationId : UNROUTED;
    const entry = this.#seen.get(id) ?? { count: 0, broken: 0, violations: [] };
    entry.count += 1;
    // One response can break the contract in several places; the message counts responses, then places.
    if (violations.length > 0) entry.broken += 1;
    entry.violations.push(...violations.map((v) => ({ ...v, by: seen.by })));
    this.#seen.set(id, entry);
    return violations;
  }

  /** One result per operation seen (and one for requests no operation matched, if any were sent). */
  results(suite: string): TestResult[] {
    return [...this.#seen]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([operationId, { count, broken, violations }]) => {
        const base = {
          id: operationId === UNROUTED ? 'contract/unknown-path-or-method' : `contract/${operationId}`,
          suite,
          section: '5 wire contract (openapi.yaml)',
          level: 'MUST' as const,
          description:
            operationId === UNROUTED
              ? 'requests for a path or method the contract does not have get 404 or 405 (with Allow) problems'
              : `every ${operationId} response has a declared status, media type, body and headers`,
          durationMs: 0,
        };
        if (violations.length === 0) return { ...base, status: 'pass' as const };
        const listed = violations
          .slice(0, MAX_LISTED)
          .map((v) => `${v.status} ${v.pointer || '(body)'}: ${v.message} [${v.by}]`);
        const more = violations.length > MAX_LISTED ? `; and ${violations.length - MAX_LISTED} more` : '';
        return {
          ...base,
          status: 'fail' as const,
          message: `${operationId}: ${broken} of ${count} response(s) break the contract, in ${violations.length} place(s): ${listed.join('; ')}${more}`,
        };
      });
  }
}
