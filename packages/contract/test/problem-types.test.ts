import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { PROBLEM_BASE, ProblemTypes, problemTypeOf, problemTypeUri } from '../src/index.js';

const spec = parse(readFileSync(new URL('../../../spec/v1/openapi.yaml', import.meta.url), 'utf8')) as {
  info: { description: string };
  components: { examples: Record<string, { value: unknown }> };
};

/** Every example in the contract whose value is a problem of ours. */
const problemExamples = Object.entries(spec.components.examples).flatMap(([name, { value }]) => {
  const type = (value as { type?: unknown })?.type;
  return typeof type === 'string' && type.startsWith(PROBLEM_BASE)
    ? [{ name, type, status: (value as { status: number }).status }]
    : [];
});

describe('problem types', () => {
  it('live under the base the contract names', () => {
    expect(spec.info.description).toContain(PROBLEM_BASE);
  });

  it.each(problemExamples)('example $name names a listed type with its status', ({ type, status }) => {
    const slug = problemTypeOf(type);
    expect(slug, `${type} is not in ProblemTypes`).toBeDefined();
    expect(ProblemTypes[slug!].status).toBe(status);
  });

  it('read back from their URI, and nothing else does', () => {
    for (const slug of Object.keys(ProblemTypes) as (keyof typeof ProblemTypes)[]) {
      expect(problemTypeOf(problemTypeUri(slug))).toBe(slug);
    }
    expect(problemTypeOf('about:blank')).toBeUndefined();
    expect(problemTypeOf(`${PROBLEM_BASE}no-such-type`)).toBeUndefined();
    expect(problemTypeOf(`${PROBLEM_BASE}constructor`)).toBeUndefined();
    expect(problemTypeOf('https://elsewhere.example/problems/not-found')).toBeUndefined();
  });
});
