import { describe, expectTypeOf, it } from 'vitest';
import type {
  ContractResponse,
  OperationId,
  OperationMethod,
  OperationPath,
  OperationScope,
  operations,
  PathParams,
  ProblemStatus,
  ProblemType,
  ProblemTypesWithStatus,
  paths,
  QueryName,
  RequestBody,
  RequestMediaType,
  ResponseBody,
  ResponseMediaType,
  ResponseStatus,
  Schema,
} from '../src/index.js';

describe('an operation is found by its operationId', () => {
  it('method, path and scopes come from openapi.yaml', () => {
    expectTypeOf<OperationMethod<'submitStatement'>>().toEqualTypeOf<'POST'>();
    expectTypeOf<OperationPath<'submitStatement'>>().toEqualTypeOf<'/schools/{urn}/statements'>();
    expectTypeOf<OperationScope<'submitStatement'>>().toEqualTypeOf<'producer:write'>();
    expectTypeOf<OperationScope<'getSubjectLedger'>>().toEqualTypeOf<'subject:read' | 'distributor:read'>();
    expectTypeOf<OperationScope<'getCapabilities'>>().toBeNever();
  });

  it('the index and the generated paths agree for every operation', () => {
    type Lower<M extends string> = M extends `${infer L}` ? Lowercase<L> : never;
    type AtIndexedPlace = {
      [Id in OperationId]: paths[OperationPath<Id>][Lower<OperationMethod<Id>> &
        keyof paths[OperationPath<Id>]];
    };
    expectTypeOf<AtIndexedPlace>().toEqualTypeOf<{ [Id in OperationId]: operations[Id] }>();
  });

  it('path, query and body are typed per operation', () => {
    expectTypeOf<PathParams<'recordPupilStatement'>>().toEqualTypeOf<{ urn: string; pupil: string }>();
    expectTypeOf<PathParams<'submitBatch'>>().toEqualTypeOf<Record<never, string>>();
    expectTypeOf<QueryName<'listStatements'>>().toEqualTypeOf<'cursor' | 'limit'>();
    expectTypeOf<QueryName<'getPupilPreferences'>>().toEqualTypeOf<'asOf'>();
    expectTypeOf<QueryName<'getStatement'>>().toBeNever();
    expectTypeOf<RequestMediaType<'submitBatch'>>().toEqualTypeOf<'application/x-ndjson'>();
    expectTypeOf<RequestBody<'submitStatement'>>().toEqualTypeOf<Schema<'Statement'>>();
    expectTypeOf<RequestBody<'getStatement'>>().toBeNever();
  });

  it('responses are typed per status', () => {
    expectTypeOf<ResponseStatus<'getBatch'>>().toEqualTypeOf<200 | 400 | 401 | 403 | 404 | 429 | 500 | 503>();
    expectTypeOf<ResponseBody<'submitBatch', 201>>().toEqualTypeOf<Schema<'BatchResult'>>();
    expectTypeOf<ResponseBody<'submitBatch', 422>>().toEqualTypeOf<
      Schema<'BatchProblem'> | Schema<'ProblemDetails'>
    >();
    expectTypeOf<ResponseMediaType<'getPupilPreferences', 304>>().toBeNever();
    expectTypeOf<Extract<ContractResponse<'getPupilPreferences'>, { status: 304 }>>().toEqualTypeOf<{
      status: 304;
      mediaType: undefined;
      body: undefined;
    }>();
    expectTypeOf<ResponseMediaType<'listRegister', 200>>().toEqualTypeOf<
      'application/json' | 'text/csv' | 'text/html'
    >();
    expectTypeOf<Extract<ContractResponse<'submitStatement'>, { status: 201 }>>().toEqualTypeOf<{
      status: 201;
      mediaType: 'application/json';
      body: Schema<'StatementReceipt'>;
    }>();
  });

  it('what the contract does not define is a compile error', () => {
    // @ts-expect-error no operation has this id
    type _UnknownId = OperationMethod<'deleteStatement'>;
    // @ts-expect-error getBatch declares no 201
    type _UndeclaredStatus = ResponseBody<'getBatch', 201>;
    const wrongMethod = (method: OperationMethod<'getStatement'>) => method;
    // @ts-expect-error getStatement is a GET
    wrongMethod('POST');
    const wrongPath = (path: OperationPath<'getChangeFeed'>) => path;
    // @ts-expect-error the change feed is /schools/{urn}/changes
    wrongPath('/schools/{urn}/change-feed');
  });
});

describe('problem types', () => {
  it('carry their status, and a status lists its types', () => {
    expectTypeOf<ProblemStatus<'validation-failed'>>().toEqualTypeOf<422>();
    expectTypeOf<ProblemTypesWithStatus<403>>().toEqualTypeOf<'forbidden' | 'school-not-in-scope'>();
    // @ts-expect-error not a problem type of the contract
    const _typo: ProblemType = 'validaton-failed';
  });
});
