// Issue 12: the contract's examples used UPN A801200006012, whose check letter is wrong (P is right): the
// published BatchBody example was rejected by the reference receiver with upn-check-letter while the
// BatchCommitted example showed it stored, and the problem examples quoted findings no validator wrote.
// Every example is now checked by the reference validator: identifiers pass their check, every example
// statement is accepted, and every finding an example quotes is what the validator says for the record
// the example describes.
import { readFileSync } from 'node:fs';
import { registerCsv } from '@reuse-pref/release';
import type { RegisterEntry, Statement } from '@reuse-pref/schema';
import { createValidator, isValidUln, isValidUpn } from '@reuse-pref/validator';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const spec = parse(readFileSync(new URL('../../../../spec/v1/openapi.yaml', import.meta.url), 'utf8')) as {
  components: {
    examples: Record<string, { value: unknown }>;
    parameters: Record<string, { example?: string }>;
  };
};
const examples = spec.components.examples;
const value = <T>(name: string): T => structuredClone(examples[name]!.value) as T;
/** The examples are dated autumn 2026; judge them the day after the last of them. */
const validator = createValidator({ now: '2026-11-02T00:00:00Z' });
const batchLines = (): Statement[] =>
  value<string>('BatchBody')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));

/** Every value under `key` anywhere in the examples (NDJSON bodies read line by line), with where it is. */
function everyField(key: string): [string, unknown][] {
  const found: [string, unknown][] = [];
  const walk = (node: unknown, where: string) => {
    if (Array.isArray(node)) {
      for (const [i, n] of node.entries()) walk(n, `${where}/${i}`);
    } else if (node !== null && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) {
        if (k === key) found.push([`${where}/${k}`, v]);
        walk(v, `${where}/${k}`);
      }
    }
  };
  for (const [name, { value }] of Object.entries(examples)) {
    walk(name === 'BatchBody' ? batchLines() : value, name);
  }
  return found;
}

/** Every example statement: bodies, page items, change-feed entries and batch lines. */
function exampleStatements(): [string, unknown][] {
  const out: [string, unknown][] = [
    ['StatementParent', value('StatementParent')],
    ['StatementWithdrawal', value('StatementWithdrawal')],
    ...batchLines().map((s, i): [string, unknown] => [`BatchBody line ${i + 1}`, s]),
  ];
  for (const name of ['StatementPageLast', 'StatementPageHistory']) {
    for (const [i, s] of value<{ items: unknown[] }>(name).items.entries())
      out.push([`${name}/items/${i}`, s]);
  }
  for (const [i, c] of value<{ changes: { statement: unknown }[] }>('ChangeFeedPage').changes.entries()) {
    out.push([`ChangeFeedPage/changes/${i}`, c.statement]);
  }
  return out;
}

describe('the examples in openapi.yaml, checked by the reference validator', () => {
  it('every UPN passes its check letter and every ULN its check digit', () => {
    const upns = everyField('upn');
    expect(upns.length).toBeGreaterThan(10);
    expect(upns.filter(([, upn]) => !isValidUpn(upn as string))).toEqual([]);
    expect(everyField('uln').filter(([, uln]) => !isValidUln(uln as string))).toEqual([]);
    expect(isValidUpn(spec.components.parameters.Pupil!.example!)).toBe(true);
  });

  it.each(exampleStatements())('%s is a statement the validator accepts', (_, statement) => {
    expect(validator.validate(statement).errors).toEqual([]);
  });

  it('BatchCommitted reports the BatchBody lines, in order', () => {
    const committed = value<{
      counts: { records: number };
      outcomes: { line: number; statementId: string }[];
    }>('BatchCommitted');
    const lines = batchLines();
    expect(committed.counts.records).toBe(lines.length);
    expect(committed.outcomes.map((o) => [o.line, o.statementId])).toEqual(
      lines.map((s, i) => [i + 1, s.id]),
    );
  });

  it('ProblemValidation quotes what the validator says of the parent form with UPN A801200005001 and CONS for LINK', () => {
    const form = value<Statement>('StatementParent');
    form.subject.upn = 'A801200005001';
    form.choices[1] = { purpose: 'LINK', value: 'CONS' };
    const result = validator.validate(form);
    expect(value<{ errors: unknown[] }>('ProblemValidation').errors).toEqual([
      ...result.errors,
      ...result.queries,
    ]);
  });

  it('BatchRejected quotes what the validator says of BatchBody with line 2 given UPN A801200006012', () => {
    const lines = batchLines();
    lines[1]!.subject.upn = 'A801200006012';
    const outcomes = value<{ batch: { outcomes: { findings: unknown[] }[] } }>('BatchRejected').batch
      .outcomes;
    const findings = lines.map((line) => {
      const result = validator.validate(line);
      return result.errors.length > 0 ? [...result.errors, ...result.queries] : [];
    });
    expect(outcomes.map((o) => o.findings)).toEqual(findings);
  });

  it('RegisterCsv is the CSV rendering of the RegisterPage example', () => {
    expect(value<string>('RegisterCsv')).toBe(
      registerCsv(value<{ items: RegisterEntry[] }>('RegisterPage').items),
    );
  });
});
