import type { Health } from '@reuse-pref/schema';
import { problem } from '../../http/problem.js';
import { json } from '../../http/respond.js';
import { defineOperation } from '../../operation.js';
import { everyRole } from './every-role.js';

/** How long a load balancer or client should wait before asking a failing server again. */
const HEALTH_RETRY_SECONDS = 5;

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
    // Failing is an error like any other (decision 0004: one error path): a problem, with the report in
    // its `health` member, and a Retry-After as every 503 has.
    return problem('unhealthy', {
      detail: 'The store is unreachable.',
      health: body,
      headers: { 'cache-control': 'no-store', 'retry-after': String(HEALTH_RETRY_SECONDS) },
    });
  },
});
