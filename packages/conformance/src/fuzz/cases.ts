import fc from 'fast-check';
import type {
  ContractDocument,
  ContractOperation,
  ContractParameter,
  JsonSchema,
} from '../contract/document.js';
import {
  cataloguePurposes,
  cohortMember,
  isStatementPupil,
  type PupilKey,
  pupilKeyOf,
  pupilSegmentArbitrary,
  type School,
  validStatement,
} from './domain.js';
import type { Pools } from './pools.js';
import type { FuzzRequest, TokenChoice } from './request.js';
import { type SchemaArbitraries, schemaArbitraries } from './schema-arbitrary.js';
import { asText, sendableHeader, wireValid } from './wire.js';

/**
 * Requests for one operation as fast-check arbitraries, built from openapi.yaml and from what the server
 * has said so far (a snapshot of the pools taken when the arbitrary is made, so a failing case shrinks
 * and replays deterministically). A valid request keeps every schema and every rule the contract states;
 * an invalid one breaks exactly one, and says which.
 */

export interface CaseContext {
  contract: ContractDocument;
  pools: Pools;
  school: School;
  now: () => Date;
  /** A token for another school was given, so a request can be sent with it. */
  otherSchool: boolean;
  /** Limits from the capability statement, when the server published them. */
  limits?: { maxBatchBytes?: number };
  /** A value never sent before (Idempotency-Key): unique across runs against a long-lived server. */
  fresh: () => string;
}

/** How a request was made, for the oracle: what a valid one may be refused for, what an invalid one broke. */
export interface Planned {
  request: FuzzRequest;
  /**
   * Before sending: read the current state with this GET (an operation declaring an ETag on the same
   * path parameters) and send its ETag as If-Match, or If-None-Match: * when there is none yet. The
   * request is then based on the state as it is, and a 412 would be a finding.
   */
  readFirst?: FuzzRequest;
  /** Problem types the request cannot be refused with: the domain generator vouches for the body. */
  vouched: string[];
  /** For an invalid request: the rule it breaks. */
  mistake?: string;
}

const STATEMENT = 'statement.schema.json';
const SETTINGS = 'school-settings.schema.json';
const EVALUATION = 'distribution-evaluation.schema.json';
/** What a domain-made body cannot be refused for: it passes the reference validator and its bindings. */
const DOMAIN_VOUCHES = ['validation-failed', 'batch-rejected'];

/** A list's identity for its cursors: the operation and the path it was read at. */
export const listKey = (operationId: string, path: string) => `${operationId} ${path}`;

const encode = (segment: string) => encodeURIComponent(segment);
type Mode = 'read' | 'any' | 'create' | 'kept' | 'none';

/** Requests the contract says must be accepted (or refused only for the state of things or a stated rule). */
export function validRequests(ctx: CaseContext, operation: ContractOperation): fc.Arbitrary<Planned> {
  const arbs = arbitrariesFor(ctx, {});
  const pathParams = operation.parameters.filter((p) => p.in === 'path');
  const values = fc.tuple(
    ...pathParams.map((p) =>
      p.name === 'urn'
        ? fc.constant(ctx.school.urn)
        : p.name === 'pupil' && operation.requestBody
          ? statementPupil(ctx)
          : pathValue(ctx, arbs, p),
    ),
  );
  return values.chain((chosen) => {
    const named = new Map(pathParams.map((p, i) => [p.name, chosen[i]!]));
    let path = operation.path;
    for (const [name, value] of named) path = path.replace(`{${name}}`, encode(value));
    const pupil = named.has('pupil') ? pupilKeyOf(named.get('pupil')!) : undefined;
    return fc
      .record({
        query: queryArbitrary(ctx, arbs, operation, path),
        headers: headerArbitrary(ctx, arbs, operation),
        mode: preconditionMode(ctx, operation),
        body: bodyArbitrary(ctx, operation, pupil),
      })
      .map(({ query, headers, mode, body }): Planned => {
        const out: Record<string, string> = { ...headers };
        for (const p of operation.parameters.filter((x) => x.in === 'header')) {
          if (p.name.toLowerCase() === 'idempotency-key' && out[p.name] === '') out[p.name] = ctx.fresh();
        }
        const { readFirst, set } = applyMode(ctx, operation, mode, named);
        Object.assign(out, set);
        return {
          request: {
            operationId: operation.operationId,
            method: operation.method,
            path,
            query,
            headers: out,
            token: 'main',
            ...(body ? { body: body.body } : {}),
          },
          vouched: body?.vouched ? DOMAIN_VOUCHES : [],
          ...(readFirst ? { readFirst } : {}),
        };
      });
  });
}

