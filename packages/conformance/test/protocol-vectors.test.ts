import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StartResponse, TestResult } from '../src/index.js';
import {
  type Harness,
  loadVectors,
  runVectors,
  SIGN_TESTS,
  spawnHarness,
  suiteRoot,
  verdict,
} from '../src/index.js';
import { packageDir, referenceHarnessCommand } from './harness-command.js';

const files = loadVectors(suiteRoot());
let harness: Harness;
let started: StartResponse;
let results: TestResult[];

beforeAll(async () => {
  harness = spawnHarness(referenceHarnessCommand, { cwd: packageDir, timeoutMs: 60_000 });
  started = await harness.start();
  results = await runVectors(harness, files, started.capabilities);
}, 120_000);
afterAll(() => harness.stop());

describe('every semantic vector through the harness protocol against the TS harness (child process)', () => {
  it('declares itself and every capability', () => {
    expect(started).toMatchObject({
      version: 1,
      implementation: { name: '@reuse-pref/validator+resolver', language: 'typescript' },
      capabilities: ['validate', 'validate-history', 'resolve', 'verify-signature', 'sign-statement'],
    });
  });

  it('runs every validation, resolver and signature test in the vectors, and the signing tests', () => {
    const vectors = files.reduce((n, f) => n + f.cases.reduce((m, c) => m + c.tests.length, 0), 0);
    const want = vectors + SIGN_TESTS.length;
    expect(results).toHaveLength(want);
    expect(new Set(results.map((r) => r.suite))).toEqual(new Set(['validation', 'resolver', 'signature']));
    expect(results.filter((r) => r.suite === 'signature').length).toBeGreaterThanOrEqual(24 + 3);
    expect(new Set(results.map((r) => r.id)).size).toBe(want);
  });

  it('passes 100%', () => {
    expect(results.filter((r) => r.status !== 'pass')).toEqual([]);
    expect(verdict(results).passed).toBe(true);
  });
});
