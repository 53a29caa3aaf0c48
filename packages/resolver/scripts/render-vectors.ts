import { age } from './vectors/age.js';
import { choices } from './vectors/choices.js';
import { ctf } from './vectors/ctf.js';
import { defaults } from './vectors/defaults.js';
import { eligibility } from './vectors/eligibility.js';
import { fields } from './vectors/fields.js';
import { identity } from './vectors/identity.js';
import { order } from './vectors/order.js';
import { output } from './vectors/output.js';
import { proxies } from './vectors/proxies.js';
import { pupil } from './vectors/pupil.js';
import { refusals } from './vectors/refusals.js';
import { review } from './vectors/review.js';

const topics = {
  age,
  choices,
  ctf,
  defaults,
  eligibility,
  fields,
  identity,
  order,
  output,
  proxies,
  pupil,
  refusals,
  review,
};

/** Every resolver vector file, keyed by its path under conformance/vectors/v1/resolver/. */
export function renderVectors(): Map<string, string> {
  const files = new Map<string, string>();
  for (const [topic, cases] of Object.entries(topics)) {
    const byLevel = new Map<string, unknown[]>();
    for (const c of cases) {
      const level = c.level.toLowerCase();
      byLevel.set(level, [...(byLevel.get(level) ?? []), c]);
    }
    for (const [level, list] of byLevel)
      files.set(`${level}/${topic}.json`, `${JSON.stringify(list, null, 2)}\n`);
  }
  return files;
}
