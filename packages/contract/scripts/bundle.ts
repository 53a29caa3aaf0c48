// Renders spec/v1/openapi.bundled.yaml: openapi.yaml with every schema file it refers to (and every file
// those refer to) embedded under components.schemas, so the document stands alone. A tool that resolves
// relative references against a schema's `$id` (as JSON Schema says it must) would otherwise fetch
// https://schemas.reuse-pref.org/v1/..., which serves nothing until the schemas are hosted.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse, stringify } from 'yaml';

type Node = Record<string, unknown>;

const SCHEMA_FILE = /^\.\/(?:schemas\/)?([a-z0-9-]+)\.schema\.json(#.*)?$/;

/** `signed-tree-head` → `SignedTreeHead`: the name openapi.yaml already gives the files it lists. */
const componentName = (stem: string) =>
  stem.replace(/(^|-)([a-z0-9])/g, (_, _dash: string, c: string) => c.toUpperCase());

export const bundledHeader = `# Generated from openapi.yaml and schemas/ by packages/contract/scripts/bundle.ts; do not edit.
# Regenerate with: pnpm --filter @reuse-pref/contract generate
#
# openapi.yaml with every schema it uses embedded under components.schemas and every $ref internal, for
# tools that cannot (or must not) reach the network. Each embedded schema is published under the URL in
# its $comment; there its $id says so, and its relative references resolve against that $id.
`;

/** The bundled document for the contract at `specPath` (spec/v1/openapi.yaml), as YAML text. */
export function renderBundle(specPath: string): string {
  const dir = dirname(specPath);
  const spec = parse(readFileSync(specPath, 'utf8')) as Node & { components: Node & { schemas: Node } };
  const listed = spec.components.schemas as Record<string, Node>;

  // Which component each schema file becomes: the name openapi.yaml gives it, else one made from its stem.
  const names = new Map<string, string>();
  for (const [name, schema] of Object.entries(listed)) {
    const file = typeof schema.$ref === 'string' ? SCHEMA_FILE.exec(schema.$ref) : null;
    if (!file) throw new Error(`components.schemas.${name} must be a single $ref to a schema file`);
    names.set(file[1]!, name);
  }

  const embedded = new Map<string, Node>();
  const pending = [...names.keys()];
  const refTo = (ref: string): string => {
    const file = SCHEMA_FILE.exec(ref);
    if (!file) throw new Error(`unexpected reference ${ref} in a schema file`);
    const stem = file[1]!;
    if (!names.has(stem)) {
      names.set(stem, componentName(stem));
      pending.push(stem);
    }
    return `#/components/schemas/${names.get(stem)}${file[2] ? file[2].slice(1) : ''}`;
  };
  while (pending.length > 0) {
    const stem = pending.shift()!;
    if (embedded.has(stem)) continue;
    const {
      $schema: _,
      $id,
      ...schema
    } = JSON.parse(readFileSync(join(dir, 'schemas', `${stem}.schema.json`), 'utf8')) as Node;
    embedded.set(stem, { $comment: `Published as ${String($id)}`, ...(rewriteRefs(schema, refTo) as Node) });
  }

  const schemas: Node = {};
  for (const [stem, name] of names) schemas[name] = embedded.get(stem);
  const bundled = { ...spec, components: { ...spec.components, schemas } };
  return `${bundledHeader}${stringify(bundled, { lineWidth: 0, aliasDuplicateObjects: false })}`;
}

/** A copy of `node` with each `$ref` to a schema file replaced by the reference `refTo` gives. */
function rewriteRefs(node: unknown, refTo: (ref: string) => string): unknown {
  if (Array.isArray(node)) return node.map((n) => rewriteRefs(n, refTo));
  if (node === null || typeof node !== 'object') return node;
  const out: Node = {};
  for (const [key, value] of Object.entries(node)) {
    out[key] = key === '$ref' && typeof value === 'string' ? refTo(value) : rewriteRefs(value, refTo);
  }
  return out;
}
