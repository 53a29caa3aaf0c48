import { statementRule } from '../rule.js';

export const specVersionUnsupported = statementRule({
  id: 'spec-version-unsupported',
  severity: 'error',
  field: 'specVersion',
  message: 'the major version is not 1',
  why: 'Semver: a different major version may change meaning; a v1 receiver must not guess.',
  check({ specVersion }, report) {
    // "1.x.y", nearly every statement, is settled without building the major version's text.
    if (specVersion === undefined || (specVersion.charCodeAt(0) === 49 && specVersion.charCodeAt(1) === 46))
      return;
    const major = Number(specVersion.slice(0, specVersion.indexOf('.')));
    if (major !== 1) report('/specVersion', `major version ${major} is not 1`);
  },
});
