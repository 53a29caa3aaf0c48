/**
 * The scopes a client of each role's API needs (see packages/server/src/auth/scopes.ts for the grammar):
 * what a vendor's CI token would hold to run that profile of the conformance suite.
 */
export const ROLE_SCOPES = {
  producer: ['producer:read', 'producer:write'],
  // A relay serves the producer surface again, plus the onward-share records of its own.
  relay: ['producer:read', 'producer:write', 'relay:read'],
  // An intake's stored statements are read back through the producer surface (`producer:read`).
  receiver: ['receiver:read', 'receiver:write', 'producer:read'],
  distributor: ['distributor:read', 'distributor:write'],
  subject: ['subject:read'],
} as const;

export type TokenRole = keyof typeof ROLE_SCOPES;
export const TOKEN_ROLES = Object.keys(ROLE_SCOPES) as TokenRole[];