/** The same requests with one rule of the contract broken each. */
export function invalidRequests(ctx: CaseContext, operation: ContractOperation): fc.Arbitrary<Planned> {
  const arbs = arbitrariesFor(ctx, {});
  return validRequests(ctx, operation).chain((planned) => {
    const mistakes = mistakesFor(ctx, arbs, operation, planned);
    if (mistakes.length === 0) return fc.constant({ ...planned, mistake: 'none applicable' });
    return fc.oneof(...mistakes);
  });
}

type Mistake = fc.Arbitrary<Planned>;

function mistakesFor(
  ctx: CaseContext,
  arbs: SchemaArbitraries,
  operation: ContractOperation,
  planned: Planned,
): Mistake[] {
  const out: Mistake[] = [];
  const broken = (mistake: string, change: (request: FuzzRequest) => void): Planned => {
    const request = structuredClone(planned.request);
    change(request);
    return { ...planned, request, vouched: [], mistake };
  };
  const params = operation.parameters;
  for (const p of params.filter((x) => x.in === 'path' && constrained(ctx, x.schema))) {
    const at = operation.path.split('/').indexOf(`{${p.name}}`);
    out.push(
      invalidText(ctx, arbs, p.schema)
        .filter((t) => t !== '' && t !== '.' && t !== '..')
        .map((bad) =>
          broken(`path parameter ${p.name} breaks its schema (${JSON.stringify(bad)})`, (r) => {
            const segments = r.path.split('/');
            segments[at] = encode(bad);
            r.path = segments.join('/');
          }),
        ),
    );
  }
  for (const p of params.filter((x) => x.in === 'query' && constrained(ctx, x.schema))) {
    out.push(
      invalidText(ctx, arbs, p.schema).map((bad) =>
        broken(`query parameter ${p.name} breaks its schema (${JSON.stringify(bad)})`, (r) => {
          r.query = [...r.query.filter(([k]) => k !== p.name), [p.name, bad]];
        }),
      ),
    );
  }
  for (const p of params.filter((x) => x.in === 'header')) {
    if (p.required) {
      out.push(fc.constant(broken(`required header ${p.name} missing`, (r) => delete r.headers[p.name])));
    }
    if (constrained(ctx, p.schema)) {
      out.push(
        invalidText(ctx, arbs, p.schema)
          .filter(sendableHeader)
          .map((bad) =>
            broken(`header ${p.name} breaks its schema (${JSON.stringify(bad)})`, (r) => {
              r.headers[p.name] = bad;
            }),
          ),
      );
    }
  }
  if (operation.scopes.length > 0) {
    out.push(
      fc.constantFrom<TokenChoice>('none', 'forged').map((token) =>
        broken(`no valid access token (${token})`, (r) => {
          r.token = token;
        }),
      ),
    );
    if (ctx.otherSchool && params.some((p) => p.in === 'path' && p.name === 'urn')) {
      out.push(
        fc.constant(
          broken("a token for another school (the path's school is not in its scopes)", (r) => {
            r.token = 'other';
          }),
        ),
      );
    }
  }
  const body = planned.request.body;
  const media = body && operation.requestBody?.content.get(body.mediaType);
  if (!body || !media) return out;
  const json = /json/.test(body.mediaType);
  const setBody = (mistake: string, text: string, mediaType = body.mediaType) =>
    broken(mistake, (r) => {
      r.body = { mediaType, text };
    });
  if (media.itemSchema) {
    const lines = body.text.trimEnd().split('\n');
    out.push(
      fc
        .tuple(arbs.invalid(media.itemSchema), fc.nat(lines.length))
        .map(([bad, at]) =>
          setBody(
            'a line of the body breaks the item schema',
            `${[...lines.slice(0, at), JSON.stringify(bad) ?? 'null', ...lines.slice(at)].join('\n')}\n`,
          ),
        ),
    );
  } else if (json) {
    out.push(
      arbs
        .invalid(media.schema)
        .map((bad) => setBody('the body breaks its schema', JSON.stringify(bad) ?? 'null')),
    );
  }
  if (json || media.itemSchema) {
    // Cut short: a proper prefix of a JSON text is never JSON (a `{` put inside a string would be).
    // For NDJSON the cut must land inside a line, or it is only a shorter batch.
    out.push(
      fc
        .integer({ min: 1, max: Math.max(1, body.text.trimEnd().length - 1) })
        .map((cut) => body.text.slice(0, cut))
        .filter((text) => text.split('\n').some((line) => line.trim() !== '' && !parses(line)))
        .map((text) => setBody('the body is not JSON (cut short)', text)),
    );
    const string = /"([^"\\]{1,40})"(?=\s*[,}\]])/;
    if (string.test(body.text)) {
      out.push(
        fc.constant(
          setBody(
            'U+0000 in a JSON string (nul-character)',
            body.text.replace(string, (_, s: string) => `"${s.slice(0, 1)}\\u0000${s.slice(1)}"`),
          ),
        ),
      );
    }
    if (body.text.startsWith('{')) {
      out.push(
        fc.constant(
          setBody(
            'a forbidden property name (forbidden-key)',
            `{"__proto__":{"polluted":true},${body.text.slice(1)}`,
          ),
        ),
      );
    }
    out.push(
      fc.constant(
        setBody('nesting deeper than any server allows (too-deep)', `${'['.repeat(5000)}${']'.repeat(5000)}`),
      ),
    );
  }
  out.push(
    fc
      .constantFrom('text/plain', 'application/xml', 'application/x-www-form-urlencoded')
      .map((type) => setBody(`a media type the operation does not take (${type})`, body.text, type)),
    fc.constant(setBody('a charset other than UTF-8', body.text, `${body.mediaType}; charset=iso-8859-1`)),
  );
  return out;
}

