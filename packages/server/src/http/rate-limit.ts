import type { Principal } from '../auth/principal.js';
import { ProblemError } from './problem.js';

/**
 * The 429 hook: the server has no rate limiter of its own (deployments have one at the edge, or plug a
 * token bucket in here). Return a delay in seconds to refuse the request, or undefined to let it through.
 */
export type RateLimitHook = (request: {
  operationId: string;
  principal?: Principal;
  ip?: string;
}) => number | undefined | Promise<number | undefined>;

export async function applyRateLimit(
  hook: RateLimitHook | undefined,
  request: Parameters<RateLimitHook>[0],
): Promise<void> {
  const retryAfter = await hook?.(request);
  if (retryAfter === undefined) return;
  const seconds = Math.max(1, Math.ceil(retryAfter));
  throw new ProblemError('rate-limited', {
    detail: `Retry after ${seconds} seconds.`,
    headers: { 'retry-after': String(seconds) },
  });
}
