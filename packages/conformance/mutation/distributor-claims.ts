import type { ScenarioTarget } from '../src/scenarios/types.js';
import { REGISTER_FORMATS, type ReferenceServer } from '../test/reference-servers.js';

/**
 * The distributor's optional features the judge's reference distributor claims (decision 0044), as
 * `--register-formats csv,html --family-token <t> --family-pupil <upn>` would: it serves the register as
 * CSV and HTML, and its issuer gives a family token for FAMILY_PUPIL. Kept apart from the signing blocks.
 */
export const DISTRIBUTOR_FEATURES = ['registerCsv', 'registerHtml', 'familyToken'] as const;

export const DISTRIBUTOR_BLOCK = {
  name: 'register documents and family',
  claims: DISTRIBUTOR_FEATURES,
  target: { registerFormats: REGISTER_FORMATS } satisfies Partial<ScenarioTarget>,
  options: {},
};

/** The family token of the server the block started, when the block claims it. */
export function familyOf(
  server: ReferenceServer,
  claims: readonly string[] | undefined,
): Partial<ScenarioTarget> {
  return claims?.includes('familyToken') && server.family ? { family: server.family } : {};
}
