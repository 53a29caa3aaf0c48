import { describe, expectTypeOf, it } from 'vitest';
import type {
  ApiResponse,
  components,
  ReusePrefClient,
  ReusePrefProblemError,
  Statement,
  UploadedRecord,
} from '../src/index.js';

type Schemas = components['schemas'];
declare const client: ReusePrefClient;
declare const statement: Statement;

describe('responses are typed from the generated paths', () => {
  it('GET bodies are the contract schemas', () => {
    expectTypeOf(client.get('/schools/{urn}/changes', { path: { urn: '1' } })).resolves.toEqualTypeOf<
      ApiResponse<Schemas['ChangeFeedPage']>
    >();
    expectTypeOf(client.get('/.well-known/reuse-preference', {})).resolves.toEqualTypeOf<
      ApiResponse<Schemas['CapabilityStatement']>
    >();
    expectTypeOf(
      client.get('/schools/{urn}/pupils/{pupil}/preferences', { path: { urn: '1', pupil: 'x' } }),
    ).resolves.toEqualTypeOf<ApiResponse<Schemas['PupilPreferences']>>();
  });

  it('a write with several success statuses is typed as any of their bodies', () => {
    expectTypeOf(
      client.post('/schools/{urn}/statements', { path: { urn: '1' }, body: statement }),
    ).resolves.toEqualTypeOf<ApiResponse<Schemas['StatementReceipt']>>();
    expectTypeOf(
      client.post('/intake/batches', { header: { 'Idempotency-Key': 'k' }, body: 'ndjson' }),
    ).resolves.toEqualTypeOf<ApiResponse<Schemas['BatchResult']>>();
  });

  it('page iterators yield the list item type', () => {
    expectTypeOf(client.items('/register', {})).toEqualTypeOf<
      AsyncGenerator<Schemas['RegisterPage']['items'][number], void, undefined>
    >();
    expectTypeOf<UploadedRecord['outcome']>().toEqualTypeOf<Schemas['BatchResult']['outcomes'][number]>();
    expectTypeOf<ReusePrefProblemError['problem']>().toEqualTypeOf<Schemas['ProblemDetails']>();
  });
});

describe('requests must keep the contract', () => {
  it('rejects unknown paths, wrong methods, missing parameters and wrong bodies', () => {
    // @ts-expect-error no such path
    client.get('/schools/{urn}/nothing', {});
    // @ts-expect-error the change feed has no POST
    client.post('/schools/{urn}/changes', { path: { urn: '1' } });
    // @ts-expect-error urn is a required path parameter
    client.get('/schools/{urn}/statements', {});
    // @ts-expect-error limit is an integer
    client.get('/schools/{urn}/statements', { path: { urn: '1' }, query: { limit: 'ten' } });
    // @ts-expect-error a statement body is required
    client.post('/schools/{urn}/statements', { path: { urn: '1' } });
    // @ts-expect-error the batch endpoint requires an Idempotency-Key
    client.post('/intake/batches', { body: 'ndjson' });
    client.put('/schools/{urn}/settings', {
      path: { urn: '1' },
      // @ts-expect-error on a change, If-None-Match is only `*` (create)
      header: { 'If-None-Match': '"3.1"' },
      body: {} as Schemas['SchoolSettings'],
    });
  });
});
