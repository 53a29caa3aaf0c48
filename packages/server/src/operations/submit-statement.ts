import type { StatementReceipt } from '@reuse-pref/schema';
import { parseJson } from '../http/parse-json.js';
import { problem } from '../http/problem.js';
import { json } from '../http/respond.js';
import type { Operation } from '../operation.js';
import { checkStatement } from './check-statement.js';

/** One statement, validated at the edge: any error finding means 422 and nothing stored. */
export const submitStatement: Operation = {
  operationId: 'submitStatement',
  method: 'POST',
  path: '/schools/{urn}/statements',
  roles: ['producer', 'relay'],
  scope: 'producer:write',
  schoolParam: 'urn',
  idempotent: true,
  body: { types: ['application/json'], limit: 'maxBodyBytes' },
  async handle({ body, params, services }) {
    const urn = params.urn!;
    const value = parseJson(body, { maxDepth: services.limits.maxDepth });
    const checked = checkStatement(services.validator(), value, urn);
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
    const location = `/schools/${urn}/statements/${appended.id}`;
    return json(appended.outcome === 'stored' ? 201 : 200, receipt, { location });
  },
};
