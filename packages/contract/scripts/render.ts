// Renders the TypeScript that spec/v1/openapi.yaml defines, and the bundled document beside it. Shared by the generator and the drift test,
// so "what the checked-in files should contain" has one definition.
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { parse } from 'yaml';
import { renderBundle } from './bundle.js';

export const specPath = fileURLToPath(new URL('../../../spec/v1/openapi.yaml', import.meta.url));
const generated = (name: string) => fileURLToPath(new URL(`../src/generated/${name}`, import.meta.url));
export const bundledPath = fileURLToPath(new URL('../../../spec/v1/openapi.bundled.yaml', import.meta.url));

const header = (tool: string) => `// Generated from spec/v1/openapi.yaml by ${tool}; do not edit.
// Regenerate with: pnpm --filter @reuse-pref/contract generate
`;

/** openapi-typescript's `paths`, `operations` and `components` for the whole document. */
async function renderOpenApiTypes(): Promise<string> {
  // No transform: what openapi-typescript makes of the document unaided is what any integrator gets.
  const ast = await openapiTS(pathToFileURL(specPath), { alphabetize: false, exportType: false });
  return `${header('openapi-typescript')}\n${astToString(ast)}`;
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

interface Operation {
  operationId?: string;
  security?: Record<string, string[]>[];
}

/**
 * Where each operation lives and which scopes admit it, as data: what openapi-typescript does not emit
 * (it keys operations by id but keeps no link back to their path, and drops `security`).
 */
function renderOperationIndex(): string {
  const spec = parse(readFileSync(specPath, 'utf8')) as {
    security?: Record<string, string[]>[];
    paths: Record<string, Partial<Record<(typeof METHODS)[number], Operation>>>;
  };
  const lines: string[] = [];
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation?.operationId) continue;
      // Each security requirement names scopes a token must all hold; ours have one scope each, so the
      // list reads "any one of these". Empty: a public operation.
      const requirements = operation.security ?? spec.security ?? [];
      const scopes = requirements.flatMap((requirement) => {
        const named = Object.values(requirement).flat();
        if (named.length > 1) throw new Error(`${operation.operationId}: a requirement with several scopes`);
        return named;
      });
      const list = scopes.map((s) => `'${s}'`).join(', ');
      lines.push(`  ${operation.operationId}: { method: '${method}', path: '${path}', scopes: [${list}] },`);
    }
  }
  return `${header('packages/contract/scripts/render.ts')}
/**
 * Every operation of the contract by operationId: its method, its path template, and the role scopes
 * that admit it (a token needs any one of them; none means public).
 */
export const operationIndex = {
${lines.join('\n')}
} as const;
`;
}

/** Every generated file of this package: absolute path → content. */
export async function renderContract(): Promise<Map<string, string>> {
  return new Map([
    [generated('openapi.generated.ts'), await renderOpenApiTypes()],
    [generated('operation-index.generated.ts'), renderOperationIndex()],
    [bundledPath, renderBundle(specPath)],
  ]);
}
