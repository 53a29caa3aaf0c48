import type { Health } from '@reuse-pref/schema';
import { problem } from '../../http/problem.js';
import { json } from '../../http/respond.js';
import { defineOperation } from '../../operation.js';
import { everyRole } from './every-role.js';

// Readiness answers quickly or not at all: a probe that hangs while the database restarts would make the
// orchestrator wait on the health check instead of on the database.
const STORE_CHECK_MS = 2_000;
/** How long a load balancer or client should wait before asking a failing server again. */
const HEALTH_RETRY_SECONDS = 5;

/**
 * Liveness plus readiness: one store round trip (`store.ping`, which never waits out an outage the way
 * the ports do), so while the database restarts this says `fail` (503) and the moment it is back, `pass`.
 * A failing check names the check, never data.
 */
export const getHealth = defineOperation('getHealth', {
  method: 'GET',
  path: '/health',
  roles: everyRole,
  async handle({ services }) {
    let store: Health['status'] = 'pass';
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        services.store.ping(),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error('store check timed out')), STORE_CHECK_MS);
        }),
      ]);
    } catch {
      store = 'fail';
    } finally {
      clearTimeout(timer);
    }
    const checks: NonNullable<Health['checks']> = [{ name: 'store', status: store }];
    // A distributor whose log no longer extends the head it last signed is not fit to serve: say so.
    if (services.role === 'distributor' && store === 'pass') {
      const archive = await services.releases().catch(() => undefined);
      // A log that could not be read is not known to be consistent: a check not made is no pass.
      const inconsistent = archive === undefined || archive.inconsistency !== undefined;
      checks.push({
        name: 'transparency-log',
        status: inconsistent ? 'fail' : 'pass',
        ...(inconsistent ? { detail: 'not known to extend the last signed tree head' } : {}),
      });
    }
    const status = checks.every((c) => c.status === 'pass') ? 'pass' : 'fail';
    const body: Health = {
      status,
      version: services.software.version,
      checkedAt: services.now().toISOString(),
      checks,
    };
    if (status === 'pass') return json(200, body, { 'cache-control': 'no-store' });
    // Failing is an error like any other (decision 0004: one error path): a problem, with the report in
    // its `health` member, and a Retry-After as every 503 has.
    return problem('unhealthy', {
      detail:
        store === 'fail'
          ? 'The store is unreachable.'
          : 'The transparency log is not consistent with the last signed tree head.',
      health: body,
      headers: { 'cache-control': 'no-store', 'retry-after': String(HEALTH_RETRY_SECONDS) },
    });
  },
});
