import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { suiteRoot } from '../src/index.js';
import { httpMatrix } from '../src/strength/http-matrix.js';

describe('HTTP operation × concern matrix (issue 11 item 3)', () => {
  const { operations, cells } = httpMatrix(suiteRoot());
  const applies = (op: string, concern: string) =>
    cells.some((c) => c.operation === op && c.concern === concern);
  const cell = (op: string, concern: string) =>
    cells.find((c) => c.operation === op && c.concern === concern);

  it('has a row for every operation of openapi.yaml, each with its response schema to check', () => {
    expect(operations.map((o) => o.id)).toContain('recordPupilStatement');
    expect(operations.length).toBe(new Set(operations.map((o) => o.id)).size);
    expect(cells.filter((c) => c.concern === 'response-schema').length).toBe(operations.length);
  });

  it('applies If-Match (absent, stale, *) and Idempotency-Key where the contract takes those headers', () => {
    for (const concern of ['if-match-absent', 'if-match-stale', 'if-match-star']) {
      expect(applies('updateSchoolSettings', concern)).toBe(true);
      expect(applies('recordPupilStatement', concern)).toBe(true);
      expect(applies('submitStatement', concern)).toBe(false);
    }
    expect(applies('submitStatement', 'idempotency-reuse')).toBe(true);
    // Required keys (IdempotencyKeyRequired) are the same header.
    expect(applies('submitBatch', 'idempotency-reuse')).toBe(true);
    expect(applies('evaluateDistribution', 'idempotency-reuse')).toBe(true);
    expect(applies('getCapabilities', 'no-token')).toBe(false);
  });

  it('applies school isolation to per-school paths and to bodies naming a school, single and batch', () => {
    expect(applies('listStatements', 'other-school-token')).toBe(true);
    expect(applies('submitIntakeStatement', 'other-school-token')).toBe(true);
    expect(applies('submitBatch', 'other-school-token')).toBe(true);
    expect(applies('getRelease', 'other-school-token')).toBe(false);
    // Path school vs the school in the body: statements (setting.urn) and settings (urn).
    expect(applies('submitStatement', 'body-school')).toBe(true);
    expect(applies('recordPupilStatement', 'body-school')).toBe(true);
    expect(applies('updateSchoolSettings', 'body-school')).toBe(true);
    expect(applies('submitIntakeStatement', 'body-school')).toBe(false);
  });

  it('applies id conflicts and query-only receipts to every write that takes statements', () => {
    for (const op of ['submitStatement', 'recordPupilStatement', 'submitIntakeStatement', 'submitBatch']) {
      expect(applies(op, 'id-conflict')).toBe(true);
      expect(applies(op, 'query-receipt')).toBe(true);
    }
    expect(applies('updateSchoolSettings', 'id-conflict')).toBe(false);
    expect(applies('evaluateDistribution', 'query-receipt')).toBe(false);
  });

  it('counts a cell covered only where every profile serving the operation tries it', () => {
    expect(operations.find((o) => o.id === 'listStatements')?.profiles).toEqual(['producer', 'relay']);
    expect(cell('listStatements', 'other-school-token')?.covered).toBe(true);
    expect(cell('submitStatement', 'idempotency-reuse')?.covered).toBe(true);
  });

  it('leaves no gap in any profile (an operation or concern added to the contract needs scenarios)', () => {
    const open = cells
      .filter((c) => c.missing.length > 0)
      .map((c) => `${c.operation} ${c.concern}: ${c.missing.join(', ')}`);
    expect(open).toEqual([]);
  });
});

/** A scenario's reference to a value by name, as the files write it. */
const ref = (name: string) => `\${${name}}`;

