// Renders the TypeScript path types for spec/v1/openapi.yaml. Shared by the generator and the drift
// test, so "what the checked-in file should contain" has one definition.
import { fileURLToPath, pathToFileURL } from 'node:url';
import openapiTS, { astToString, type SchemaObject, transformSchemaObject } from 'openapi-typescript';

export const specPath = fileURLToPath(new URL('../../../spec/v1/openapi.yaml', import.meta.url));
export const generatedPath = fileURLToPath(new URL('../src/generated/paths.generated.ts', import.meta.url));

const header = `// Generated from spec/v1/openapi.yaml by openapi-typescript; do not edit.
// Regenerate with: pnpm --filter @reuse-pref/client generate
`;

/**
 * `anyOf: [{required: [upn]}, {required: [uln]}, ...]` beside `properties` means "at least one of these
 * keys". openapi-typescript renders each branch as `unknown`, which widens the whole object to `unknown`;
 * the object type with optional keys is the useful and honest TS reading (the schema still enforces it).
 */
function atLeastOneOf(schema: SchemaObject): boolean {
  return (
    Array.isArray(schema.anyOf) &&
    'properties' in schema &&
    schema.anyOf.every((branch) => Object.keys(branch).every((key) => key === 'required'))
  );
}

export async function renderPaths(): Promise<string> {
  const ast = await openapiTS(pathToFileURL(specPath), {
    alphabetize: false,
    exportType: false,
    transform(schema, options) {
      if (!atLeastOneOf(schema)) return undefined;
      const { anyOf: _, ...object } = schema;
      return transformSchemaObject(object as SchemaObject, options);
    },
  });
  return `${header}\n${astToString(ast)}`;
}
