import { type Static, Type } from '@sinclair/typebox';
import type { ProblemDetails } from '../documents.js';
import { CatalogueVersion, DateTime, localRef, SpecVersion } from '../model/common.js';
import { envelope, SCHEMA_BASE, schemaRef } from './ref.js';

export const Profile = Type.Union(
  [
    Type.Literal('producer'),
    Type.Literal('relay'),
    Type.Literal('receiver'),
    Type.Literal('distributor'),
    Type.Literal('subject-view'),
  ],
  { description: 'A conformance profile (one per role)' },
);

/** What a server that signs says about it: who it signs as, what it signs, where its public keys are. */
export const Signing = Type.Object(
  {
    supplier: Type.Optional(
      localRef('The supplier id it signs statements or hops as, as the trust list names it'),
    ),
    signs: Type.Array(
      Type.Union([Type.Literal('statements'), Type.Literal('hops'), Type.Literal('tree-heads')]),
      {
        minItems: 1,
        uniqueItems: true,
        description:
          "statements: the producer's JWS on each statement it records; hops: a relay's hop record on each statement it passes on; tree-heads: the distributor's signed tree heads",
      },
    ),
    jwksUri: Type.String({
      format: 'uri-reference',
      description: 'Where its public keys are (RFC 7517): /.well-known/jwks.json on this server',
    }),
  },
  { additionalProperties: false, description: 'This server signs (spec/v1/signatures.md 5)' },
);

/**
 * One public key of a signer's JWKS (RFC 7517, RFC 8037): never a private member (`d` and the rest are
 * refused by additionalProperties), and the validity members spec/v1/signatures.md 5.3 adds.
 */
export const PublicJwk = Type.Object(
  {
    kty: Type.Union([Type.Literal('OKP'), Type.Literal('EC')]),
    crv: Type.Union([Type.Literal('Ed25519'), Type.Literal('P-256')]),
    x: Type.String({ pattern: '^[A-Za-z0-9_-]+$' }),
    y: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9_-]+$' })),
    kid: Type.String({ minLength: 1, maxLength: 256 }),
    alg: Type.Optional(Type.Union([Type.Literal('EdDSA'), Type.Literal('ES256')])),
    use: Type.Optional(Type.Literal('sig')),
    validFrom: Type.Optional(DateTime),
    validUntil: Type.Optional(DateTime),
  },
  { additionalProperties: false },
);

export const Jwks = Type.Object(
  {
    keys: Type.Array(PublicJwk, {
      description: 'Every key whose signatures are still held: during rotation, the old and the new',
    }),
  },
  envelope('jwks', "A signer's public keys: /.well-known/jwks.json (RFC 7517)"),
);

export const CapabilityStatement = Type.Object(
  {
    specVersions: Type.Array(SpecVersion, { minItems: 1, uniqueItems: true }),
    profiles: Type.Array(Profile, { minItems: 1, uniqueItems: true }),
    catalogueVersions: Type.Array(CatalogueVersion, { minItems: 1, uniqueItems: true }),
    tokenEndpoint: Type.String({ format: 'uri', description: 'OAuth2 client-credentials token URL' }),
    competenceAge: Type.Integer({ minimum: 0, maximum: 25, description: 'Default competence age' }),
    limits: Type.Object(
      {
        maxBatchRecords: Type.Integer({ minimum: 1 }),
        maxBatchBytes: Type.Integer({ minimum: 1 }),
        maxPageSize: Type.Integer({ minimum: 1 }),
      },
      { additionalProperties: false },
    ),
    software: Type.Object(
      { name: Type.String({ minLength: 1 }), version: Type.String({ minLength: 1 }) },
      { additionalProperties: false },
    ),
    signing: Type.Optional(Signing),
    signaturePolicy: Type.Optional(
      Type.Union([Type.Literal('require-signature'), Type.Literal('verify'), Type.Literal('off')], {
        description: 'Receiver: what its intake does with statement signatures (spec/v1/signatures.md 8)',
      }),
    ),
  },
  envelope('capability-statement', 'What a server supports: /.well-known/reuse-preference'),
);

export const HealthStatus = Type.Union([Type.Literal('pass'), Type.Literal('warn'), Type.Literal('fail')]);

export const Health = Type.Object(
  {
    status: HealthStatus,
    version: Type.String({ minLength: 1 }),
    checkedAt: DateTime,
    checks: Type.Optional(
      Type.Array(
        Type.Object(
          { name: Type.String({ minLength: 1 }), status: HealthStatus, detail: Type.Optional(Type.String()) },
          { additionalProperties: false },
        ),
      ),
    ),
  },
  envelope('health', 'Service health (a failing check never includes personal data)'),
);

/** A failing health check (503): a problem whose `health` member is the report with the failing checks. */
export const HealthProblem = Type.Unsafe<ProblemDetails & { health: Health }>({
  $id: `${SCHEMA_BASE}health-problem.schema.json`,
  title: 'Problem details for a failing service, with its health report',
  allOf: [
    { $ref: './problem-details.schema.json' },
    {
      type: 'object',
      required: ['health'],
      properties: { health: schemaRef<Health>('health') },
    },
  ],
});

export type Profile = Static<typeof Profile>;
export type CapabilityStatement = Static<typeof CapabilityStatement>;
export type Signing = Static<typeof Signing>;
export type Jwks = Static<typeof Jwks>;
export type Health = Static<typeof Health>;
export type HealthProblem = Static<typeof HealthProblem>;
