import {
  type DistributionRequest,
  DistributionRequest as DistributionRequestSchema,
} from '@reuse-pref/schema';
import type { ValidateFunction } from 'ajv';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

export class RequestError extends Error {
  override name = 'RequestError';
}

let compiled: ValidateFunction | undefined;

function requestSchema(): ValidateFunction {
  if (compiled) return compiled;
  const ajv = new Ajv2020({ allErrors: false, strict: true, strictRequired: false });
  addFormats(ajv, ['date', 'date-time', 'uuid']);
  compiled = ajv.compile(DistributionRequestSchema);
  return compiled;
}

/** A distribution request read from untrusted JSON, checked against the published schema. */
export function parseDistributionRequest(json: string): DistributionRequest {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    throw new RequestError(`the request is not JSON: ${(error as Error).message}`);
  }
  const validate = requestSchema();
  if (!validate(value)) {
    const first = validate.errors?.[0];
    throw new RequestError(
      `the request is not a valid distribution request: ${first?.instancePath || '/'} ${first?.message ?? ''}`.trim(),
    );
  }
  return value as DistributionRequest;
}
