import type { TrustList } from '@reuse-pref/schema';
import type { JWK } from 'jose';
import {
  type KeyDirectory,
  type KeyDirectoryOptions,
  keyDirectory,
  type SignerRole,
} from './key-directory.js';
import { jwks } from './keys.js';

export interface TrustedParty {
  supplier: string;
  roles: SignerRole[];
  /** The public keys the party would publish at its /.well-known/jwks.json. */
  keys: JWK[];
}

/**
 * A trust list and key directory over keys held in memory, with nothing fetched: for tests, development
 * servers and benchmarks. Every party is trusted from 2000 to 2099 unless `validFrom`/`validUntil` say
 * otherwise. Production reads a signed list with readTrustList and fetches JWKS with fetchJwks.
 */
export function trustInMemory(
  parties: TrustedParty[],
  options: KeyDirectoryOptions & { validFrom?: string; validUntil?: string } = {},
): { trustList: TrustList; keys: KeyDirectory } {
  const byUri = new Map(
    parties.map((p) => [`https://${encodeURIComponent(p.supplier)}.invalid/.well-known/jwks.json`, p]),
  );
  const trustList: TrustList = {
    issuer: 'IN-MEMORY',
    issuedAt: '2000-01-01T00:00:00Z',
    nextUpdate: options.validUntil ?? '2099-12-31T23:59:59Z',
    entries: [...byUri].map(([jwksUri, p]) => ({
      supplier: p.supplier,
      roles: p.roles,
      jwksUri,
      validFrom: options.validFrom ?? '2000-01-01T00:00:00Z',
      ...(options.validUntil ? { validUntil: options.validUntil } : {}),
    })),
  };
  const { validFrom: _f, validUntil: _u, ...directoryOptions } = options;
  return { trustList, keys: keyDirectory(trustList, (uri) => jwks(byUri.get(uri)!.keys), directoryOptions) };
}
