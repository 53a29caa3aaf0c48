export { validateHistory } from './history.js';
export { decisionFingerprint } from './rules/history/statement-id-conflict.js';
export { type RuleId, rules } from './rules/index.js';
export type { Rule } from './rules/rule.js';
export { isValidUln, ulnCheckDigit } from './uln.js';
export { isTemporaryUpn, isValidUpn, upnCheckLetter } from './upn.js';
export { createValidator, type Validator, type ValidatorOptions } from './validator.js';
