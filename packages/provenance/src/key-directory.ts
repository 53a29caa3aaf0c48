import type { KeyObject } from 'node:crypto';
import type { TrustList, TrustListEntry } from '@reuse-pref/schema';
import type { JSONWebKeySet, JWK } from 'jose';
import { publicKeyOf } from './detached-jws.js';

export type SignerRole = 'producer' | 'relay';

/** What a verifier knows about one signer: its trust-list entry and a way to reach its keys. */
export interface TrustedSigner {
  entry: TrustListEntry;
  /** The key with this kid from the signer's JWKS, or undefined when the JWKS has none. */
  key(kid: string): Promise<JWK | undefined>;
  /** The key read once and cached: verifying a census of statements reads each key once. Throws on a bad key. */
  importKey(jwk: JWK): KeyObject;
}

export interface KeyDirectory {
  signer(supplier: string, role: SignerRole): TrustedSigner | undefined;
  /**
   * The trust list and every signer's JWKS as plain data (each JWKS loaded once, a failed load left
   * out), for verifiers in other threads: `keyDirectoryOf(snapshot)` there verifies as this directory
   * does, except that a key missing from the snapshot is unknown there (ask this directory again).
   */
  snapshot?(): Promise<KeySnapshot>;
}

export interface KeySnapshot {
  trustList: TrustList;
  /** JWKS by jwksUri, as loaded. */
  jwks: Record<string, JSONWebKeySet>;
  /** Grows whenever a JWKS is (re)loaded: a snapshot with the same generation holds the same keys. */
  generation: number;
}

export type LoadJwks = (jwksUri: string) => Promise<JSONWebKeySet> | JSONWebKeySet;

export interface KeyDirectoryOptions {
  /**
   * A kid the cached JWKS lacks triggers one reload when the copy is at least this old (a supplier that
   * has just rotated publishes the new key before signing with it). Default 60 seconds.
   */
  refreshAfterMs?: number;
  now?: () => number;
}

interface CachedJwks {
  at: number;
  keys: Promise<JSONWebKeySet>;
  /** The JWKS once loaded. */
  loaded?: JSONWebKeySet;
}

/**
 * A key directory over a verified trust list: each signer's JWKS is loaded from its jwksUri on first use
 * and kept. `loadJwks` is `fetchJwks` in production and a map lookup in tests and vectors.
 */
export function keyDirectory(
  trustList: TrustList,
  loadJwks: LoadJwks,
  options: KeyDirectoryOptions = {},
): KeyDirectory {
  const refreshAfterMs = options.refreshAfterMs ?? 60_000;
  const now = options.now ?? Date.now;
  const cache = new Map<string, CachedJwks>();
  const imported = new Map<string, KeyObject>();
  const importedJwks = new WeakMap<JWK, KeyObject>();

  let generation = 0;
  const load = (uri: string): CachedJwks => {
    const entry: CachedJwks = { at: now(), keys: Promise.resolve().then(() => loadJwks(uri)) };
    entry.keys.then((keys) => {
      entry.loaded = keys;
      generation += 1;
    }, ignore);
    cache.set(uri, entry);
    // A failed load is not kept: the next statement tries again.
    entry.keys.catch(() => {
      if (cache.get(uri) === entry) cache.delete(uri);
    });
    return entry;
  };
  const find = (jwks: JSONWebKeySet, kid: string) =>
    Array.isArray(jwks?.keys) ? jwks.keys.find((k) => k && k.kid === kid) : undefined;

  const signers = new Map<string, TrustedSigner>();
  for (const entry of trustList.entries) {
    const uri = entry.jwksUri;
    const signer: TrustedSigner = {
      entry,
      async key(kid) {
        let cached = cache.get(uri) ?? load(uri);
        let jwk = find(await cached.keys, kid);
        if (!jwk && now() - cached.at >= refreshAfterMs) {
          cached = load(uri);
          jwk = find(await cached.keys, kid);
        }
        return jwk;
      },
      importKey(jwk) {
        // The same JWK object comes back for every statement a key signed: found without building its id.
        let key = importedJwks.get(jwk);
        if (key) return key;
        const id = `${jwk.kty}\u0000${jwk.crv}\u0000${jwk.x ?? ''}\u0000${jwk.y ?? ''}`;
        key = imported.get(id);
        if (!key) {
          key = publicKeyOf(jwk);
          imported.set(id, key);
        }
        importedJwks.set(jwk, key);
        return key;
      },
    };
    for (const role of entry.roles) signers.set(`${role}\u0000${entry.supplier}`, signer);
  }
  return {
    signer: (supplier, role) => signers.get(`${role}\u0000${supplier}`),
    async snapshot() {
      const uris = [...new Set(trustList.entries.map((e) => e.jwksUri))];
      await Promise.allSettled(uris.map((uri) => (cache.get(uri) ?? load(uri)).keys));
      const jwks: Record<string, JSONWebKeySet> = {};
      for (const uri of uris) {
        const loaded = cache.get(uri)?.loaded;
        if (loaded) jwks[uri] = loaded;
      }
      return { trustList, jwks, generation };
    },
  };
}

const ignore = () => undefined;

/**
 * A key directory over a snapshot another directory took (`KeyDirectory.snapshot`), that never loads
 * anything: a key the snapshot lacks is unknown.
 */
export function keyDirectoryOf(snapshot: KeySnapshot): KeyDirectory {
  return keyDirectory(
    snapshot.trustList,
    (uri) => {
      const keys = snapshot.jwks[uri];
      if (!keys) throw new Error('not in the snapshot');
      return keys;
    },
    { refreshAfterMs: Number.POSITIVE_INFINITY },
  );
}

/** Loads a JWKS over HTTPS: refuses anything but a JSON object with a `keys` array. */
export async function fetchJwks(jwksUri: string, fetchImpl: typeof fetch = fetch): Promise<JSONWebKeySet> {
  const response = await fetchImpl(jwksUri, { headers: { accept: 'application/json' }, redirect: 'error' });
  if (!response.ok) throw new Error(`JWKS ${jwksUri} answered ${response.status}`);
  const body = (await response.json()) as unknown;
  if (typeof body !== 'object' || body === null || !Array.isArray((body as JSONWebKeySet).keys))
    throw new Error(`JWKS ${jwksUri} is not a JSON object with a keys array`);
  return body as JSONWebKeySet;
}
