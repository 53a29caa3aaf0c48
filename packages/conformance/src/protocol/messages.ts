import { type Static, type TSchema, Type } from '@sinclair/typebox';

/**
 * The harness protocol (conformance/protocol/README.md): one JSON object per line on the harness's
 * stdin (requests) and stdout (responses). Every message is defined here, once: the TypeScript types are
 * derived from these schemas, conformance/protocol/harness-protocol.schema.json (what a vendor writing a
 * harness in another language reads) is generated from them, and the runner checks every reply against
 * them. The model is Bowtie's `schemas/io/`: a request per command, each with the responses it allows.
 */
export const PROTOCOL_VERSION = 1;

/** A reference to another message in the same document, typed as that message. */
const ref = <T extends TSchema>(name: string, _schema: T) =>
  Type.Unsafe<Static<T>>({ $ref: `#/$defs/${name}` });

const closed = { additionalProperties: false } as const;

export const Capability = Type.Union(
  [Type.Literal('validate'), Type.Literal('validate-history'), Type.Literal('resolve')],
  { description: 'A kind of run request a harness answers' },
);
export type Capability = Static<typeof Capability>;
export const Capabilities: readonly Capability[] = ['validate', 'validate-history', 'resolve'];

const Seq = Type.Integer({ minimum: 1, description: 'Numbers the run requests; the answer echoes it' });
const ReplySeq = Type.Integer({ description: "The request's seq, unchanged" });

// --- start ---------------------------------------------------------------------------------------

export const StartRequest = Type.Object(
  { cmd: Type.Literal('start'), version: Type.Literal(PROTOCOL_VERSION) },
  { ...closed, description: 'Sent once, first. The harness answers with a start response.' },
);
export type StartRequest = Static<typeof StartRequest>;

export const Implementation = Type.Object(
  {
    name: Type.String({ minLength: 1 }),
    version: Type.String({ minLength: 1 }),
    language: Type.Optional(Type.String()),
    homepage: Type.Optional(Type.String()),
  },
  { ...closed, description: 'Who the harness speaks for, for the report' },
);

export const StartResponse = Type.Object(
  {
    version: Type.Literal(PROTOCOL_VERSION, {
      description: 'The protocol version the harness speaks: must equal the runner\u2019s',
    }),
    implementation: ref('implementation', Implementation),
    capabilities: Type.Array(ref('capability', Capability), {
      uniqueItems: true,
      description:
        'Kinds the harness answers. Tests of other kinds are reported unsupported, which fails a MUST test unless skip-listed',
    }),
  },
  { ...closed, description: 'The answer to start' },
);
export type StartResponse = Static<typeof StartResponse>;

// --- run: what is asked ---------------------------------------------------------------------------

export const ValidateOptions = Type.Object(
  {
    now: Type.Optional(Type.String({ description: "The validator's clock, an RFC 3339 date-time" })),
    censusDate: Type.Optional(Type.String({ description: 'Census reference date, YYYY-MM-DD' })),
    competenceAge: Type.Optional(Type.Integer({ minimum: 0 })),
  },
  { ...closed, description: 'Validator parameters (validation.md 4); absent ones take their defaults' },
);

export const ValidateInput = Type.Object(
  {
    data: Type.Unknown({ description: 'The record to validate: any JSON value' }),
    options: Type.Optional(ref('validateOptions', ValidateOptions)),
  },
  closed,
);
export type ValidateInput = Static<typeof ValidateInput>;

export const ValidateHistoryInput = Type.Object(
  { data: Type.Unknown({ description: 'The statements held for one subject: any JSON value' }) },
  closed,
);
export type ValidateHistoryInput = Static<typeof ValidateHistoryInput>;

export const ResolveInput = Type.Object(
  {
    subject: Type.Optional(
      Type.Object(
        { dateOfBirth: Type.Optional(Type.String()) },
        { ...closed, description: 'resolver.md R4' },
      ),
    ),
    asOf: Type.String({ description: 'The evaluation time' }),
    competenceAge: Type.Optional(
      Type.Number({ description: 'Whole years; any other number is one the resolver must refuse' }),
    ),
    catalogueVersion: Type.Optional(Type.String({ description: 'Resolve against this catalogue version' })),
    statements: Type.Array(Type.Unknown(), {
      description: "The subject's statements, in the order this run gives them",
    }),
  },
  {
    ...closed,
    description: 'The inputs of resolver.md 1; times and dates may be ones the resolver must refuse',
  },
);
export type ResolveInput = Static<typeof ResolveInput>;

const runOf = <K extends Capability, I extends TSchema>(kind: K, name: string, input: I) =>
  Type.Object(
    {
      cmd: Type.Literal('run'),
      seq: Seq,
      id: Type.String({ description: 'The test id, for the harness\u2019s own logs' }),
      kind: Type.Literal(kind),
      input: ref(name, input),
    },
    closed,
  );

export const ValidateRun = runOf('validate', 'validateInput', ValidateInput);
export const ValidateHistoryRun = runOf('validate-history', 'validateHistoryInput', ValidateHistoryInput);
export const ResolveRun = runOf('resolve', 'resolveInput', ResolveInput);
export type RunRequest =
  | Static<typeof ValidateRun>
  | Static<typeof ValidateHistoryRun>
  | Static<typeof ResolveRun>;

