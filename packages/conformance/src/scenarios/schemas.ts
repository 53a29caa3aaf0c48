import type { PublishedSchemas } from '../contract/published-schemas.js';
import { loadPublishedSchemas } from '../contract/published-schemas.js';

export type SchemaCheck = (name: string, body: unknown) => string | undefined;

/** Validates response bodies against the published schemas (spec/v1/schemas), by name. */
export function loadSchemaCheck(
  root: string,
  schemas: PublishedSchemas = loadPublishedSchemas(root),
): SchemaCheck {
  return (name, body) => {
    const id = `${schemas.base}${name}.schema.json`;
    if (!schemas.byId(id)) return `unknown schema ${name}`;
    const errors = schemas.validator({ $ref: id })(body);
    return errors.length === 0
      ? undefined
      : `body does not match ${name}: ${errors.map((e) => `${e.pointer || '/'} ${e.message}`).join(', ')}`;
  };
}
