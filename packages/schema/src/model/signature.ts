import { type Static, Type } from '@sinclair/typebox';
import { DateTime, localRef } from './common.js';

/**
 * A detached JWS in compact form (RFC 7515 appendix F): the protected header and the signature with the
 * payload part left empty, because the payload is recomputed by the reader (the statement's RFC 8785
 * canonical JSON, or a hop's). The pattern only fixes the shape; spec/v1/signatures.md says how it is read.
 */
export const DetachedJws = Type.String({
  pattern: '^[A-Za-z0-9_-]{2,2048}\\.\\.[A-Za-z0-9_-]{2,1024}$',
  description: 'Detached compact JWS: base64url(protected header) ".." base64url(signature)',
});

export const Hop = Type.Object(
  {
    relay: localRef('Supplier id of the relay, as listed in the trust list'),
    relayedAt: DateTime,
    jws: DetachedJws,
  },
  {
    additionalProperties: false,
    description:
      "One relay's record that it passed the statement on: its JWS covers the previous signature, the relay id and the time",
  },
);

export const SignatureEnvelope = Type.Object(
  {
    jws: DetachedJws,
    hops: Type.Optional(Type.Array(Hop, { maxItems: 16 })),
  },
  {
    additionalProperties: false,
    description:
      "The producer's signature over the statement (all of it but this member) and each relay's hop record, oldest first",
  },
);

export type Hop = Static<typeof Hop>;
export type SignatureEnvelope = Static<typeof SignatureEnvelope>;

/** A supplier's signing key in its JWKS may say when it was brought in and when it was retired. */
export const KeyRevocation = Type.Object(
  {
    kid: Type.String({ minLength: 1, maxLength: 128 }),
    revokedAt: DateTime,
  },
  {
    additionalProperties: false,
    description: 'A key that must not be trusted for any signature, whatever its date',
  },
);

export const TrustListEntry = Type.Object(
  {
    supplier: localRef('Supplier id: recordedBy.supplierId for a producer, hop relay for a relay'),
    roles: Type.Array(Type.Union([Type.Literal('producer'), Type.Literal('relay')]), {
      minItems: 1,
      maxItems: 2,
      uniqueItems: true,
    }),
    jwksUri: Type.String({
      pattern: '^https://[^\\s]{1,2040}$',
      description: 'Where the supplier publishes its JWKS (normally https://<host>/.well-known/jwks.json)',
    }),
    validFrom: DateTime,
    validUntil: Type.Optional(DateTime),
    revokedKeys: Type.Optional(Type.Array(KeyRevocation, { maxItems: 256 })),
  },
  { additionalProperties: false },
);

export const TrustListProperties = {
  issuer: localRef('Who issued the list (DfE)'),
  issuedAt: DateTime,
  nextUpdate: DateTime,
  entries: Type.Array(TrustListEntry, { maxItems: 10_000 }),
};

export type KeyRevocation = Static<typeof KeyRevocation>;
export type TrustListEntry = Static<typeof TrustListEntry>;

/**
 * What a receiver found when it verified a statement's signature chain, recorded with the statement
 * (spec/v1/signatures.md 8.1). Kept beside the statement, never inside it: the statement's bytes, and so
 * its signatures, stay exactly as received.
 */
export const StatementVerification = Type.Object(
  {
    outcome: Type.Union([Type.Literal('verified'), Type.Literal('unsigned'), Type.Literal('broken')], {
      description:
        'verified: the producer signature and every hop verified end to end against the trust list; ' +
        'unsigned: the statement carries no signature; broken: it carries one that does not verify',
    }),
    rule: Type.Union([Type.String({ minLength: 1 }), Type.Null()], {
      description: 'broken: the first signature rule that failed (spec/v1/signatures.md 7); otherwise null',
    }),
    signerKid: Type.Union([Type.String({ minLength: 1 }), Type.Null()], {
      description: 'The kid in the producer JWS header, when it could be read; null when unsigned',
    }),
    hops: Type.Integer({ minimum: 0, description: 'Relay hop records the chain carries' }),
    verifiedAt: DateTime,
  },
  { additionalProperties: false, description: 'The outcome of verifying a statement signature chain' },
);
export type StatementVerification = Static<typeof StatementVerification>;

/**
 * How many statements behind a release were verified end to end (issue 15): the gate never reads it,
 * the ledger and register report it.
 */
export const ReleaseSignatures = Type.Object(
  {
    decidingStatements: Type.Integer({
      minimum: 0,
      description: "Statements that decided a subject's requested purposes, counted once per cohort member",
    }),
    verifiedEndToEnd: Type.Integer({
      minimum: 0,
      description: 'Of those, statements the receiver verified end to end when it stored them',
    }),
  },
  { additionalProperties: false },
);
export type ReleaseSignatures = Static<typeof ReleaseSignatures>;
