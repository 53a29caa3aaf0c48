import { type CapabilityStatement, Catalogues, SPEC_VERSION } from '@reuse-pref/schema';
import { json } from '../../http/respond.js';
import { defineOperation } from '../../operation.js';
import { everyRole } from './every-role.js';

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
    };
    return json(200, body, { 'cache-control': 'public, max-age=300' });
  },
});
