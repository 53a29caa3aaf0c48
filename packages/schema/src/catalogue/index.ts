import type { PurposeCatalogue } from '../model/catalogue.js';
import { CatalogueV1 } from './v1.js';

export { CatalogueV1, type PurposeCodeV1 } from './v1.js';

/** Every published catalogue version, oldest first. */
export const Catalogues: readonly PurposeCatalogue[] = [CatalogueV1];

export const LatestCatalogue: PurposeCatalogue = CatalogueV1;

export function findCatalogue(version: string): PurposeCatalogue | undefined {
  return Catalogues.find((c) => c.catalogueVersion === version);
}