/**
 * The GET that reads the state a change to this operation's resource is based on: one whose 200 declares
 * an ETag and whose path takes the same parameters (the same path first). Found from openapi.yaml alone.
 */
export function etagSource(
  contract: ContractDocument,
  operation: ContractOperation,
): ContractOperation | undefined {
  const names = (o: ContractOperation) =>
    o.parameters
      .filter((p) => p.in === 'path')
      .map((p) => p.name)
      .sort()
      .join(',');
  const candidates = contract.operations.filter(
    (o) => o.method === 'GET' && o.responses.get('200')?.headers.has('etag') && names(o) === names(operation),
  );
  return candidates.find((o) => o.path === operation.path) ?? candidates[0];
}

const headerNamed = (operation: ContractOperation, name: string) =>
  operation.parameters.find((p) => p.in === 'header' && p.name.toLowerCase() === name);

/** How a change names the state it is based on, when the operation takes If-Match. */
function preconditionMode(ctx: CaseContext, operation: ContractOperation): fc.Arbitrary<Mode> {
  if (!headerNamed(operation, 'if-match')) return fc.constant('none');
  const readable = etagSource(ctx.contract, operation) !== undefined;
  return fc.oneof(...(readable ? [{ arbitrary: fc.constant<Mode>('read'), weight: 4 }] : []), {
    arbitrary: fc.constantFrom<Mode>('any', 'create', 'kept', 'none'),
    weight: 2,
  });
}

