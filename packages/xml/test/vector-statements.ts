import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Statement } from '@reuse-pref/schema';
import { isSchemaValid, repoRoot } from './statement-check.js';

const vectorRoot = join(repoRoot, 'conformance/vectors/v1');

function jsonFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? jsonFiles(join(dir, e.name)) : e.name.endsWith('.json') ? [join(dir, e.name)] : [],
  );
}

type Case = {
  id: string;
  tests?: { id: string; data?: unknown; expect?: { valid?: boolean } }[];
  input?: { statements?: unknown[] };
};

/**
 * Every statement the JSON vectors hold that a conforming system must accept: validation tests expected
 * valid, and every schema-valid statement in a resolver history. Read at test time, because the vector
 * files grow while this package exists.
 */
export function validVectorStatements(): { name: string; statement: Statement }[] {
  const out: { name: string; statement: Statement }[] = [];
  for (const kind of ['validation', 'resolver']) {
    for (const file of jsonFiles(join(vectorRoot, kind))) {
      const cases = JSON.parse(readFileSync(file, 'utf8')) as Case[];
      const where = relative(vectorRoot, file);
      for (const c of cases) {
        for (const t of c.tests ?? []) {
          if (t.expect?.valid !== true) continue;
          // History-level tests validate an array of statements; each one must travel.
          const many = Array.isArray(t.data);
          (many ? (t.data as unknown[]) : [t.data]).forEach((s, i) => {
            if (isSchemaValid(s))
              out.push({ name: `${where} ${c.id}/${t.id}${many ? ` #${i}` : ''}`, statement: s });
          });
        }
        (c.input?.statements ?? []).forEach((s, i) => {
          // Resolver histories may hold deliberately broken statements; carriage only promises valid ones.
          if (isSchemaValid(s)) out.push({ name: `${where} ${c.id} statement ${i}`, statement: s });
        });
      }
    }
  }
  return out;
}
