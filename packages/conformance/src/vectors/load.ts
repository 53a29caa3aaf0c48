import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Level } from '../report/result.js';

export interface VectorCase {
  id: string;
  description: string;
  comment?: string;
  section: string;
  level: Level;
  options?: { now?: string; censusDate?: string; competenceAge?: number };
  input?: {
    subject?: { dateOfBirth?: string };
    asOf: string;
    competenceAge?: number;
    catalogueVersion?: string;
    statements: unknown[];
    /** Signature cases (signatures.md): the verifier's trust anchor, signed trust list, JWKS and statement. */
    trustAnchor?: { keys: Record<string, unknown>[] };
    trustList?: string;
    jwks?: Record<string, { keys: Record<string, unknown>[] }>;
    statement?: unknown;
  };
  tests: VectorTest[];
}
export interface VectorTest {
  id: string;
  description?: string;
  data?: unknown;
  purpose?: string;
  expect: Record<string, unknown>;
}
export interface VectorFile {
  kind: 'validation' | 'resolver' | 'signature';
  /** Below conformance/vectors/v1, e.g. "resolver/must/order.json". */
  path: string;
  cases: VectorCase[];
}

function walk(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir, { withFileTypes: true }).map((e) => (e.isDirectory() ? `${e.name}/` : e.name));
  } catch {
    return [];
  }
  return names
    .sort()
    .flatMap((n) => (n.endsWith('/') ? walk(join(dir, n)) : n.endsWith('.json') ? [join(dir, n)] : []));
}

/** The semantic vectors (validation, resolver and signature), in a stable order. */
export function loadVectors(root: string): VectorFile[] {
  const base = join(root, 'conformance/vectors/v1');
  return (['validation', 'resolver', 'signature'] as const).flatMap((kind) =>
    walk(join(base, kind)).map((file) => ({
      kind,
      path: relative(base, file),
      // JSON.parse keeps "__proto__" keys as own properties, as they are on the wire.
      cases: JSON.parse(readFileSync(file, 'utf8')) as VectorCase[],
    })),
  );
}
