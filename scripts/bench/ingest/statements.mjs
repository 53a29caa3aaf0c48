// The statements every ingest pass stores: the published example with a distinct id, pupil and local id
// per index, so the HTTP pass and the direct bulk insert store exactly the same records.
import { readFileSync } from 'node:fs';
import { upnOf } from '../release/population.mjs';

const example = JSON.parse(
  readFileSync(new URL('../../../spec/v1/examples/statement.json', import.meta.url), 'utf8'),
);

export function statementOf(index) {
  const hex = index.toString(16).padStart(12, '0');
  return {
    ...example,
    id: `00000000-0000-4000-8000-${hex}`,
    subject: { upn: upnOf(index), localId: `ADM-${index}`, dateOfBirth: example.subject.dateOfBirth },
  };
}

/** Statements [from, to) as an array. */
export function statementsBetween(from, to) {
  const out = new Array(to - from);
  for (let i = from; i < to; i++) out[i - from] = statementOf(i);
  return out;
}
