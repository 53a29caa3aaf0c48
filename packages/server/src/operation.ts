import {
  type ContractResponse,
  type OperationId,
  type OperationMethod,
  type OperationPath,
  operationIndex,
  type PathParams,
  type QueryName,
  type RequestMediaType,
} from '@reuse-pref/contract';
import type { Principal } from './auth/principal.js';
import type { Sent, ServerRequest, ServerResponse } from './http/types.js';
import type { Role, Scope, Services } from './services.js';

/**
 * What a handler may read of the query string: only the parameters the contract declares for its
 * operation (a property, not a method, so a reader of `cursor | limit` cannot be handed one of `asOf`).
 */
export interface ContractQuery<Name extends string> {
  get: (name: Name) => string | null;
}

/** What every handler is given. Operations of the contract see it typed (ContractContext). */
export interface OperationContext {
  request: ServerRequest;
  params: Record<string, string>;
  /** The query string (the same object as `request.query`). */
  query: URLSearchParams;
  /** Present on every operation with a `scope`; anonymous otherwise. */
  principal: Principal;
  services: Services;
  /** The body as strict UTF-8 text, read within the operation's size limit; '' when it takes none. */
  body: string;
  /** The media type the body was sent as (one of the operation's `body.types`). */
  contentType?: string;
}

/**
 * The context of a contract operation: its path parameters and query are the ones openapi.yaml names
 * for it, so reading another is a compile error (the query string is read only through `query`).
 */
export interface ContractContext<Id extends OperationId>
  extends Omit<OperationContext, 'request' | 'params' | 'query'> {
  request: Omit<ServerRequest, 'query'>;
  params: PathParams<Id>;
  query: ContractQuery<QueryName<Id>>;
}

/** An operation as the app runs it: routing, auth, limits and idempotency read these fields. */
export interface Operation {
  operationId: string;
  method: 'GET' | 'POST' | 'PUT';
  path: string;
  /** Roles whose server exposes this operation. */
  roles: readonly Role[];
  /**
   * The role scopes that admit it (openapi.yaml security), e.g. `producer:read`: it names the API
   * surface, not the server, so a relay re-serving the producer surface asks for `producer:read` too.
   * Undefined for public operations (capability statement, health).
   */
  scope?: Scope | readonly Scope[];
  /** The path parameter naming the school the token must cover. */
  schoolParam?: string;
  /** Takes Idempotency-Key; 'required' refuses a request without one. */
  idempotent?: boolean | 'required';
  /** The body it reads: accepted media types and which limit bounds its size. */
  body?: { types: readonly string[]; limit: 'maxBodyBytes' | 'maxBatchBytes' };
  handle(context: OperationContext): Promise<ServerResponse>;
}

/** Every response the contract declares for the operation, as a typed Sent response. */
export type OperationResponse<Id extends OperationId> =
  ContractResponse<Id> extends infer R
    ? R extends {
        status: infer S extends number;
        mediaType: infer M extends string | undefined;
        body: infer B;
      }
      ? Sent<S, M, B>
      : never
    : never;

type BodyField<Id extends OperationId> = [RequestMediaType<Id>] extends [never]
  ? { body?: undefined }
  : { body: { types: readonly RequestMediaType<Id>[]; limit: 'maxBodyBytes' | 'maxBatchBytes' } };

/**
 * An operation as its file declares it. Method and path must be the ones openapi.yaml gives the
 * operationId, the handler sees only the contract's path and query parameters, reads only its media
 * types, and may return only a status, media type and body the contract declares for it: any
 * disagreement is a compile error. The role scopes are taken from the contract, not restated.
 */
export type OperationDefinition<Id extends OperationId> = {
  method: OperationMethod<Id>;
  path: OperationPath<Id>;
  roles: readonly Role[];
  schoolParam?: keyof PathParams<Id> & string;
  idempotent?: boolean | 'required';
  handle(context: ContractContext<Id>): Promise<OperationResponse<Id>>;
} & BodyField<Id>;

/** An operation known by its id, so a list of them can be checked for completeness. */
export type ContractOperation<Id extends OperationId> = Operation & { operationId: Id };

/** Builds the operation `operationId` from its definition, checked against the contract. */
export function defineOperation<Id extends OperationId>(
  operationId: Id,
  definition: OperationDefinition<Id>,
): ContractOperation<Id> {
  const scopes = operationIndex[operationId].scopes as readonly Scope[];
  return {
    operationId,
    ...(definition as unknown as Omit<Operation, 'operationId'>),
    ...(scopes.length === 0 ? {} : { scope: scopes.length === 1 ? scopes[0]! : scopes }),
  };
}
