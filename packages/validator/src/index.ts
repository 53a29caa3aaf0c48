export { decisionFingerprint, validateHistory } from './history.js';
export { isDateTime, isFullDate } from './instant.js';
export { type Rule, type RuleId, rules } from './rules.js';
export { isValidUln, ulnCheckDigit } from './uln.js';
export { isTemporaryUpn, isValidUpn, upnCheckLetter } from './upn.js';
export { createValidator, type Validator, type ValidatorOptions } from './validator.js';
