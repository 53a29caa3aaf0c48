import { type CapabilityStatement, Catalogues, type Health, SPEC_VERSION } from '@reuse-pref/schema';
import { json } from '../http/respond.js';
import type { Operation } from '../operation.js';

const everyRole = ['producer', 'relay', 'receiver', 'distributor'] as const;

/** The capability statement: public, so a client can discover limits and the token endpoint first. */
export const getCapabilities: Operation = {
  operationId: 'getCapabilities',
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
};

/** Liveness plus a store round trip; a failing check names the check, never data. */
export const getHealth: Operation = {
  operationId: 'getHealth',
  method: 'GET',
  path: '/health',
  roles: everyRole,
  async handle({ services }) {
    let store: Health['status'] = 'pass';
    try {
      await services.store.statements.get('00000000-0000-0000-0000-000000000000');
    } catch {
      store = 'fail';
    }
    const body: Health = {
      status: store,
      version: services.software.version,
      checkedAt: services.now().toISOString(),
      checks: [{ name: 'store', status: store }],
    };
    return json(store === 'pass' ? 200 : 503, body, { 'cache-control': 'no-store' });
  },
};
