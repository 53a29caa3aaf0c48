// Types of one operation, addressed by its operationId. Everything here is read off the generated
// types; nothing restates the contract. A server that types its handlers with these cannot use a method,
// path, parameter, request body, status or response body that openapi.yaml does not define for that
// operation: it does not compile.
import type { components, operations, paths } from './generated/openapi.generated.js';
import type { operationIndex } from './generated/operation-index.generated.js';

export type { components, operations, paths };

/** Every operationId of the contract. */
export type OperationId = keyof operations & keyof typeof operationIndex;

/** The contract's schemas by name, e.g. `Schema<'StatementReceipt'>`. */
export type Schema<Name extends keyof components['schemas']> = components['schemas'][Name];

type Located<Id extends OperationId> = (typeof operationIndex)[Id];

/** The method the contract gives the operation, as HTTP writes it (`POST`). */
export type OperationMethod<Id extends OperationId> = Uppercase<Located<Id>['method']>;

/** The path template the contract gives the operation, e.g. `/schools/{urn}/statements`. */
export type OperationPath<Id extends OperationId> = Located<Id>['path'];

/** The role scopes that admit the operation (any one of them); `never` for a public operation. */
export type OperationScope<Id extends OperationId> = Located<Id>['scopes'][number];

type Parameters<Id extends OperationId> = operations[Id]['parameters'];
type In<Id extends OperationId, Where extends string> = Where extends keyof Parameters<Id>
  ? NonNullable<Parameters<Id>[Where]>
  : never;

/** The path parameters, by name, e.g. `{ urn: string; pupil: string }`; `{}` when the path has none. */
export type PathParams<Id extends OperationId> = [In<Id, 'path'>] extends [never]
  ? Record<never, string>
  : { [Name in keyof In<Id, 'path'>]: string };

/** The names of the query parameters the operation takes (`never` when it takes none). */
export type QueryName<Id extends OperationId> = [In<Id, 'query'>] extends [never]
  ? never
  : keyof In<Id, 'query'> & string;

/** The query parameters with their contract types, e.g. `{ cursor?: string; limit?: number }`. */
export type QueryParams<Id extends OperationId> = In<Id, 'query'>;

/** The names of the request headers the contract declares for the operation, e.g. `If-Match`. */
export type HeaderName<Id extends OperationId> = [In<Id, 'header'>] extends [never]
  ? never
  : keyof In<Id, 'header'> & string;

type RequestContent<Id extends OperationId> = operations[Id] extends { requestBody: { content: infer C } }
  ? C
  : operations[Id] extends { requestBody?: { content: infer C } }
    ? C
    : never;

/** The media types the operation's request body may be sent as (`never` when it takes no body). */
export type RequestMediaType<Id extends OperationId> = keyof RequestContent<Id> & string;

/** The request body, as any of its media types (`never` when the operation takes no body). */
export type RequestBody<Id extends OperationId> = RequestContent<Id>[RequestMediaType<Id>];

type Responses<Id extends OperationId> = operations[Id]['responses'];

/** Every status the contract declares for the operation, e.g. `200 | 201 | 400 | ...`. */
export type ResponseStatus<Id extends OperationId> = keyof Responses<Id> & number;

/** The 2xx statuses the operation declares. */
export type SuccessStatus<Id extends OperationId> = Extract<
  ResponseStatus<Id>,
  200 | 201 | 202 | 203 | 204 | 206
>;

// A response without a body is generated as `content?: never`: no media types, not "every string".
type ContentAt<Id extends OperationId, S extends ResponseStatus<Id>> = NonNullable<
  Responses<Id>[S] extends { content?: infer C } ? C : never
>;

/** The media types a response with status S may carry (`never`: it has no body). */
export type ResponseMediaType<Id extends OperationId, S extends ResponseStatus<Id>> = [
  ContentAt<Id, S>,
] extends [never]
  ? never
  : keyof ContentAt<Id, S> & string;

/** The response body at status S, as any of its media types. */
export type ResponseBody<Id extends OperationId, S extends ResponseStatus<Id>> = ContentAt<
  Id,
  S
>[ResponseMediaType<Id, S>];

/**
 * Every response the operation may send, as `{ status, mediaType, body }`: one member per declared
 * status and media type, and one with `mediaType: undefined` for a declared status without content.
 */
export type ContractResponse<Id extends OperationId> = {
  [S in ResponseStatus<Id>]: [ResponseMediaType<Id, S>] extends [never]
    ? { status: S; mediaType: undefined; body: undefined }
    : {
        [M in ResponseMediaType<Id, S>]: { status: S; mediaType: M; body: ContentAt<Id, S>[M] };
      }[ResponseMediaType<Id, S>];
}[ResponseStatus<Id>];
