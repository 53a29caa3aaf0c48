import { describe, expect, it } from 'vitest';
import { inProcessHarness, loadVectors, runVectors, suiteRoot } from '../src/index.js';
import { semanticMutants } from './mutants/semantic.js';

const files = loadVectors(suiteRoot());

describe('semantic mutation score: every broken implementation is caught by a MUST vector', () => {
  const caught: string[] = [];
  it.each(semanticMutants.map((m) => [m.name, m] as const))('%s is caught', async (_name, m) => {
    const harness = inProcessHarness(m.implementation);
    const { capabilities } = await harness.start();
    const results = await runVectors(harness, files, capabilities);
    const killers = results.filter((r) => r.level === 'MUST' && r.status !== 'pass');
    expect(killers.length, `${m.name} survived every MUST vector`).toBeGreaterThan(0);
    caught.push(`${m.name}: caught by ${killers.length} MUST test(s), e.g. ${killers[0]!.id}`);
  });

  it('scores 100%', () => {
    const score = (100 * caught.length) / semanticMutants.length;
    console.log(
      `semantic mutation score: ${caught.length}/${semanticMutants.length} (${score.toFixed(0)}%)\n  ${caught.join('\n  ')}`,
    );
    expect(score).toBe(100);
  });
});
