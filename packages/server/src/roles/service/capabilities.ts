import { type CapabilityStatement, Catalogues, SPEC_VERSION } from '@reuse-pref/schema';
import { json } from '../../http/respond.js';
import { defineOperation } from '../../operation.js';
import type { Services } from '../../services.js';
import { everyRole } from './every-role.js';

/** The capability entry of a server that signs: a producer or relay given a key, and every distributor. */
function signingOf(services: Services): Pick<CapabilityStatement, 'signing'> {
  const jwksUri = '/.well-known/jwks.json';
  if (services.role === 'distributor') return { signing: { signs: ['tree-heads'], jwksUri } };
  if (!services.signing) return {};
  const signs = services.role === 'producer' ? 'statements' : 'hops';
  return { signing: { supplier: services.signing.supplier, signs: [signs], jwksUri } };
}

/** The capability statement: public, so a client can discover limits and the token endpoint first. */
export const getCapabilities = defineOperation('getCapabilities', {
  method: 'GET',
  path: '/.well-known/reuse-preference',
  roles: everyRole,
  async handle({ services }) {
    const body: CapabilityStatement = {
      specVersions: [SPEC_VERSION],
      profiles: [services.role],
      catalogueVersions: Catalogues.map((c) => c.catalogueVersion),
      tokenEndpoint: services.tokenEndpoint,
      competenceAge: services.competenceAge,
      limits: {
        maxBatchRecords: services.limits.maxBatchRecords,
        maxBatchBytes: services.limits.maxBatchBytes,
        maxPageSize: services.limits.maxPageSize,
      },
      software: services.software,
      ...signingOf(services),
      ...(services.role === 'receiver' ? { signaturePolicy: services.signatures?.mode ?? 'off' } : {}),
    };
    return json(200, body, { 'cache-control': 'public, max-age=300' });
  },
});