export const StopRequest = Type.Object(
  { cmd: Type.Literal('stop') },
  { ...closed, description: 'No response: the harness exits with status 0' },
);
export type StopRequest = Static<typeof StopRequest>;

export type Request = StartRequest | RunRequest | StopRequest;

// --- run: what is answered ------------------------------------------------------------------------

export const FindingOut = Type.Object(
  {
    rule: Type.String({ minLength: 1, description: 'The rule id from validation.md 8' }),
    pointer: Type.String({ description: 'RFC 6901 JSON Pointer into data' }),
    severity: Type.Optional(Type.Union([Type.Literal('error'), Type.Literal('query')])),
    message: Type.Optional(Type.String()),
  },
  { description: 'One finding. Other members (a finding has more in some implementations) are ignored' },
);
export type FindingOut = Static<typeof FindingOut>;

export const ValidateResult = Type.Object(
  {
    valid: Type.Boolean(),
    errors: Type.Array(ref('finding', FindingOut)),
    queries: Type.Array(ref('finding', FindingOut)),
  },
  closed,
);
export type ValidateResult = Static<typeof ValidateResult>;

export const PreferenceOut = Type.Object(
  {
    purpose: Type.String({ pattern: '^[A-Z]{4}$' }),
    shared: Type.Boolean(),
    value: Type.Union([
      Type.Literal('OBJT'),
      Type.Literal('NOOB'),
      Type.Literal('CONS'),
      Type.Literal('DECL'),
      Type.Literal('REFU'),
      Type.Literal('NOBT'),
      Type.Null(),
    ]),
    decidedBy: Type.Union([Type.String(), Type.Null()]),
    default: Type.Boolean(),
    flags: Type.Optional(Type.Array(Type.String())),
  },
  {
    description:
      'One purpose of the effective preferences. Other members of an effective preference (kind, expressedAt, ...) are ignored',
  },
);
export type PreferenceOut = Static<typeof PreferenceOut>;

export const ResolveResult = Type.Object(
  {
    subject: Type.Optional(
      Type.Record(Type.String(), Type.Unknown(), {
        description:
          "The output subject (resolver.md 1): the caller's, else the last eligible statement's, with the date of birth R4 determined. A vector test that expects it fails when it is absent",
      }),
    ),
    preferences: Type.Array(ref('preference', PreferenceOut)),
  },
  { ...closed, description: 'One entry per catalogue purpose' },
);
export type ResolveResult = Static<typeof ResolveResult>;

/** The resolver refused its whole input (resolver.md 1): the pointer names a value it could not read. */
export const ResolveRefusal = Type.Object(
  {
    refused: Type.Object(
      {
        pointer: Type.String({ description: 'RFC 6901 JSON Pointer into the input, as sent in this run' }),
        message: Type.Optional(Type.String()),
      },
      closed,
    ),
  },
  { ...closed, description: 'The resolver refused the input (resolver.md 1)' },
);
export type ResolveRefusal = Static<typeof ResolveRefusal>;

export const Skipped = Type.Object(
  { seq: ReplySeq, skipped: Type.Object({ message: Type.String() }, closed) },
  { ...closed, description: 'The harness does not do this run; fails a MUST test unless skip-listed' },
);
export const Errored = Type.Object(
  {
    seq: ReplySeq,
    errored: Type.Object({ message: Type.String(), traceback: Type.Optional(Type.String()) }, closed),
  },
  { ...closed, description: 'The implementation threw: the test is reported errored' },
);

const answered = <R extends TSchema>(result: R, description: string) =>
  Type.Union(
    [Type.Object({ seq: ReplySeq, result }, closed), ref('skipped', Skipped), ref('errored', Errored)],
    { description },
  );

export const ValidateResponse = answered(
  ref('validateResult', ValidateResult),
  'The answer to a validate or validate-history run',
);
export const ResolveResponse = answered(
  Type.Union([ref('resolveResult', ResolveResult), ref('resolveRefusal', ResolveRefusal)]),
  'The answer to a resolve run',
);

export type RunResponse =
  | { seq: number; result: ValidateResult | ResolveResult | ResolveRefusal }
  | Static<typeof Skipped>
  | Static<typeof Errored>;

/** Every message, by the name it has in the generated document's `$defs`. */
export const ProtocolMessages = {
  capability: Capability,
  implementation: Implementation,
  start: StartRequest,
  startResponse: StartResponse,
  validateOptions: ValidateOptions,
  validateInput: ValidateInput,
  validateHistoryInput: ValidateHistoryInput,
  resolveInput: ResolveInput,
  validateRun: ValidateRun,
  validateHistoryRun: ValidateHistoryRun,
  resolveRun: ResolveRun,
  stop: StopRequest,
  finding: FindingOut,
  validateResult: ValidateResult,
  preference: PreferenceOut,
  resolveResult: ResolveResult,
  resolveRefusal: ResolveRefusal,
  skipped: Skipped,
  errored: Errored,
  validateResponse: ValidateResponse,
  resolveResponse: ResolveResponse,
} as const;

/** Which `$defs` entry a reply to each kind of run must match. */
export const ResponseTo = {
  validate: 'validateResponse',
  'validate-history': 'validateResponse',
  resolve: 'resolveResponse',
} as const satisfies Record<Capability, keyof typeof ProtocolMessages>;
