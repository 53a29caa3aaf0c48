import { statementRule } from '../rule.js';

export const provenanceWithoutCtf = statementRule({
  id: 'provenance-without-ctf',
  severity: 'error',
  field: 'provenance',
  message: 'provenance is given but channel is not CTFI',
  why: 'Provenance describes a CTF transfer; on another channel it contradicts the record.',
  check({ channel, hasProvenance }, report) {
    if (channel !== undefined && channel !== 'CTFI' && hasProvenance) {
      report('/provenance', `is given but channel is ${channel}, not CTFI`);
    }
  },
});
