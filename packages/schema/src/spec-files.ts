import { Catalogues } from './catalogue/index.js';
import { CodeLists } from './codelists/lists.js';
import { PublishedSchemas } from './published-schemas.js';
import { SPEC_VERSION } from './spec-version.js';

/**
 * Every generated file under spec/v1/, keyed by its path relative to spec/v1/. The generator writes
 * these and the drift test compares them, so both always agree on what "generated" means.
 */
export function renderSpecFiles(): Map<string, string> {
  const files = new Map<string, string>();
  const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
  for (const [name, schema] of Object.entries(PublishedSchemas)) {
    files.set(
      `schemas/${name}.schema.json`,
      json({ $schema: 'https://json-schema.org/draft/2020-12/schema', ...schema }),
    );
  }
  for (const list of CodeLists) {
    files.set(
      `codelists/${list.id}.json`,
      json({ id: list.id, title: list.title, specVersion: SPEC_VERSION, entries: list.entries }),
    );
  }
  for (const catalogue of Catalogues) {
    files.set(`catalogue/${catalogue.catalogueVersion}.json`, json(catalogue));
  }
  return files;
}
