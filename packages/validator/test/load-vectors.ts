import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

export const vectorRoot = join(import.meta.dirname, '../../../conformance/vectors/v1/validation');
export const testSchemaPath = join(import.meta.dirname, '../../../conformance/test-schema.json');

export interface VectorTest {
  id: string;
  description: string;
  data: unknown;
  expect: {
    valid: boolean;
    errors: string[];
    queries: string[];
    findings?: { rule: string; pointer: string }[];
  };
}
export interface VectorCase {
  id: string;
  description: string;
  section: string;
  level: 'MUST' | 'SHOULD' | 'MAY';
  options?: { now?: string; censusDate?: string; competenceAge?: number };
  tests: VectorTest[];
}
export interface VectorFile {
  /** Path below the validation folder, e.g. "must/dates.json". */
  path: string;
  folder: string;
  /** Parsed with JSON.parse, so "__proto__" keys stay own properties as on the wire. */
  content: unknown;
}

export function loadVectorFiles(): VectorFile[] {
  const files: VectorFile[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.json')) {
        const path = relative(vectorRoot, full);
        files.push({ path, folder: path.split('/')[0]!, content: JSON.parse(readFileSync(full, 'utf8')) });
      }
    }
  };
  walk(vectorRoot);
  return files.sort((a, b) => a.path.localeCompare(b.path));
}

/** History cases (id "history-…") give an array of statements and run through validateHistory. */
export const isHistoryCase = (c: VectorCase) => c.id.startsWith('history-');
