import type { RegisterEntry } from '@reuse-pref/schema';

/** "1A 2B": identifiability tier then sensitivity tier, as DfE's share records write them. */
export function dataTiersText(tiers: RegisterEntry['dataTiers']): string {
  return tiers.map((t) => `${t.identifiability}${t.sensitivity}`).join(' ');
}
