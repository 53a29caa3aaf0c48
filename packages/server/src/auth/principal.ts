/** Who is calling, after the bearer token was verified: the roles it may act in and the schools it may touch. */
export interface Principal {
  /** The token's `sub` (or `client_id`): logged as the client, never personal data. */
  clientId: string;
  scopes: ReadonlySet<string>;
  /** Every school, for a national receiver or distributor; otherwise the listed URNs only. */
  schools: '*' | ReadonlySet<string>;
}

export function mayTouchSchool(principal: Principal, urn: string): boolean {
  return principal.schools === '*' || principal.schools.has(urn);
}
