import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadVectors } from '../vectors/load.js';
import { fieldRuleCoverage, renderFieldRuleTable } from './field-rule.js';
import { httpMatrix, renderHttpMatrix } from './http-matrix.js';

const GENERATED = '(generated: pnpm --filter @reuse-pref/conformance generate)';

function replaceBlock(text: string, name: string, body: string, path: string): string {
  const begin = `<!-- ${name}:begin ${GENERATED} -->`;
  const end = `<!-- ${name}:end -->`;
  const start = text.indexOf(begin);
  const stop = text.indexOf(end);
  if (start < 0 || stop < 0) throw new Error(`${path}: the ${name} markers are missing`);
  return `${text.slice(0, start)}${begin}\n\n${body}\n${end}${text.slice(stop + end.length)}`;
}

/** conformance/README.md with its generated tables rendered from the vectors, scenarios and OpenAPI. */
export function readmeWithGeneratedTables(root: string): { path: string; text: string } {
  const path = join(root, 'conformance/README.md');
  let text = readFileSync(path, 'utf8');
  text = replaceBlock(text, 'field-rule', renderFieldRuleTable(fieldRuleCoverage(loadVectors(root))), path);
  text = replaceBlock(text, 'http-matrix', renderHttpMatrix(httpMatrix(root)), path);
  return { path, text };
}
