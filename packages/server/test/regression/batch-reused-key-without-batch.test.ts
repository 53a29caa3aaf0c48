// Issue 12: POST /intake/batches re-using an Idempotency-Key with another body answered a 422 without
// `batch`, while the contract's 422 for submitBatch was BatchProblem, which requires it. The server was
// right (nothing of the request was read, so there are no record outcomes to report); the contract now
// declares the 422 as a BatchProblem or a plain problem, and this holds the answer to it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validatorFor } from '../../../client/test/support/schemas.js';
import { STORE_KINDS, startTestServer, type TestServer } from '../helpers/server.js';
import { ndjson, SCHOOL_A, statement } from '../helpers/statements.js';

const scope = `receiver:write receiver:read school:${SCHOOL_A.urn}`;
const problemDetails = validatorFor('./schemas/problem-details.schema.json');
const batchProblem = validatorFor('./schemas/batch-problem.schema.json');

describe.each(STORE_KINDS)('a reused Idempotency-Key on submitBatch, on the %s store', (store) => {
  let receiver: TestServer;
  beforeAll(async () => {
    receiver = await startTestServer('receiver', { store });
  }, 60_000);
  afterAll(() => receiver.close());

  const send = (body: string, key: string) =>
    receiver.call('/intake/batches', {
      method: 'POST',
      scope,
      headers: { 'content-type': 'application/x-ndjson', 'idempotency-key': key },
      body,
    });

  it('is a 422 problem the contract declares, and stores nothing of the second body', async () => {
    expect((await send(ndjson([statement()]), 'batch-key')).status).toBe(201);
    const other = statement();
    const res = await send(ndjson([other]), 'batch-key');
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    const body = await res.json();
    expect(body.type).toBe('https://reuse-pref.org/problems/idempotency-key-reused');
    // One of the contract's two shapes for this 422, and the plain one: nothing was read.
    expect(problemDetails(body), JSON.stringify(problemDetails.errors)).toBe(true);
    expect(batchProblem(body)).toBe(false);
    expect(await receiver.store.statements.get(other.id)).toBeUndefined();
  });

  it('a rejected batch is still the BatchProblem shape', async () => {
    const res = await send(ndjson([statement({ subject: { upn: 'A801200005001' } })]), 'bad-batch');
    expect(res.status).toBe(422);
    const body = await res.json();
    expect(body.type).toBe('https://reuse-pref.org/problems/batch-rejected');
    expect(batchProblem(body), JSON.stringify(batchProblem.errors)).toBe(true);
  });
});
