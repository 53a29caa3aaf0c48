import type { Case } from './vector-kit.js';
import { catalogue } from './vectors/catalogue.js';
import { codes } from './vectors/codes.js';
import { competence } from './vectors/competence.js';
import { dates } from './vectors/dates.js';
import { fields } from './vectors/fields.js';
import { formats } from './vectors/formats.js';
import { history } from './vectors/history.js';
import { identifiers } from './vectors/identifiers.js';
import { lengths } from './vectors/lengths.js';
import { malformedHistory } from './vectors/malformed-history.js';
import { patterns } from './vectors/patterns.js';
import { structure } from './vectors/structure.js';
import { transfer } from './vectors/transfer.js';

const topics: Record<string, Case[]> = {
  structure,
  formats,
  patterns,
  codes,
  lengths,
  identifiers,
  catalogue,
  dates,
  competence,
  transfer,
  history,
  'malformed-history': malformedHistory,
  fields,
};

/** Every validation vector file, keyed by its path under conformance/vectors/v1/validation/. */
export function renderVectors(): Map<string, string> {
  const files = new Map<string, string>();
  for (const [topic, cases] of Object.entries(topics)) {
    const byLevel = new Map<string, Case[]>();
    for (const c of cases) {
      const level = c.level.toLowerCase();
      byLevel.set(level, [...(byLevel.get(level) ?? []), c]);
    }
    for (const [level, list] of byLevel)
      files.set(`${level}/${topic}.json`, `${JSON.stringify(list, null, 2)}\n`);
  }
  return files;
}
