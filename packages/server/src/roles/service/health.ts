import type { Health } from '@reuse-pref/schema';
import { json } from '../../http/respond.js';
import { defineOperation, outsideContract } from '../../operation.js';
import { everyRole } from './every-role.js';

/** Liveness plus a store round trip; a failing check names the check, never data. */
export const getHealth = defineOperation('getHealth', {
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
    if (store === 'pass') return json(200, body, { 'cache-control': 'no-store' });
    // contract: openapi.yaml declares the failing 503 as application/problem+json with the report in a
    // `health` member (example HealthFail); the server sends the bare report as application/json.
    return outsideContract(json(503, body, { 'cache-control': 'no-store' }));
  },
});
