import { json } from '../../http/respond.js';
import { defineOperation } from '../../operation.js';
import { acceptStatement, statementLocation } from '../../statements/accept-statement.js';

/** One statement, validated at the edge: any error finding means 422 and nothing stored. */
export const submitStatement = defineOperation('submitStatement', {
  method: 'POST',
  path: '/schools/{urn}/statements',
  roles: ['producer', 'relay'],
  schoolParam: 'urn',
  idempotent: true,
  body: { types: ['application/json'], limit: 'maxBodyBytes' },
  async handle(context) {
    const { urn } = context.params;
    const accepted = await acceptStatement(context, { urn });
    if (accepted.outcome === 'rejected') return accepted.response;
    const location = statementLocation(urn, accepted.receipt.statementId);
    return json(accepted.outcome === 'stored' ? 201 : 200, accepted.receipt, { location });
  },
});
