import { ReusePrefNetworkError, ReusePrefTimeoutError } from './errors.js';

/**
 * One HTTP attempt with a per-attempt timeout that still honours the caller's AbortSignal. Only
 * fetch/AbortController are used, so the client runs in browsers, workers and Node alike.
 */
export class Transport {
  constructor(
    private readonly fetchImpl: typeof fetch,
    private readonly timeoutMs: number,
  ) {}

  async send(url: string, init: RequestInit, signal?: AbortSignal, timeoutMs?: number): Promise<Response> {
    signal?.throwIfAborted();
    const controller = new AbortController();
    const limit = timeoutMs ?? this.timeoutMs;
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, limit);
    const onAbort = () => controller.abort(signal?.reason);
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      return await this.fetchImpl(url, { ...init, signal: controller.signal });
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      if (timedOut)
        throw new ReusePrefTimeoutError(`${init.method ?? 'GET'} ${url} timed out after ${limit} ms`);
      throw new ReusePrefNetworkError(`${init.method ?? 'GET'} ${url} failed: ${String(error)}`, {
        cause: error,
      });
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    }
  }
}
