import type { Jwks } from '@reuse-pref/schema';
import { json } from '../../http/respond.js';
import { defineOperation } from '../../operation.js';

/**
 * The public keys this server signs with (spec/v1/signatures.md 5): public, for any verifier. Served by
 * the roles that sign; a producer or relay given no key serves an empty set. A minute's caching matches
 * how often a verifier may reload on an unknown kid (5.6), so a rotated-in key is seen within a minute.
 */
export const getSigningKeys = defineOperation('getSigningKeys', {
  method: 'GET',
  path: '/.well-known/jwks.json',
  roles: ['producer', 'relay', 'distributor'],
  async handle({ services }) {
    const body = (await services.jwks()) as Jwks;
    return json(200, body, { 'cache-control': 'public, max-age=60' });
  },
});
