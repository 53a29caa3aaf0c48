import { type Static, Type } from '@sinclair/typebox';
import type { ProblemDetails } from '../documents.js';
import { CatalogueVersion, DateTime, SpecVersion } from '../model/common.js';
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
export type Health = Static<typeof Health>;
export type HealthProblem = Static<typeof HealthProblem>;
