import { statementRule } from '../rule.js';

export const upnTemporary = statementRule({
  id: 'upn-temporary',
  severity: 'query',
  field: 'subject.upn',
  message: 'a temporary UPN (13th character a letter)',
  why: 'DfE UPN guidance: temporary UPNs are replaced by a permanent one, so the preference must follow the change.',
  check({ upn }, report) {
    if (upn !== undefined && upn.charCodeAt(12) > 57) report('/subject/upn', 'is a temporary UPN');
  },
});
