import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Statement } from '@reuse-pref/schema';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

export const repoRoot = join(import.meta.dirname, '../../..');

/** The published schema, as a vendor in another language would check against it. */
export const statementSchema = JSON.parse(
  readFileSync(join(repoRoot, 'spec/v1/schemas/statement.schema.json'), 'utf8'),
) as Record<string, unknown>;

const ajv = addFormats(new Ajv2020({ allErrors: true, strict: false }));
export const isSchemaValid = ajv.compile<Statement>(statementSchema);
