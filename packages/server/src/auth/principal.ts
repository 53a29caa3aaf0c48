/** Who is calling, after the bearer token was verified: the roles it may act in and the schools it may touch. */
export interface Principal {
  /** The token's `client_id` (or `azp`, or `sub`): logged as the client, never personal data. */
  clientId: string;
  scopes: ReadonlySet<string>;
  /** Every school, for a national receiver or distributor; otherwise the listed URNs only. */
  schools: '*' | ReadonlySet<string>;
}

export function mayTouchSchool(principal: Principal, urn: string): boolean {
  return principal.schools === '*' || principal.schools.has(urn);
}

/**
 * Whose records a stored result is: the client and the schools its token covers. An Idempotency-Key's
 * stored response and a committed batch's result are kept under this, so a token of the same client
 * for other schools neither replays nor reads them (they name statements of the schools it covered).
 */
export function principalKey(principal: Principal): string {
  const schools = principal.schools === '*' ? '*' : [...principal.schools].sort().join(',');
  return `${principal.clientId} school:${schools}`;
}
