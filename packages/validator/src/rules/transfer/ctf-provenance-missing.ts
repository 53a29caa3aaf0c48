import { statementRule } from '../rule.js';

export const ctfProvenanceMissing = statementRule({
  id: 'ctf-provenance-missing',
  severity: 'error',
  field: 'provenance',
  message: 'channel is CTFI but provenance is missing',
  why: 'Resolver rule 6: an imported statement keeps where and when it was first recorded (CTF practice).',
  check({ channel, hasProvenance }, report) {
    if (channel === 'CTFI' && !hasProvenance)
      report('/provenance', 'channel is CTFI but provenance is missing');
  },
});
