import { readFileSync } from 'node:fs';
import { type OperationId, operationIndex } from '@reuse-pref/contract';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { type Operation, operations } from '../../src/index.js';

// What a handler returns is checked against openapi.yaml at compile time (contract-operations.test-d.ts).
// What the app's edge throws before or around a handler is not: TypeScript does not type throws. This
// test derives, from each operation's own definition, the statuses its edge can answer, and checks the
// contract declares them for that operation.

const spec = parse(readFileSync(new URL('../../../../spec/v1/openapi.yaml', import.meta.url), 'utf8')) as {
  paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
};

function declared(operationId: OperationId): Set<number> {
  const { path, method } = operationIndex[operationId];
  return new Set(Object.keys(spec.paths[path]![method]!.responses).map(Number));
}

/** The statuses the app itself may answer for an operation, with why. */
function edgeStatuses(op: Operation): Map<number, string> {
  const statuses = new Map<number, string>([
    [429, 'rate-limited (the rate limit hook runs for every operation)'],
    [500, 'internal-error (any unexpected failure)'],
  ]);
  if (op.scope) {
    statuses.set(401, 'unauthorized (no valid bearer token)');
    statuses.set(403, 'forbidden / school-not-in-scope (token scopes)');
  }
  if (op.body) {
    statuses.set(400, 'invalid-utf8, invalid-json, too-deep... (reading the body)');
    statuses.set(413, 'payload-too-large / batch-too-large (body size limit)');
    statuses.set(415, 'unsupported-media-type (Content-Type not accepted)');
  }
  if (op.idempotent) {
    statuses.set(400, 'bad-request (a malformed or missing Idempotency-Key)');
    statuses.set(409, 'idempotency-key-in-use (a retry while the first request runs)');
    statuses.set(422, 'idempotency-key-reused (the key with another request)');
  }
  return statuses;
}

/**
 * Edge answers openapi.yaml does not declare for the operation: none since issue 12. Checked both ways,
 * so an entry added here for a new gap must be removed again once the contract declares it.
 */
const UNDECLARED: readonly string[] = [];

describe('every answer the edge can give is declared for its operation', () => {
  const found = operations.flatMap((op) => {
    const contract = declared(op.operationId as OperationId);
    return [...edgeStatuses(op).keys()].filter((s) => !contract.has(s)).map((s) => `${op.operationId} ${s}`);
  });

  it('only the known undeclared answers are missing from the contract', () => {
    expect(found.filter((entry) => !UNDECLARED.includes(entry))).toEqual([]);
  });

  it('no known undeclared answer has since been declared (remove it from the list)', () => {
    expect(UNDECLARED.filter((entry) => !found.includes(entry))).toEqual([]);
  });

  it('covers every operation of the contract', () => {
    expect(operations.map((op) => op.operationId).sort()).toEqual(Object.keys(operationIndex).sort());
  });
});
