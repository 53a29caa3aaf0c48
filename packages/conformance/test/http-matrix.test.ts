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
});
