// Ajv over the published schemas, registered under their $id exactly as a consumer would load them.
import { readdirSync, readFileSync } from 'node:fs';
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { specDir } from './contract.js';

const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);
for (const file of readdirSync(`${specDir}schemas`)) {
  // `$schema` is dropped because subject-receipt embeds ledger-entry and signed-tree-head with their
  // $id but without `$schema`; Ajv treats the copies as two different schemas under one id otherwise.
  const { $schema: _, ...schema } = JSON.parse(readFileSync(`${specDir}schemas/${file}`, 'utf8'));
  ajv.addSchema(schema);
}

const base = 'https://schemas.reuse-pref.org/v1/';

/** A validator for a contract ref such as `./schemas/statement.schema.json`. */
export function validatorFor(ref: string): ValidateFunction {
  const id = `${base}${ref.slice(ref.lastIndexOf('/') + 1)}`;
  const validate = ajv.getSchema(id);
  if (!validate) throw new Error(`no schema ${id}`);
  return validate;
}
