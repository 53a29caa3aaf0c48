import { describe, expect, it } from 'vitest';
import { suiteRoot } from '../src/index.js';
import { httpMatrix } from '../src/strength/http-matrix.js';

describe('HTTP operation × concern matrix (issue 11 item 3)', () => {
  const { operations, cells } = httpMatrix(suiteRoot());

  it('has a row for every operation of openapi.yaml, and a scenario for each row', () => {
    expect(operations.map((o) => o.id)).toContain('recordPupilStatement');
    expect(operations.length).toBe(new Set(operations.map((o) => o.id)).size);
    // Every operation at least has its response checked somewhere, or the gap shows in the README table.
    expect(cells.filter((c) => c.concern === 'response-schema').length).toBe(operations.length);
  });

  it('applies If-Match and Idempotency-Key where the contract takes them', () => {
    const applies = (op: string, concern: string) =>
      cells.some((c) => c.operation === op && c.concern === concern);
    expect(applies('updateSchoolSettings', 'if-match')).toBe(true);
    expect(applies('recordPupilStatement', 'if-match')).toBe(true);
    expect(applies('submitStatement', 'idempotency-reuse')).toBe(true);
    expect(applies('getCapabilities', 'no-token')).toBe(false);
  });

  it('counts a concern as covered only where a scenario tries it', () => {
    const covered = (op: string, concern: string) =>
      cells.find((c) => c.operation === op && c.concern === concern)?.covered;
    expect(covered('listStatements', 'other-school')).toBe(true);
    expect(covered('submitStatement', 'idempotency-reuse')).toBe(true);
  });
});