function applyMode(
  ctx: CaseContext,
  operation: ContractOperation,
  mode: Mode,
  named: ReadonlyMap<string, string>,
): { readFirst?: FuzzRequest; set: Record<string, string> } {
  const ifMatch = headerNamed(operation, 'if-match');
  const ifNoneMatch = headerNamed(operation, 'if-none-match');
  if (!ifMatch) return { set: {} };
  const source = etagSource(ctx.contract, operation);
  if (mode === 'read' && source) {
    let path = source.path;
    for (const [name, value] of named) path = path.replace(`{${name}}`, encode(value));
    return {
      readFirst: {
        operationId: source.operationId,
        method: 'GET',
        path,
        query: [],
        headers: {},
        token: 'main',
      },
      set: {},
    };
  }
  if (mode === 'any') return { set: { [ifMatch.name]: '*' } };
  if (mode === 'create' && ifNoneMatch) return { set: { [ifNoneMatch.name]: '*' } };
  const kept = ctx.pools.etags();
  if (mode === 'kept' && kept.length > 0) return { set: { [ifMatch.name]: kept[kept.length - 1]! } };
  return { set: {} };
}

function queryArbitrary(
  ctx: CaseContext,
  arbs: SchemaArbitraries,
  operation: ContractOperation,
  path: string,
): fc.Arbitrary<[string, string][]> {
  const parts = operation.parameters
    .filter((p) => p.in === 'query')
    .map((p): fc.Arbitrary<[string, string] | undefined> => {
      if (p.component === 'Cursor' || p.name === 'cursor') {
        // Opaque: only a cursor this list issued is a valid one.
        const issued = ctx.pools.cursors(listKey(operation.operationId, path));
        return issued.length === 0
          ? fc.constant(undefined)
          : fc.option(
              fc.constantFrom(...issued).map((c): [string, string] => [p.name, c]),
              { nil: undefined },
            );
      }
      const value = paramText(ctx, arbs, p.schema).map((t): [string, string] => [p.name, t]);
      return p.required ? value : fc.option(value, { nil: undefined });
    });
  return fc.tuple(...parts).map((all) => all.filter((x): x is [string, string] => x !== undefined));
}

function headerArbitrary(
  ctx: CaseContext,
  arbs: SchemaArbitraries,
  operation: ContractOperation,
): fc.Arbitrary<Record<string, string>> {
  const parts = operation.parameters
    .filter((p) => p.in === 'header')
    .map((p): fc.Arbitrary<[string, string] | undefined> => {
      const name = p.name.toLowerCase();
      // A fresh key is put in when the case is made ('' marks "send one").
      if (name === 'idempotency-key') {
        const key = fc.constant<[string, string]>([p.name, '']);
        return p.required ? key : fc.option(key, { nil: undefined });
      }
      // The precondition of a change is chosen by its mode.
      if (headerNamed(operation, 'if-match') && (name === 'if-match' || name === 'if-none-match')) {
        return fc.constant(undefined);
      }
      const kept = name === 'if-none-match' ? [...ctx.pools.etags()] : [];
      const value = fc
        .oneof(
          ...(kept.length > 0 ? [fc.constantFrom(...kept)] : []),
          paramText(ctx, arbs, p.schema).filter(sendableHeader),
        )
        .map((t): [string, string] => [p.name, t]);
      return p.required ? value : fc.option(value, { nil: undefined });
    });
  return fc.tuple(...parts).map((all) => Object.fromEntries(all.filter((x) => x !== undefined)));
}

function bodyArbitrary(
  ctx: CaseContext,
  operation: ContractOperation,
  pupil: PupilKey | undefined,
): fc.Arbitrary<{ body: NonNullable<FuzzRequest['body']>; vouched: boolean } | undefined> {
  if (!operation.requestBody) return fc.constant(undefined);
  const arbs = arbitrariesFor(ctx, pupil ? { pupil } : {});
  const choices = [...operation.requestBody.content].map(([mediaType, media]) => {
    if (media.itemSchema) {
      return fc.array(arbs.valid(media.itemSchema), { minLength: 1, maxLength: 3 }).map((lines) => ({
        body: { mediaType, text: `${lines.map((l) => JSON.stringify(l)).join('\n')}\n` },
        vouched: isDomain(media.itemSchema!),
      }));
    }
    return arbs.valid(media.schema).map((value) => ({
      body: { mediaType, text: /json/.test(mediaType) ? JSON.stringify(value) : asText(value) },
      vouched: /json/.test(mediaType) && isDomain(media.schema),
    }));
  });
  return fc.oneof(...choices);
}

