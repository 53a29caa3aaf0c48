import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

// ajv-formats ships CJS; under ESM its default export may be wrapped.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ??
  addFormatsModule) as unknown as (ajv: Ajv2020) => void;

export type SchemaCheck = (name: string, body: unknown) => string | undefined;

/** Validates response bodies against the published schemas (spec/v1/schemas), by name. */
export function loadSchemaCheck(root: string): SchemaCheck {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  const dir = join(root, 'spec/v1/schemas');
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.schema.json'))) {
    ajv.addSchema(JSON.parse(readFileSync(join(dir, file), 'utf8')));
  }
  return (name, body) => {
    const validate = ajv.getSchema(`https://schemas.reuse-pref.org/v1/${name}.schema.json`);
    if (!validate) return `unknown schema ${name}`;
    return validate(body) ? undefined : `body does not match ${name}: ${ajv.errorsText(validate.errors)}`;
  };
}
