import { json } from '../../http/respond.js';
import { defineOperation } from '../../operation.js';
import { acceptStatement, statementLocation } from '../../statements/accept-statement.js';

/** One statement into the intake: errors reject it with nothing stored; queries are accepted and returned. */
export const submitIntakeStatement = defineOperation('submitIntakeStatement', {
  method: 'POST',
  path: '/intake/statements',
  roles: ['receiver'],
  idempotent: true,
  body: { types: ['application/json'], limit: 'maxBodyBytes' },
  async handle(context) {
    const accepted = await acceptStatement(context, { principal: context.principal });
    if (accepted.outcome === 'rejected') return accepted.response;
    const { statement, receipt } = accepted;
    const location = statementLocation(statement.setting.urn, receipt.statementId);
    return json(accepted.outcome === 'stored' ? 201 : 200, receipt, { location });
  },
});
