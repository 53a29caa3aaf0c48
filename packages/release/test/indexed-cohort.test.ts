import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolve } from '@reuse-pref/resolver';
import type { EffectivePreference, Statement, SubjectKey } from '@reuse-pref/schema';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import {
  type CompactPreferences,
  type CompactRows,
  evaluateFromCompactIndex,
  evaluateRelease,
  keysOfRun,
  ledgerEntry,
  membersFromIndex,
  type PreferenceIndex,
  readCohortKeyRuns,
} from '../src/index.js';
import { request, statement, upn } from './fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'indexed-cohort-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;

const PURPOSES = ['STAT', 'RSXT', 'LINK', 'COMM', 'IMMI', 'MEDI'] as const;
const VALUES = ['OBJT', 'NOOB', 'CONS', 'DECL', 'REFU'] as const;

/**
 * A reference index: each member's history resolved on demand. Whatever the store keeps, the gate must
 * decide from it exactly as from the statements; this index is the resolver itself, so any difference
 * is the gate's. Its compact form answers RESOLVE_EXACTLY for some members, as a store's does for a
 * subject with a statement after the decision time.
 */
function referenceIndex(histories: Map<string, Statement[]>, exactlyEvery: number) {
  const calls = { resolve: 0 };
  const index: PreferenceIndex = {
    async resolve(members, asOf) {
      calls.resolve += members.length;
      return members.map((m) => resolve({ statements: histories.get(m.upn!) ?? [], asOf }).preferences);
    },
  };
  const compact: CompactPreferences = {
    compact(members, asOfMs) {
      const out = {
        found: new Int32Array(members.length),
        notShared: new Uint32Array(members.length),
        stated: new Uint32Array(members.length),
      };
      members.forEach((m, i) => {
        const history = histories.get(m.upn!);
        if (!history) return;
        if (i % exactlyEvery === 0) {
          out.found[i] = -1;
          return;
        }
        const prefs = resolve({ statements: history, asOf: new Date(asOfMs) }).preferences;
        out.found[i] = i + 1;
        prefs.forEach((p, bit) => {
          if (!p.shared) out.notShared[i]! |= 1 << bit;
          if (!p.default) out.stated[i]! |= 1 << bit;
        });
      });
      return out;
    },
  };
  return { index, compact, calls };
}

const populationArb = fc.array(
  fc.option(
    fc.array(
      fc.uniqueArray(
        fc.record({ purpose: fc.constantFrom(...PURPOSES), value: fc.constantFrom(...VALUES) }),
        {
          minLength: 1,
          maxLength: 4,
          selector: (c) => c.purpose,
        },
      ),
      { minLength: 1, maxLength: 3 },
    ),
    { nil: undefined, freq: 3 },
  ),
  { minLength: 1, maxLength: 40 },
);

function populate(forms: (Statement['choices'][] | undefined)[]) {
  const histories = new Map<string, Statement[]>();
  const keys: SubjectKey[] = forms.map((f, i) => {
    const u = upn(5000 + i);
    if (f)
      histories.set(
        u,
        f.map((choices, n) => statement(u, choices, `2026-0${n + 1}-03T08:15:00Z`)),
      );
    return { upn: u };
  });
  return { histories, keys };
}

