import { problem } from '../../http/problem.js';
import { json } from '../../http/respond.js';
import { defineOperation } from '../../operation.js';
import { acceptStatement, statementLocation } from '../../statements/accept-statement.js';
import { checkSignature, type SignatureCheck } from './signature-policy.js';

/**
 * One statement into the intake: errors reject it with nothing stored; queries are accepted and returned.
 * The signature policy runs on the validated statement just before it is stored, so a refused chain
 * stores nothing and its failures are answered like validation errors.
 */
export const submitIntakeStatement = defineOperation('submitIntakeStatement', {
  method: 'POST',
  path: '/intake/statements',
  roles: ['receiver'],
  idempotent: true,
  body: { types: ['application/json'], limit: 'maxBodyBytes' },
  async handle(context) {
    const { services } = context;
    let signature: SignatureCheck = { errors: [], queries: [] };
    const accepted = await acceptStatement(context, {
      principal: context.principal,
      async append(statement) {
        signature = await checkSignature(services.signatures, statement, services.now());
        if (signature.errors.length > 0) return { outcome: 'refused' as const };
        // The outcome is written with the statement, in its transaction (spec/v1/signatures.md 8.1).
        const { verification } = signature;
        return services.store.statements.append(statement, verification ? { verification } : {});
      },
    });
    if (accepted.outcome === 'rejected') return accepted.response;
    if (accepted.outcome === 'refused') {
      const detail = `${signature.errors.length} error(s); nothing was stored.`;
      return problem('validation-failed', { detail, errors: signature.errors });
    }
    const { statement } = accepted;
    const receipt = {
      ...accepted.receipt,
      queries: [...accepted.receipt.queries, ...signature.queries],
      ...(signature.verification ? { verification: signature.verification } : {}),
    };
    const location = statementLocation(statement.setting.urn, receipt.statementId);
    return json(accepted.outcome === 'stored' ? 201 : 200, receipt, { location });
  },
});
