// Compile-time proof that server operations keep openapi.yaml: each `@ts-expect-error` marks something
// the contract does not allow, and the file fails to type-check if that line ever compiles.
import type { OperationId, Schema } from '@reuse-pref/contract';
import { describe, expectTypeOf, it } from 'vitest';
import { problem } from '../src/http/problem.js';
import { empty, json, text } from '../src/http/respond.js';
import {
  type ContractContext,
  type ContractOperation,
  defineOperation,
  type OperationResponse,
} from '../src/operation.js';
import { operations } from '../src/operations.js';
import { acceptStatement } from '../src/statements/accept-statement.js';

declare const batchResult: Schema<'BatchResult'>;
declare const receipt: Schema<'StatementReceipt'>;
declare const statement: Schema<'Statement'>;

/** Type-checks one response against what the contract declares for `Id`. */
const respond =
  <Id extends OperationId>(_id: Id) =>
  (response: OperationResponse<Id>) =>
    response;

describe('a handler may return only what its operation declares', () => {
  it('accepts each declared status with its declared body', () => {
    respond('getBatch')(json(200, batchResult));
    respond('getBatch')(problem('not-found', { detail: 'No committed batch with this id.' }));
    respond('submitStatement')(json(201, receipt, { location: '/schools/100000/statements/x' }));
    respond('submitStatement')(json(200, receipt));
    respond('submitBatch')(problem('batch-rejected', { detail: '1 rejected', batch: batchResult }));
    respond('getStatement')(json(200, statement));
    respond('recordPupilStatement')(json(200, receipt));
    respond('submitBatch')(problem('idempotency-key-reused', { detail: 'another body' }));
    respond('listRegister')(text(200, 'text/csv', 'a,b'));
    respond('getPupilPreferences')(empty(304, { etag: '"x"' }));
  });

  it('refuses a status the operation does not declare', () => {
    // @ts-expect-error getBatch declares no 201
    respond('getBatch')(json(201, batchResult));
    // @ts-expect-error listStatements declares no 412, so no precondition-failed problem
    respond('listStatements')(problem('precondition-failed'));
    // @ts-expect-error submitIntakeStatement declares no 202
    respond('submitIntakeStatement')(json(202, receipt));
  });

  it('refuses a body of another shape, and another media type', () => {
    // @ts-expect-error getStatement answers a Statement, not a receipt
    respond('getStatement')(json(200, receipt));
    // @ts-expect-error getBatch's 200 is a BatchResult, not a problem's members
    respond('getBatch')(json(200, { type: 'x', title: 'y', status: 200 }));
    // @ts-expect-error listRegister's 200 is JSON, CSV or HTML, not XML
    respond('listRegister')(text(200, 'application/xml', '<register/>'));
    // @ts-expect-error getStatement declares no bodiless response (no 304)
    respond('getStatement')(empty(304));
  });
});

describe('an operation definition must match the contract', () => {
  const handle = async (): Promise<OperationResponse<'getStatement'>> => json(200, statement);

  it('is built from the right method and path', () => {
    const op = defineOperation('getStatement', {
      method: 'GET',
      path: '/schools/{urn}/statements/{statementId}',
      roles: ['producer'],
      schoolParam: 'urn',
      handle,
    });
    expectTypeOf(op).toEqualTypeOf<ContractOperation<'getStatement'>>();
    defineOperation('getStatement', {
      // @ts-expect-error getStatement is a GET
      method: 'POST',
      path: '/schools/{urn}/statements/{statementId}',
      roles: ['producer'],
      handle,
    });
    defineOperation('getStatement', {
      method: 'GET',
      // @ts-expect-error the path is /schools/{urn}/statements/{statementId}
      path: '/schools/{urn}/statement/{statementId}',
      roles: ['producer'],
      handle,
    });
    defineOperation('getStatement', {
      method: 'GET',
      path: '/schools/{urn}/statements/{statementId}',
      roles: ['producer'],
      // @ts-expect-error the school is a path parameter of the operation, and `school` is not one
      schoolParam: 'school',
      handle,
    });
    // @ts-expect-error no operation of the contract has this id
    defineOperation('deleteStatement', { method: 'DELETE', path: '/x', roles: [], handle });
  });

  it('reads only its own path and query parameters', () => {
    const listing = (context: ContractContext<'listStatements'>) => {
      expectTypeOf(context.params).toEqualTypeOf<{ urn: string }>();
      context.query.get('cursor');
      // @ts-expect-error listStatements has no pupil in its path
      context.params.pupil;
      // @ts-expect-error asOf is getPupilPreferences' query parameter, not listStatements'
      context.query.get('asOf');
      // @ts-expect-error the query string is read through `query`, typed by the contract
      context.request.query;
    };
    expectTypeOf(listing).parameter(0).toHaveProperty('query');
  });

  it('reads only the request media types the contract declares, and no body where none is declared', () => {
    const batch = async (): Promise<OperationResponse<'submitBatch'>> => json(201, batchResult);
    defineOperation('submitBatch', {
      method: 'POST',
      path: '/intake/batches',
      roles: ['receiver'],
      // @ts-expect-error submitBatch takes application/x-ndjson
      body: { types: ['application/json'], limit: 'maxBatchBytes' },
      handle: batch,
    });
    // @ts-expect-error submitBatch has a request body, so the operation must say how it reads it
    defineOperation('submitBatch', { method: 'POST', path: '/intake/batches', roles: [], handle: batch });
    defineOperation('getStatement', {
      method: 'GET',
      path: '/schools/{urn}/statements/{statementId}',
      roles: ['producer'],
      // @ts-expect-error getStatement takes no body
      body: { types: ['application/json'], limit: 'maxBodyBytes' },
      handle,
    });
  });
});

describe('a request body is read as the contract types it', () => {
  it('only an operation whose body is a statement can accept one', async () => {
    const intake = {} as ContractContext<'submitIntakeStatement'>;
    const accepted = await acceptStatement(intake);
    if (accepted.outcome === 'stored') expectTypeOf(accepted.statement).toEqualTypeOf<Schema<'Statement'>>();
    const settings = {} as ContractContext<'updateSchoolSettings'>;
    // @ts-expect-error updateSchoolSettings takes school settings, not a statement
    await acceptStatement(settings);
  });
});

describe('the server implements every operation of the contract', () => {
  it('lists each operationId once', () => {
    expectTypeOf(operations).items.toHaveProperty('operationId').toEqualTypeOf<string>();
    type Complete = { [Id in OperationId]: ContractOperation<Id> };
    const getStatement = {} as ContractOperation<'getStatement'>;
    // @ts-expect-error an operation filed under another operation's id
    const _misfiled: Pick<Complete, 'listStatements'> = { listStatements: getStatement };
  });
});