describe('the gate over an effective-preferences index', () => {
  it('counts from the compact form exactly as from the statements, for any request and population', async () => {
    await fc.assert(
      fc.asyncProperty(
        populationArb,
        fc.uniqueArray(fc.constantFrom('EDUC', ...PURPOSES), { minLength: 1, maxLength: 4 }),
        fc.option(fc.constantFrom('S2P4', 'PINT', 'CORD'), { nil: undefined }),
        fc.integer({ min: 1, max: 7 }),
        async (forms, purposes, exemption, exactlyEvery) => {
          const { histories, keys } = populate(forms);
          const req = request({
            purposes,
            ...(exemption ? { exemption: { code: exemption, citation: 'test' } } : { exemption: undefined }),
          });
          if (!exemption) delete (req as { exemption?: unknown }).exemption;
          const decidedAt = '2026-11-01T00:00:00Z';
          const fromStatements = await evaluateRelease(
            req,
            [keys.map((subject) => ({ subject, statements: histories.get(subject.upn!) ?? [] }))],
            { decidedAt, releaseId: 'r' },
          );
          const { index, compact } = referenceIndex(histories, exactlyEvery);
          const batches = [keys.slice(0, 7), keys.slice(7)];
          const fromIndex = await evaluateFromCompactIndex(req, batches, {
            decidedAt,
            releaseId: 'r',
            index,
            compact,
          });
          expect(fromIndex).toEqual(fromStatements);
          // The cohort read as runs of a file's bytes: the gate asks for objects only where it must.
          const path = join(dir, `cohort-${files++}.ndjson`);
          writeFileSync(path, keys.map((k) => `${JSON.stringify(k)}\n`).join(''));
          const fromRuns = await evaluateFromCompactIndex(req, readCohortKeyRuns(path), {
            decidedAt,
            releaseId: 'r',
            index,
            compact: {
              ...compact,
              compactAt: (run, asOfMs) => compact.compact(keysOfRun(run), asOfMs) as CompactRows,
            },
          });
          expect(fromRuns).toEqual(fromStatements);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('gives recordRelease members whose ledger entries name the deciding statements', async () => {
    const [forms] = fc.sample(populationArb, { numRuns: 1, seed: 7 });
    const { histories, keys } = populate(forms!);
    const req = request({ purposes: ['LINK', 'IMMI'] });
    const decidedAt = '2026-11-01T00:00:00Z';
    const entries = async (cohort: Parameters<typeof evaluateRelease>[1]) => {
      const out: unknown[] = [];
      await evaluateRelease(req, cohort, {
        decidedAt,
        releaseId: 'r',
        onSubject: (result) => {
          out.push(ledgerEntry(req, result, decidedAt));
        },
      });
      return out;
    };
    const { index, calls } = referenceIndex(histories, 1);
    const fromIndex = await entries(
      membersFromIndex(index, [keys.slice(0, 5), [], keys.slice(5)], { asOf: decidedAt }),
    );
    const fromStatements = await entries([
      keys.map((subject) => ({ subject, statements: histories.get(subject.upn!) ?? [] })),
    ]);
    expect(fromIndex).toEqual(fromStatements);
    expect(calls.resolve).toBe(keys.length);
    expect(
      fromIndex.some((e) => (e as { purposes: EffectivePreference[] }).purposes.some((p) => p.decidedBy)),
    ).toBe(true);
  });

  it('builds each member from an index that answers lazily only as the gate asks, a run at a time, in cohort order', async () => {
    const [forms] = fc.sample(populationArb, { numRuns: 1, seed: 7 });
    const { histories, keys } = populate(forms!);
    // Longer than one run, so a batch is handed over in several.
    const cohort = Array.from({ length: Math.ceil(700 / keys.length) }, () => keys).flat();
    const decidedAt = '2026-11-01T00:00:00Z';
    const built: number[] = [];
    const lazy: PreferenceIndex = {
      resolve: () => Promise.reject(new Error('an index that answers lazily is not asked to resolve')),
      async answers(members, asOf) {
        const all = members.map(
          (m) => resolve({ statements: histories.get(m.upn!) ?? [], asOf }).preferences,
        );
        return {
          length: members.length,
          preferencesOf: (i) => {
            built.push(i);
            return all[i]!;
          },
        };
      },
    };
    const runs = membersFromIndex(lazy, [cohort.slice(0, 600), [], cohort.slice(600)], { asOf: decidedAt });
    const first = await runs.next();
    expect(first.done).toBe(false);
    // Only the run handed over has been built.
    expect(built).toEqual(Array.from({ length: (first.value as unknown[]).length }, (_, i) => i));
    expect((first.value as unknown[]).length).toBeLessThan(600);
    const members = [...(first.value as { subject: unknown; preferences: unknown }[])];
    for await (const run of runs) members.push(...(run as typeof members));
    expect(members.map((m) => m.subject)).toEqual(cohort);
    expect(members.map((m) => m.preferences)).toEqual(
      cohort.map((m) => resolve({ statements: histories.get(m.upn!) ?? [], asOf: decidedAt }).preferences),
    );
  });
});
