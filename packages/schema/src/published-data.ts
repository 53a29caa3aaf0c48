// `@reuse-pref/schema/catalogue`: the purpose catalogue, the code lists and the spec version as plain
// data, with no TypeBox schema behind them. A browser page (the family's form, the subject view) imports
// this and stays small; the full entry point re-exports the same modules, so there is one source of each.
export { canonicalJson } from './canonical-json.js';
export {
  Catalogues,
  CatalogueV1,
  findCatalogue,
  LatestCatalogue,
  type PurposeCodeV1,
} from './catalogue/index.js';
export * from './codelists/define.js';
export * from './codelists/lists.js';
export type { Purpose, PurposeCatalogue } from './model/catalogue.js';
export { SPEC_VERSION } from './spec-version.js';
