import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, importJWK, type JWK, SignJWT } from 'jose';

/**
 * Development tokens: one ES256 key kept in a folder (by default `.reuse-pref-dev/` in the working
 * folder), whose public half `reuse-pref serve --dev-auth` trusts and whose private half `reuse-pref
 * token` signs with. Both commands make the key if it is missing, so either can run first. Anyone who can
 * read the folder can mint a token for any school: this is for a laptop or a CI job, never production.
 */
export const DEV_AUTH_DIR = '.reuse-pref-dev';
export const DEV_ISSUER = 'urn:reuse-pref:dev-auth';
export const DEV_AUDIENCE = 'urn:reuse-pref:dev-api';
const KID = 'reuse-pref-dev';

export const DEV_AUTH_WARNING =
  'DEVELOPMENT TOKENS, NOT FOR PRODUCTION: anyone who can read the key folder can act for any school';

export interface DevAuthFiles {
  dir: string;
  /** The public key set a server verifies with (`--jwks-file`). */
  jwksFile: string;
  signingKeyFile: string;
}

export function devAuthFiles(dir: string): DevAuthFiles {
  return { dir, jwksFile: join(dir, 'jwks.json'), signingKeyFile: join(dir, 'signing-key.json') };
}

/** Makes the key pair unless the folder already has one; safe when a server and a token command race. */
export async function ensureDevKeys(dir: string): Promise<DevAuthFiles> {
  const files = devAuthFiles(dir);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const { privateKey } = await generateKeyPair('ES256', { extractable: true });
  const header = { kid: KID, alg: 'ES256', use: 'sig' };
  try {
    writeFileSync(files.signingKeyFile, JSON.stringify({ ...(await exportJWK(privateKey)), ...header }), {
      flag: 'wx',
      mode: 0o600,
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  // The public set is always derived from the private key on disk, whoever wrote it.
  const { d: _private, ...publicJwk } = readSigningKey(files);
  writeFileSync(files.jwksFile, `${JSON.stringify({ keys: [publicJwk] }, null, 2)}\n`);
  writeFileSync(
    join(dir, 'README.txt'),
    `${DEV_AUTH_WARNING}.\nMade by reuse-pref token / reuse-pref serve --dev-auth. Delete this folder to make a new key.\n`,
  );
  return files;
}

function readSigningKey(files: DevAuthFiles): JWK {
  return JSON.parse(readFileSync(files.signingKeyFile, 'utf8')) as JWK;
}

export interface TokenRequest {
  scopes: readonly string[];
  /** Who the token is for (the `sub` and `client_id` claims). */
  client: string;
  expiresInSeconds: number;
}

export async function signDevToken(files: DevAuthFiles, request: TokenRequest): Promise<string> {
  const jwk = readSigningKey(files);
  const key = await importJWK(jwk, 'ES256');
  return new SignJWT({ scope: request.scopes.join(' '), client_id: request.client })
    .setProtectedHeader({ alg: 'ES256', kid: jwk.kid ?? KID })
    .setIssuer(DEV_ISSUER)
    .setAudience(DEV_AUDIENCE)
    .setSubject(request.client)
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + request.expiresInSeconds)
    .sign(key);
}
