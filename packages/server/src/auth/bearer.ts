import { errors, type JWTPayload, type JWTVerifyGetKey, jwtVerify } from 'jose';
import { ProblemError } from '../http/problem.js';
import type { Principal } from './principal.js';
import { parseScopes } from './scopes.js';

export interface BearerAuthOptions {
  /** createRemoteJWKSet(url) in production, createLocalJWKSet(jwks) in tests. */
  jwks: JWTVerifyGetKey;
  issuer: string | string[];
  audience: string | string[];
  /** Asymmetric only: a symmetric algorithm would let anyone holding the JWKS mint tokens. */
  algorithms?: string[];
  clockToleranceSeconds?: number;
}

const DEFAULT_ALGORITHMS = ['RS256', 'PS256', 'ES256', 'EdDSA'];

export type Authenticator = (authorization: string | undefined) => Promise<Principal>;

/** Verifies `Authorization: Bearer <jwt>` (signature, exp/nbf, iss, aud) and reads its scopes. */
export function bearerAuthenticator(options: BearerAuthOptions): Authenticator {
  const algorithms = options.algorithms ?? DEFAULT_ALGORITHMS;
  return async (authorization) => {
    const match = /^Bearer ([A-Za-z0-9_\-.~+/]+=*)$/i.exec(authorization?.trim() ?? '');
    if (!authorization) throw unauthenticated(undefined, 'Send Authorization: Bearer <token>.');
    if (!match) throw unauthenticated('invalid_request', 'Send Authorization: Bearer <token>.');
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(match[1]!, options.jwks, {
        issuer: options.issuer,
        audience: options.audience,
        algorithms,
        clockTolerance: options.clockToleranceSeconds ?? 30,
        requiredClaims: ['exp'],
      }));
    } catch (error) {
      const reason =
        error instanceof errors.JWTExpired ? 'The token has expired.' : 'The token is not valid.';
      throw unauthenticated('invalid_token', reason);
    }
    const clientId = clientOf(payload);
    // Stored responses and batch results are kept per client: tokens naming no client would all be one.
    if (clientId === undefined) {
      throw unauthenticated('invalid_token', 'The token names no client (client_id, azp or sub).');
    }
    return { clientId, ...parseScopes(scopeClaim(payload)) };
  };
}

/** RFC 9068 access tokens carry `client_id`; OpenID Connect's `azp`, then `sub`, stand in for it. */
function clientOf(payload: JWTPayload): string | undefined {
  for (const claim of [payload.client_id, payload.azp, payload.sub]) {
    if (typeof claim === 'string' && claim.length > 0) return claim;
  }
  return undefined;
}

/** RFC 8693 `scope` is a space-separated string; some issuers send `scp` as an array instead. */
function scopeClaim(payload: JWTPayload): string[] {
  if (typeof payload.scope === 'string') return payload.scope.split(' ').filter(Boolean);
  if (Array.isArray(payload.scp)) return payload.scp.filter((s): s is string => typeof s === 'string');
  return [];
}

// RFC 6750 §3.1: a request with no credentials gets a challenge without an error code.
function unauthenticated(
  code: 'invalid_request' | 'invalid_token' | undefined,
  detail: string,
): ProblemError {
  const challenge = `Bearer realm="reuse-preference"${code ? `, error="${code}"` : ''}`;
  return new ProblemError('unauthorized', { detail, headers: { 'www-authenticate': challenge } });
}