describe('what counts as trying a concern', () => {
  // A suite copy with the real contract and one scenario file of our own, so each rule is seen alone.
  const withScenario = (tests: unknown[]) => {
    const dir = mkdtempSync(join(tmpdir(), 'rp-http-matrix-'));
    mkdirSync(join(dir, 'spec'));
    symlinkSync(join(suiteRoot(), 'spec/v1'), join(dir, 'spec/v1'));
    for (const profile of ['producer', 'relay']) {
      mkdirSync(join(dir, 'conformance/scenarios/v1', profile, 'must'), { recursive: true });
      const file = [{ id: `${profile}-x`, description: 'x', section: 'x', level: 'MUST', tests }];
      writeFileSync(join(dir, 'conformance/scenarios/v1', profile, 'must/x.json'), JSON.stringify(file));
    }
    return httpMatrix(dir).cells;
  };
  const covered = (cells: ReturnType<typeof withScenario>, op: string, concern: string) =>
    cells.find((c) => c.operation === op && c.concern === concern)?.covered;
  const step = (request: object, expect: object) => ({ id: 't', description: 't', request, expect });
  const settings = { method: 'PUT', path: `/schools/${ref('school')}/settings` };

  // A member of a value (`${s.id}`, `/channel`) is a subset; a whole value is a written object or array, or a name.
  it('a whole-body read is equals or sameBodyAs on a whole value, never a subset match', () => {
    const read = { method: 'GET', path: `/schools/${ref('school')}/statements/${ref('s.id')}` };
    expect(
      covered(
        withScenario([step(read, { status: [200], body: { id: ref('s.id') } })]),
        'getStatement',
        'whole-body',
      ),
    ).toBe(false);
    expect(
      covered(
        withScenario([step(read, { status: [200], equals: { '/id': ref('s.id') } })]),
        'getStatement',
        'whole-body',
      ),
    ).toBe(false);
    expect(
      covered(
        withScenario([step(read, { status: [200], equals: { '/channel': 'PAPR' } })]),
        'getStatement',
        'whole-body',
      ),
    ).toBe(false);
    expect(
      covered(
        withScenario([step(read, { status: [200], equals: { '': ref('s') } })]),
        'getStatement',
        'whole-body',
      ),
    ).toBe(true);
  });

  it('a refusal counts only when nothing but the refusal passes', () => {
    const list = { method: 'GET', path: `/schools/${ref('school')}/statements` };
    expect(
      covered(
        withScenario([step({ ...list, token: 'none' }, { status: [401, 200] })]),
        'listStatements',
        'no-token',
      ),
    ).toBe(false);
    expect(
      covered(
        withScenario([step({ ...list, token: 'none' }, { status: [401] })]),
        'listStatements',
        'no-token',
      ),
    ).toBe(true);
    expect(
      covered(
        withScenario([step({ ...list, token: 'other' }, { status: [403, 404, 200] })]),
        'listStatements',
        'other-school-token',
      ),
    ).toBe(false);
  });

  it('If-Match: * needs both forms: accepted on something, and a wildcard refused', () => {
    const accepted = step({ ...settings, headers: { 'if-match': '*' } }, { status: [200] });
    const refused = step({ ...settings, headers: { 'if-none-match': '*' } }, { status: [412] });
    expect(covered(withScenario([accepted]), 'updateSchoolSettings', 'if-match-star')).toBe(false);
    expect(covered(withScenario([refused]), 'updateSchoolSettings', 'if-match-star')).toBe(false);
    expect(
      covered(withScenario([accepted, { ...refused, id: 'u' }]), 'updateSchoolSettings', 'if-match-star'),
    ).toBe(true);
    // A stale ETag is not the absent case, and 428 is not the stale one.
    const stale = step({ ...settings, headers: { 'if-match': '"old"' } }, { status: [412] });
    expect(covered(withScenario([stale]), 'updateSchoolSettings', 'if-match-stale')).toBe(true);
    expect(covered(withScenario([stale]), 'updateSchoolSettings', 'if-match-absent')).toBe(false);
  });

  it('a key sent once is no reuse; a reuse needs a whole replay and a refusal', () => {
    const post = (json: string, expect: object) => ({
      request: {
        method: 'POST',
        path: `/schools/${ref('school')}/statements`,
        headers: { 'idempotency-key': 'k' },
        json: { $statement: json },
      },
      expect,
    });
    const replay = {
      id: 'r',
      description: 'r',
      setup: [post('s', { status: [201] })],
      ...post('s', { status: [201], sameBodyAs: 'first' }),
    };
    const refuse = {
      id: 'f',
      description: 'f',
      setup: [post('s', { status: [201] })],
      ...post('o', { status: [422] }),
    };
    expect(covered(withScenario([replay]), 'submitStatement', 'idempotency-reuse')).toBe(false);
    expect(covered(withScenario([replay, refuse]), 'submitStatement', 'idempotency-reuse')).toBe(true);
    expect(
      covered(
        withScenario([{ ...post('s', { status: [201], sameBodyAs: 'x' }), id: 'once', description: 'once' }]),
        'submitStatement',
        'idempotency-reuse',
      ),
    ).toBe(false);
  });

  it('a cell needs every profile that serves the operation', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rp-http-matrix-'));
    mkdirSync(join(dir, 'spec'));
    symlinkSync(join(suiteRoot(), 'spec/v1'), join(dir, 'spec/v1'));
    mkdirSync(join(dir, 'conformance/scenarios/v1/producer/must'), { recursive: true });
    const test = step(
      { method: 'GET', path: `/schools/${ref('school')}/changes`, token: 'none' },
      { status: [401] },
    );
    const file = [{ id: 'p', description: 'x', section: 'x', level: 'MUST', tests: [test] }];
    writeFileSync(join(dir, 'conformance/scenarios/v1/producer/must/x.json'), JSON.stringify(file));
    const cell = httpMatrix(dir).cells.find(
      (c) => c.operation === 'getChangeFeed' && c.concern === 'no-token',
    );
    expect(cell).toMatchObject({ covered: false, missing: ['relay'] });
  });
});