function arbitrariesFor(ctx: CaseContext, bind: { pupil?: PupilKey }): SchemaArbitraries {
  const { schemas } = ctx.contract;
  const known = [...ctx.pools.named('upn')];
  const domain = new Map<string, fc.Arbitrary<unknown>>([
    [
      `${schemas.base}${STATEMENT}`,
      validStatement({
        school: ctx.school,
        now: ctx.now(),
        known,
        ...(bind.pupil ? { pupil: bind.pupil } : {}),
      }),
    ],
  ]);
  const base = schemaArbitraries(schemas, domain);
  domain.set(
    `${schemas.base}${SETTINGS}`,
    base
      .valid({ $ref: `${schemas.base}${SETTINGS}` })
      .map((s) => ({ ...(s as object), urn: ctx.school.urn, laEstab: ctx.school.laEstab })),
  );
  domain.set(
    `${schemas.base}${EVALUATION}`,
    fc.record({
      request: fc
        .tuple(base.valid({ $ref: `${schemas.base}distribution-request.schema.json` }), cataloguePurposes)
        .map(([request, purposes]) => ({ ...(request as object), purposes })),
      cohort: fc.uniqueArray(cohortMember(known), {
        minLength: 1,
        maxLength: 5,
        selector: (m) => JSON.stringify(m),
      }),
    }),
  );
  return schemaArbitraries(schemas, domain);
}

/** Whether a body schema is one a domain generator makes (the generator then vouches for it). */
function isDomain(schema: JsonSchema): boolean {
  const ref = typeof schema === 'object' ? schema.$ref : undefined;
  return typeof ref === 'string' && [STATEMENT, SETTINGS, EVALUATION].some((f) => ref.endsWith(f));
}

/** The pupil a statement body is bound to: one the server has seen (often), or a new valid key. */
function statementPupil(ctx: CaseContext): fc.Arbitrary<string> {
  const kept = ctx.pools.all('upn').filter(isStatementPupil).slice(-20);
  return kept.length === 0
    ? pupilSegmentArbitrary
    : fc.oneof(
        { arbitrary: fc.constantFrom(...kept), weight: 3 },
        { arbitrary: pupilSegmentArbitrary, weight: 1 },
      );
}

/** A path parameter's value: one the server gave (any kept value its schema accepts), or a new one. */
function pathValue(ctx: CaseContext, arbs: SchemaArbitraries, p: ContractParameter): fc.Arbitrary<string> {
  const kept = ctx.pools
    .all(p.name)
    .filter((v) => wireValid(ctx.contract.schemas, p.schema, v))
    .slice(0, 40);
  const made = paramText(ctx, arbs, p.schema).filter((t) => t !== '' && t !== '.' && t !== '..');
  return kept.length === 0
    ? made
    : fc.oneof({ arbitrary: fc.constantFrom(...kept), weight: 3 }, { arbitrary: made, weight: 1 });
}

/** Text a parameter's schema accepts. */
function paramText(ctx: CaseContext, arbs: SchemaArbitraries, schema: JsonSchema): fc.Arbitrary<string> {
  return arbs
    .valid(schema)
    .map(asText)
    .filter((t) => wireValid(ctx.contract.schemas, schema, t));
}

/** Text a parameter's schema refuses: a wrong value from the schema, or a few classic mistakes. */
function invalidText(ctx: CaseContext, arbs: SchemaArbitraries, schema: JsonSchema): fc.Arbitrary<string> {
  return fc
    .oneof(
      arbs.invalid(schema).map(asText),
      fc.constantFrom(
        '0.5',
        '1',
        '-1',
        '0',
        '',
        ' ',
        'null',
        'true',
        '2026-11-01',
        'x'.repeat(300),
        '%',
        'é',
      ),
      fc.string({ maxLength: 12 }),
    )
    .filter((t) => !wireValid(ctx.contract.schemas, schema, t));
}

/** Whether any text breaks the schema (a plain string parameter cannot be sent wrong). */
function constrained(ctx: CaseContext, schema: JsonSchema): boolean {
  const candidates = ['0.5', '', 'x'.repeat(600), '-1', 'true', '%', 'a b', '"x"', 'é'];
  return candidates.some((t) => !wireValid(ctx.contract.schemas, schema, t));
}

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
