import type { PurposeCatalogue } from '@reuse-pref/schema';

type Kind = PurposeCatalogue['purposes'][number]['kind'];

/** One purpose as the validator needs it. */
export interface PurposeEntry {
  readonly kind: Kind;
  /** Values this purpose accepts; undefined for kind `none`, which takes no choice. */
  readonly allowed: ReadonlySet<string> | undefined;
  /**
   * The validate() call that last saw this purpose in a statement's choices. Finding a repeat this way
   * costs one compare per choice, with nothing allocated per statement. Safe because validate() is
   * synchronous and every call takes a fresh stamp.
   */
  seen: number;
}

/** Purposes by code for each catalogue version, built once per list of catalogues. */
export interface CatalogueIndex {
  readonly byVersion: ReadonlyMap<string, ReadonlyMap<string, PurposeEntry>>;
  /** The highest version: unknown versions are checked against it, leniently. */
  readonly latest: ReadonlyMap<string, PurposeEntry>;
}

const OBJECTION_VALUES: ReadonlySet<string> = new Set(['OBJT', 'NOOB', 'REFU', 'NOBT']);
const CONSENT_VALUES: ReadonlySet<string> = new Set(['CONS', 'DECL', 'REFU', 'NOBT']);

function allowedFor(kind: Kind): ReadonlySet<string> | undefined {
  if (kind === 'none') return undefined;
  return kind === 'consent' ? CONSENT_VALUES : OBJECTION_VALUES;
}

const cache = new WeakMap<readonly PurposeCatalogue[], CatalogueIndex>();

export function indexCatalogues(catalogues: readonly PurposeCatalogue[]): CatalogueIndex {
  const hit = cache.get(catalogues);
  if (hit) return hit;
  if (catalogues.length === 0) throw new RangeError('createValidator: catalogues must not be empty');
  const byVersion = new Map<string, ReadonlyMap<string, PurposeEntry>>();
  let latestVersion = catalogues[0]!.catalogueVersion;
  for (const c of catalogues) {
    const entries = new Map<string, PurposeEntry>();
    for (const p of c.purposes) entries.set(p.code, { kind: p.kind, allowed: allowedFor(p.kind), seen: 0 });
    byVersion.set(c.catalogueVersion, entries);
    if (Number(c.catalogueVersion) > Number(latestVersion)) latestVersion = c.catalogueVersion;
  }
  const index = { byVersion, latest: byVersion.get(latestVersion)! };
  cache.set(catalogues, index);
  return index;
}

let stamp = 0;

/** A fresh stamp for one validate() call. */
export function nextStamp(): number {
  stamp = stamp === Number.MAX_SAFE_INTEGER ? 1 : stamp + 1;
  return stamp;
}
