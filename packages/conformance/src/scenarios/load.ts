import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ScenarioCase } from './types.js';

export const Profiles = ['producer', 'relay', 'receiver', 'distributor'] as const;
export type Profile = (typeof Profiles)[number];

/** conformance/scenarios/v1/<profile>/<level>/*.json, in a stable order. */
export function loadScenarios(root: string, profile: Profile): ScenarioCase[] {
  const dir = join(root, 'conformance/scenarios/v1', profile);
  const out: ScenarioCase[] = [];
  for (const level of ['must', 'should', 'may']) {
    let names: string[];
    try {
      names = readdirSync(join(dir, level))
        .filter((n) => n.endsWith('.json'))
        .sort();
    } catch {
      continue;
    }
    for (const name of names)
      out.push(...(JSON.parse(readFileSync(join(dir, level, name), 'utf8')) as ScenarioCase[]));
  }
  return out;
}
