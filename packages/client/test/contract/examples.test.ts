import { API_SCHEMA_BASE, SCHEMA_BASE } from '@reuse-pref/schema';
import { describe, expect, it } from 'vitest';
import { contractOperations, deref, spec } from '../support/contract.js';
import { validatorFor } from '../support/schemas.js';

type Node = Record<string, unknown>;

/**
 * Every (schema, example) pair in the contract, once each: shared responses repeat the same example on
 * many operations, so the pair is named by the example's component and the schema it must satisfy.
 */
function mediaWithExamples() {
  const found = new Map<string, { where: string; schema: string; name: string; value: unknown }>();
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (typeof op !== 'object' || op === null || !('responses' in op)) continue;
      const bodies: [string, Node][] = [];
      const request = deref<Node>(op.requestBody ?? {});
      for (const [type, media] of Object.entries((request.content as Record<string, Node>) ?? {})) {
        bodies.push([`${method} ${path} request ${type}`, media]);
      }
      for (const [status, raw] of Object.entries(op.responses as Node)) {
        for (const [type, media] of Object.entries(
          (deref<Node>(raw).content as Record<string, Node>) ?? {},
        )) {
          bodies.push([`${method} ${path} ${status} ${type}`, media]);
        }
      }
      for (const [where, media] of bodies) {
        const schema = deref<Node>(media.schema ?? {}).$ref;
        for (const [name, ex] of Object.entries((media.examples as Record<string, unknown>) ?? {})) {
          if (typeof schema !== 'string') continue;
          const ref = (ex as Node).$ref;
          const key = `${typeof ref === 'string' ? ref.slice(ref.lastIndexOf('/') + 1) : `${where} ${name}`} as ${schema}`;
          if (!found.has(key)) found.set(key, { where: key, schema, name, value: deref<Node>(ex).value });
        }
      }
    }
  }
  return [...found.values()];
}

describe('contract examples', () => {
  it.each(mediaWithExamples().map((m) => [m.where, m] as const))(
    'example %s is valid',
    (_, { schema, value }) => {
      const validate = validatorFor(schema);
      expect(validate(value) ? [] : validate.errors).toEqual([]);
    },
  );

  it.each(contractOperations.map((op) => [op.operationId, op] as const))(
    '%s has an example for every success response and answers every failure with problem details',
    (_, op) => {
      for (const response of op.responses) {
        if (response.status < 300) expect(response.example, `${response.status}`).toBeDefined();
        // 304 Not Modified has no body at all.
        else if (response.status < 400) expect(response.contentType, `${response.status}`).toBeUndefined();
        else expect(response.contentType, `${response.status}`).toBe('application/problem+json');
      }
      expect(op.responses.some((r) => r.status === 429)).toBe(true);
    },
  );

  it('envelope schemas use the same $id base as the model schemas', () => {
    expect(API_SCHEMA_BASE).toBe(SCHEMA_BASE);
  });

  it('components point at the generated schema files and hold no schema of their own', () => {
    const schemas = spec.components.schemas as Record<string, Node>;
    for (const [name, schema] of Object.entries(schemas)) {
      expect(Object.keys(schema), name).toEqual(['$ref']);
      expect(schema.$ref, name).toMatch(/^\.\/schemas\/[a-z-]+\.schema\.json$/);
    }
  });
});
