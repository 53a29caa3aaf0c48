import { CouldNotRunError } from '../cli/exit-codes.js';

/**
 * One request before the scenarios: any HTTP answer at all (even 401 or 404) means the service is there
 * and the scenarios can judge it. No answer means the run cannot say anything about conformance, so it
 * stops with one line instead of failing every scenario with "fetch failed".
 */
export async function preflight(what: string, baseUrl: string, timeoutMs = 10_000): Promise<void> {
  let url: URL;
  try {
    url = new URL(`${baseUrl.replace(/\/+$/, '')}/.well-known/reuse-preference`);
  } catch {
    throw new CouldNotRunError(`${what} ${baseUrl} is not a URL`);
  }
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    await response.body?.cancel();
  } catch (error) {
    throw new CouldNotRunError(`cannot reach ${what} ${baseUrl}: ${reason(error, timeoutMs)}`);
  }
}

function reason(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError'))
    return `no answer in ${timeoutMs / 1000} s`;
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  const detail = cause?.code ?? cause?.message ?? (error as Error).message;
  const hints: Record<string, string> = {
    ECONNREFUSED: 'connection refused (is the service started, on this port?)',
    ENOTFOUND: 'no such host',
    EAI_AGAIN: 'the host name did not resolve',
    ECONNRESET: 'the connection was reset',
  };
  return hints[detail ?? ''] ?? detail ?? 'unknown network error';
}
