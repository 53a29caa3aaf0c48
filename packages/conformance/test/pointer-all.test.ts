import { describe, expect, it } from 'vitest';
import { pointerAll } from '../src/scenarios/match.js';

// The lists an `accounted` expectation sums (every record's findings of a batch result).
describe('pointerAll', () => {
  const body = { batch: { outcomes: [{ findings: [1, 2] }, { findings: [] }, { line: 3 }] }, n: 0 };
  it('reaches every element where a segment is *', () => {
    expect(pointerAll(body, '/batch/outcomes/*/findings')).toEqual([[1, 2], []]);
  });
  it('reaches one value, or none, without *', () => {
    expect(pointerAll(body, '/n')).toEqual([0]);
    expect(pointerAll(body, '/missing/x')).toEqual([]);
    expect(pointerAll(body, '')).toEqual([body]);
  });
});
