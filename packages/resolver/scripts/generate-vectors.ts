import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { age } from './vectors/age.js';
import { choices } from './vectors/choices.js';
import { ctf } from './vectors/ctf.js';
import { defaults } from './vectors/defaults.js';
import { eligibility } from './vectors/eligibility.js';
import { identity } from './vectors/identity.js';
import { order } from './vectors/order.js';
import { proxies } from './vectors/proxies.js';
import { pupil } from './vectors/pupil.js';
import { review } from './vectors/review.js';

/**
 * Writes conformance/vectors/v1/resolver/<level>/<topic>.json. The checked-in JSON is what every
 * implementation reads; this script only saves typing the full statements.
 */
const topics = { age, choices, ctf, defaults, eligibility, identity, order, proxies, pupil, review };
const root = fileURLToPath(new URL('../../../conformance/vectors/v1/resolver/', import.meta.url));

for (const [topic, cases] of Object.entries(topics)) {
  const byLevel = new Map<string, unknown[]>();
  for (const c of cases) {
    const level = c.level.toLowerCase();
    byLevel.set(level, [...(byLevel.get(level) ?? []), c]);
  }
  for (const [level, list] of byLevel) {
    mkdirSync(`${root}${level}`, { recursive: true });
    writeFileSync(`${root}${level}/${topic}.json`, `${JSON.stringify(list, null, 2)}\n`);
  }
}
