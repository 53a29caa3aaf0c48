import { HttpResponse, http } from 'msw';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type components, ReusePrefProblemError } from '../src/index.js';
import { example } from './support/contract.js';
import { baseUrl, ETAG, makeClient, problem, resetContractServer, server } from './support/server.js';

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => resetContractServer());
afterAll(() => server.close());

const settingsUrl = `${baseUrl}/schools/100000/settings`;

async function failure(run: () => Promise<unknown>): Promise<ReusePrefProblemError> {
  const error = await run().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ReusePrefProblemError);
  return error as ReusePrefProblemError;
}

describe('problem responses become ReusePrefProblemError, and are not retried', () => {
  it.each([
    { status: 400, example: 'ProblemBadRequest', kind: 'bad-request', ruleIds: [] },
    { status: 403, example: 'ProblemForbidden', kind: 'school-not-in-scope', ruleIds: [] },
    { status: 404, example: 'ProblemNotFound', kind: 'not-found', ruleIds: [] },
    {
      status: 409,
      example: 'ProblemConflict',
      kind: 'statement-id-conflict',
      ruleIds: ['statement-id-conflict'],
    },
    { status: 412, example: 'ProblemPreconditionFailed', kind: 'precondition-failed', ruleIds: [] },
    {
      status: 422,
      example: 'ProblemValidation',
      kind: 'validation-failed',
      ruleIds: ['upn-check-letter', 'value-not-allowed-for-kind'],
    },
    { status: 422, example: 'ProblemIdempotencyKeyReused', kind: 'idempotency-key-reused', ruleIds: [] },
    { status: 428, example: 'ProblemPreconditionRequired', kind: 'precondition-required', ruleIds: [] },
  ])('$status $kind', async (given) => {
    let calls = 0;
    server.use(
      http.put(settingsUrl, () => {
        calls++;
        return problem(given.example, given.status);
      }),
    );
    const error = await failure(() =>
      makeClient().put('/schools/{urn}/settings', {
        path: { urn: '100000' },
        header: { 'If-Match': ETAG },
        body: example<components['schemas']['SchoolSettings']>('SchoolSettingsUpdate'),
      }),
    );
    expect({
      status: error.status,
      kind: error.kind,
      problemType: error.problemType,
      ruleIds: error.ruleIds,
      calls,
    }).toEqual({
      status: given.status,
      kind: given.kind,
      problemType: given.kind,
      ruleIds: given.ruleIds,
      calls: 1,
    });
    expect(error.problem).toEqual(example(given.example));
  });

  it('keeps a non-JSON gateway error readable', async () => {
    server.use(
      http.get(
        `${baseUrl}/health`,
        () => new HttpResponse('<h1>Bad gateway</h1>', { status: 418, statusText: 'Teapot' }),
      ),
    );
    const error = await failure(() => makeClient().get('/health', {}));
    expect(error.problemType).toBeUndefined();
    expect(error.problem).toEqual({
      type: 'about:blank',
      title: 'Teapot',
      status: 418,
      detail: '<h1>Bad gateway</h1>',
    });
  });

  it('a rejected batch carries every record outcome in the problem', async () => {
    server.use(http.post(`${baseUrl}/intake/batches`, () => problem('BatchRejected', 422)));
    const error = await failure(() =>
      makeClient().post('/intake/batches', {
        header: { 'Idempotency-Key': 'k' },
        body: example<string>('BatchBody'),
      }),
    );
    // The reference receiver names the rules in each record's findings, not in a top-level `errors`.
    expect(error.ruleIds).toEqual(['upn-check-letter', 'parent-for-competent-pupil']);
    expect(error.problem).toMatchObject({
      batch: { committed: false, counts: { rejected: 1, notStored: 1 } },
    });
  });
});
