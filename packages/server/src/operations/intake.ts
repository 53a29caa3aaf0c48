import type { StatementReceipt } from '@reuse-pref/schema';
import { requireSchool } from '../auth/authorise.js';
import { parseJson } from '../http/parse-json.js';
import { problem } from '../http/problem.js';
import { json } from '../http/respond.js';
import type { Operation } from '../operation.js';
import { loadBatchResult } from './batch-results.js';
import { checkStatement, readSettingUrn } from './check-statement.js';

/** A committed batch's result again, for a sender that lost the response. */
export const getBatch: Operation = {
  operationId: 'getBatch',
  method: 'GET',
  path: '/intake/batches/{batchId}',
  roles: ['receiver'],
  scope: 'receiver:read',
  async handle({ params, principal, services }) {
    const batchId = params.batchId!;
    const batch = /^[0-9a-f-]{36}$/i.test(batchId)
      ? await loadBatchResult(services.store, principal.clientId, batchId.toLowerCase())
      : undefined;
    return batch ? json(200, batch) : problem('not-found', { detail: 'No committed batch with this id.' });
  },
};

/** One statement into the intake: errors reject it with nothing stored; queries are accepted and returned. */
export const submitIntakeStatement: Operation = {
  operationId: 'submitIntakeStatement',
  method: 'POST',
  path: '/intake/statements',
  roles: ['receiver'],
  scope: 'receiver:write',
  idempotent: true,
  body: { types: ['application/json'], limit: 'maxBodyBytes' },
  async handle({ body, principal, services }) {
    const value = parseJson(body, { maxDepth: services.limits.maxDepth });
    const urn = readSettingUrn(value);
    // The school scope is checked before validation so a token for school A learns nothing about B.
    if (urn !== undefined) requireSchool(urn, principal);
    const checked = checkStatement(services.validator(), value, undefined, principal);
    if (!checked.ok) {
      return problem('validation-failed', {
        detail: `${checked.errors.length} error(s); nothing was stored.`,
        errors: [...checked.errors, ...checked.queries],
      });
    }
    const appended = await services.store.statements.append(checked.statement);
    const stored = await services.store.statements.get(appended.id);
    const receipt: StatementReceipt = {
      statementId: appended.id,
      outcome: appended.outcome,
      storedAt: stored?.storedAt ?? services.now().toISOString(),
      queries: checked.queries,
    };
    const location = `/schools/${checked.statement.setting.urn}/statements/${appended.id}`;
    return json(appended.outcome === 'stored' ? 201 : 200, receipt, { location });
  },
};
