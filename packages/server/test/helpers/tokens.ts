import { createLocalJWKSet, exportJWK, generateKeyPair, type JWK, SignJWT } from 'jose';

export const ISSUER = 'https://auth.test.reuse-pref';
export const AUDIENCE = 'https://api.test.reuse-pref';

export interface TokenIssuer {
  jwks: { keys: JWK[] };
  /** A signed access token with the given scopes (space-separated as in the `scope` claim). */
  token(
    scope: string,
    claims?: {
      audience?: string;
      issuer?: string;
      expiresIn?: string;
      /** The client the token names (client_id and sub); null names none. Default `test-client`. */
      clientId?: string | null;
    },
  ): Promise<string>;
}

/** A real ES256 issuer: the server verifies its tokens through createLocalJWKSet, as with a remote JWKS. */
export async function createIssuer(): Promise<TokenIssuer> {
  const { publicKey, privateKey } = await generateKeyPair('ES256', { extractable: true });
  const jwk = { ...(await exportJWK(publicKey)), kid: 'test-key', alg: 'ES256', use: 'sig' };
  return {
    jwks: { keys: [jwk] },
    token: (scope, claims = {}) => {
      const client = claims.clientId === undefined ? 'test-client' : claims.clientId;
      const jwt = new SignJWT({ scope, ...(client === null ? {} : { client_id: client }) })
        .setProtectedHeader({ alg: 'ES256', kid: 'test-key' })
        .setIssuer(claims.issuer ?? ISSUER)
        .setAudience(claims.audience ?? AUDIENCE)
        .setIssuedAt()
        .setExpirationTime(claims.expiresIn ?? '5m');
      return (client === null ? jwt : jwt.setSubject(client)).sign(privateKey);
    },
  };
}

export const localJwks = (issuer: TokenIssuer) => createLocalJWKSet(issuer.jwks);
