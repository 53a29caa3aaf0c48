import { describe, expect, it } from 'vitest';
import { Router } from '../../src/http/router.js';

const router = new Router([
  { method: 'GET', path: '/schools/{urn}/pupils/{pupil}/statements' },
  { method: 'POST', path: '/schools/{urn}/pupils/{pupil}/statements' },
  { method: 'GET', path: '/.well-known/reuse-preference' },
]);

describe('Router', () => {
  it.each([
    ['GET', '/schools/100000/pupils/B801200005001/statements', { urn: '100000', pupil: 'B801200005001' }],
    ['HEAD', '/schools/100000/pupils/B801200005001/statements', { urn: '100000', pupil: 'B801200005001' }],
    ['GET', '/schools/100000/pupils/local%3AADM%2F1/statements', { urn: '100000', pupil: 'local:ADM/1' }],
    ['GET', '/.well-known/reuse-preference', {}],
  ])('%s %s matches with params', (method, path, params) => {
    const match = router.match(method, path);
    expect(match !== undefined && 'params' in match && match.params).toEqual(params);
  });

  it.each([
    ['PUT', '/schools/100000/pupils/x/statements', { allow: ['GET', 'HEAD', 'POST'] }],
    ['DELETE', '/.well-known/reuse-preference', { allow: ['GET', 'HEAD'] }],
    ['GET', '/schools/100000/pupils/statements', undefined],
    ['GET', '/schools/100000/pupils/a/b/statements', undefined],
    ['GET', '/.well-knownXreuse-preference', undefined],
    ['GET', '/schools/100000/pupils/%E0%A4%A/statements', undefined],
  ])('%s %s gives %s', (method, path, want) => {
    expect(router.match(method, path)).toEqual(want);
  });
});
