import { readFileSync } from 'node:fs';
import { createLocalJWKSet, createRemoteJWKSet, type JSONWebKeySet, type JWTVerifyGetKey } from 'jose';

/**
 * The issuer's published keys, fetched and cached; an unknown `kid` triggers a refetch (at most every 30 s),
 * so the authorization server can rotate keys without restarting us.
 */
export function jwksFromUrl(url: string): JWTVerifyGetKey {
  return createRemoteJWKSet(new URL(url), { cooldownDuration: 30_000, timeoutDuration: 5_000 });
}

/** A JWKS file on disk: for air-gapped deployments and local development. */
export function jwksFromFile(path: string): JWTVerifyGetKey {
  return createLocalJWKSet(JSON.parse(readFileSync(path, 'utf8')) as JSONWebKeySet);
}
