import { ReusePrefAuthError } from './errors.js';
import type { Transport } from './transport.js';

/** Supplies bearer tokens; `invalidate` is called once when the server answers 401. */
export interface TokenProvider {
  getToken(signal?: AbortSignal): Promise<string>;
  invalidate(): void;
}

export interface ClientCredentialsOptions {
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  /** Role and school scopes, e.g. ['producer:read', 'school:100000']. */
  scopes: readonly string[];
  /** Refresh this long before the token expires, so no request carries a token about to lapse. */
  refreshBeforeExpiryMs?: number;
}

interface CachedToken {
  value: string;
  expiresAt: number;
}

/**
 * OAuth2 client credentials (RFC 6749 §4.4) with the secret in HTTP Basic (§2.3.1). Concurrent callers
 * share one token request, so a burst of requests at expiry makes one round trip, not many.
 */
export class ClientCredentials implements TokenProvider {
  private cached: CachedToken | undefined;
  private pending: Promise<CachedToken> | undefined;
  private transport: Transport | undefined;

  constructor(
    private readonly options: ClientCredentialsOptions,
    private readonly now: () => number = Date.now,
  ) {}

  /** The client hands over its transport so token requests share its fetch and timeout. */
  bind(transport: Transport): void {
    this.transport ??= transport;
  }

  async getToken(signal?: AbortSignal): Promise<string> {
    const skew = this.options.refreshBeforeExpiryMs ?? 30_000;
    if (this.cached && this.cached.expiresAt - skew > this.now()) return this.cached.value;
    this.pending ??= this.fetchToken(signal).finally(() => {
      this.pending = undefined;
    });
    this.cached = await this.pending;
    return this.cached.value;
  }

  invalidate(): void {
    this.cached = undefined;
  }

  private async fetchToken(signal?: AbortSignal): Promise<CachedToken> {
    if (!this.transport) throw new Error('ClientCredentials must be passed to a ReusePrefClient');
    const { clientId, clientSecret, scopes, tokenUrl } = this.options;
    const basic = btoa(`${encodeURIComponent(clientId)}:${encodeURIComponent(clientSecret)}`);
    const body = new URLSearchParams({ grant_type: 'client_credentials', scope: scopes.join(' ') });
    const response = await this.transport.send(
      tokenUrl,
      {
        method: 'POST',
        headers: {
          authorization: `Basic ${basic}`,
          'content-type': 'application/x-www-form-urlencoded',
          accept: 'application/json',
        },
        body: body.toString(),
      },
      signal,
    );
    const payload = (await response.json().catch(() => ({}))) as Record<string, unknown>;
    if (!response.ok || typeof payload.access_token !== 'string') {
      throw new ReusePrefAuthError(
        response.status,
        typeof payload.error === 'string' ? payload.error : undefined,
        typeof payload.error_description === 'string' ? payload.error_description : undefined,
      );
    }
    const expiresIn = typeof payload.expires_in === 'number' ? payload.expires_in : 300;
    return { value: payload.access_token, expiresAt: this.now() + expiresIn * 1000 };
  }
}

/** A fixed token (tests, or a token minted elsewhere); a 401 is final. */
export function staticToken(token: string): TokenProvider {
  return { getToken: async () => token, invalidate: () => {} };
}
