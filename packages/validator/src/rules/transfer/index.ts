import { ctfProvenanceMissing } from './ctf-provenance-missing.js';
import { originalRecordedBeforeExpressed } from './original-recorded-before-expressed.js';
import { provenanceWithoutCtf } from './provenance-without-ctf.js';
import { recordedBeforeTransferred } from './recorded-before-transferred.js';
import { transferredBeforeExpressed } from './transferred-before-expressed.js';

/** Statements that came with a CTF transfer, and where they came from (resolver rule 6). */
export const transferRules = [
  ctfProvenanceMissing,
  provenanceWithoutCtf,
  transferredBeforeExpressed,
  originalRecordedBeforeExpressed,
  recordedBeforeTransferred,
] as const;
