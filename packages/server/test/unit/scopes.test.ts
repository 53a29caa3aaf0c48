import { describe, expect, it } from 'vitest';
import { mayTouchSchool } from '../../src/auth/principal.js';
import { parseScopes } from '../../src/auth/scopes.js';

describe('parseScopes', () => {
  it.each([
    [['producer:read', 'school:100000'], '100000', true],
    [['producer:read', 'school:100000'], '100001', false],
    [['school:*'], '123456', true],
    [['school:10000'], '10000', false],
    [['school:1000000'], '1000000', false],
    [['School:100000'], '100000', false],
    [[], '100000', false],
  ])('%j may touch %s: %s', (scopes, urn, want) => {
    expect(mayTouchSchool({ clientId: 'c', ...parseScopes(scopes) }, urn)).toBe(want);
  });
});
