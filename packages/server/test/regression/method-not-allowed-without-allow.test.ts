// Issue 12: 405 responses carried no `Allow` header, on every role; RFC 9110 §15.5.6 requires one naming
// the methods the path does have. Checked for every path every role serves, for every other method.
import { operationIndex } from '@reuse-pref/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operations, type Role } from '../../src/index.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

const ROLES: readonly Role[] = ['producer', 'relay', 'receiver', 'distributor'];
const METHODS = ['GET', 'PUT', 'POST', 'DELETE', 'PATCH'];
const sample: Record<string, string> = {
  urn: '100000',
  pupil: 'B801200005001',
  statementId: '5b0e6c1e-3f6a-4d8e-9a51-2f4c8d7e1a01',
  batchId: 'e2a9c6b1-0d3f-4a57-8c1e-6b2d4f9a0c33',
  releaseId: '7d4c2f0a-1b9e-4c55-8a36-0e2f5b7c9d11',
};

describe.each(ROLES)('a method a path does not have, on the %s', (role) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(role);
  });
  afterAll(() => server.close());

  const served = new Map<string, Set<string>>();
  for (const op of operations.filter((o) => o.roles.includes(role))) {
    served.set(op.path, (served.get(op.path) ?? new Set()).add(op.method));
  }
  const contractMethods = (path: string) =>
    Object.values(operationIndex)
      .filter((o) => o.path === path)
      .map((o) => o.method.toUpperCase());

  it.each([...served.keys()])('%s answers 405 with Allow naming exactly what it serves', async (path) => {
    const methods = served.get(path)!;
    for (const m of methods) expect(contractMethods(path)).toContain(m);
    const allow = [...methods, ...(methods.has('GET') ? ['HEAD'] : [])].sort();
    const url = path.replace(/\{(\w+)\}/g, (_, name: string) => sample[name]!);
    for (const method of METHODS.filter((m) => !methods.has(m))) {
      const res = await server.call(url, { method });
      expect(res.status, `${method} ${url}`).toBe(405);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
      const listed = res.headers.get('allow');
      expect(listed, `${method} ${url}: Allow`).not.toBeNull();
      expect(
        listed!
          .split(',')
          .map((m) => m.trim())
          .sort(),
      ).toEqual(allow);
      expect((await res.json()).type).toBe('https://reuse-pref.org/problems/method-not-allowed');
    }
  });
});
