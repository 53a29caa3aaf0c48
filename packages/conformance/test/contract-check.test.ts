// Every response the suite sees is checked against openapi.yaml (issue 12): each way a response can break
// the contract is caught, with the operation id and a JSON pointer, and a response that keeps it is not.
import { operationIndex, ProblemTypes } from '@reuse-pref/contract';
import { describe, expect, it } from 'vitest';
import { loadContract } from '../src/contract/document.js';
import { checkResponse, type Exchange } from '../src/contract/response-check.js';
import { suiteRoot } from '../src/suite-root.js';

const contract = loadContract(suiteRoot());
const PROBLEM = 'application/problem+json';
const notFound = JSON.stringify({
  type: 'https://reuse-pref.org/problems/not-found',
  title: 'Not found',
  status: 404,
});

function exchange(over: Partial<Exchange> & { type?: string; extra?: Record<string, string> }): Exchange {
  const headers = new Headers(over.extra ?? {});
  if (over.type) headers.set('content-type', over.type);
  return {
    method: over.method ?? 'GET',
    path: over.path ?? '/schools/100000/statements/00000000-0000-4000-8000-000000000000',
    status: over.status ?? 404,
    headers,
    body: over.body ?? notFound,
  };
}

describe('checkResponse', () => {
  it('reads every operation of openapi.yaml', () => {
    // The contract package's index is generated from the same document by another reader.
    expect(contract.operations.map((o) => o.operationId).sort()).toEqual(Object.keys(operationIndex).sort());
    expect(contract.operations.every((o) => o.responses.size > 0)).toBe(true);
  });

  it('names only known problem types in x-rules, each with a status the operation declares', () => {
    const stated = contract.operations.flatMap((o) => o.rules.map((r) => ({ o, r })));
    expect(stated.length).toBeGreaterThan(0);
    for (const { o, r } of stated) {
      expect(Object.keys(ProblemTypes), `${o.operationId} x-rules`).toContain(r.problem);
      const status = ProblemTypes[r.problem as keyof typeof ProblemTypes].status;
      expect([...o.responses.keys()], `${o.operationId} ${r.problem}`).toContain(String(status));
    }
  });

  it('passes a declared status, media type and valid body', () => {
    expect(checkResponse(contract, exchange({ type: PROBLEM }))).toEqual([]);
  });

  it('fails a status the operation does not declare, pointing at its responses', () => {
    const [v, ...rest] = checkResponse(contract, exchange({ status: 418, type: PROBLEM }));
    expect(rest).toEqual([]);
    expect(v).toMatchObject({
      operationId: 'getStatement',
      status: 418,
      pointer: '/paths/~1schools~1{urn}~1statements~1{statementId}/get/responses',
    });
  });

  it('fails a media type the status does not declare', () => {
    const [v] = checkResponse(contract, exchange({ type: 'text/html' }));
    expect(v?.pointer).toBe('/paths/~1schools~1{urn}~1statements~1{statementId}/get/responses/404/content');
    expect(v?.message).toContain('text/html');
  });

  it('fails a body that breaks its schema, with the pointer into the body', () => {
    const body = JSON.stringify({ type: 'https://reuse-pref.org/problems/not-found', title: 7, status: 404 });
    const found = checkResponse(contract, exchange({ type: PROBLEM, body }));
    expect(found.map((v) => v.pointer)).toContain('/title');
  });

  it("fails a problem whose status member is not the response's", () => {
    const body = JSON.stringify({
      type: 'https://reuse-pref.org/problems/not-found',
      title: 'x',
      status: 400,
    });
    expect(checkResponse(contract, exchange({ type: PROBLEM, body })).map((v) => v.pointer)).toContain(
      '/status',
    );
  });

  it('fails a body that is not JSON under a JSON media type', () => {
    const [v] = checkResponse(contract, exchange({ type: PROBLEM, body: '<html>' }));
    expect(v?.message).toContain('not JSON');
  });

  it('fails a 405 without Allow, and passes one with it', () => {
    const body = JSON.stringify({
      type: 'https://reuse-pref.org/problems/method-not-allowed',
      title: 'Method not allowed',
      status: 405,
    });
    const at = { method: 'DELETE', status: 405, type: PROBLEM, body };
    expect(checkResponse(contract, exchange(at))[0]?.message).toContain('without an Allow header');
    expect(checkResponse(contract, exchange({ ...at, extra: { allow: 'GET, HEAD' } }))).toEqual([]);
    expect(
      checkResponse(contract, exchange({ ...at, extra: { allow: 'GET, DELETE' } }))[0]?.message,
    ).toContain('DELETE');
  });

  it('fails a missing required header (Location on a 201)', () => {
    const body = JSON.stringify({
      statementId: '00000000-0000-4000-8000-000000000000',
      outcome: 'stored',
      storedAt: '2026-11-30T00:00:00Z',
      queries: [],
    });
    const created = exchange({
      method: 'POST',
      path: '/schools/100000/statements',
      status: 201,
      type: 'application/json',
      body,
    });
    const found = checkResponse(contract, created);
    expect(found.map((v) => v.pointer)).toContain(
      '/paths/~1schools~1{urn}~1statements/post/responses/201/headers/location',
    );
  });

  it('wants 404 for a path the contract does not have', () => {
    expect(
      checkResponse(contract, exchange({ path: '/nowhere', status: 200, type: PROBLEM }))[0],
    ).toMatchObject({
      operationId: '(no operation)',
      pointer: '/paths',
    });
  });
});
