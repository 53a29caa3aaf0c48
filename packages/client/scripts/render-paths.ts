// Renders the TypeScript path types for spec/v1/openapi.yaml. Shared by the generator and the drift
// test, so "what the checked-in file should contain" has one definition.
import { fileURLToPath, pathToFileURL } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';

export const specPath = fileURLToPath(new URL('../../../spec/v1/openapi.yaml', import.meta.url));
export const generatedPath = fileURLToPath(new URL('../src/generated/paths.generated.ts', import.meta.url));

const header = `// Generated from spec/v1/openapi.yaml by openapi-typescript; do not edit.
// Regenerate with: pnpm --filter @reuse-pref/client generate
`;

export async function renderPaths(): Promise<string> {
  const ast = await openapiTS(pathToFileURL(specPath), { alphabetize: false, exportType: false });
  return `${header}\n${astToString(ast)}`;
}
