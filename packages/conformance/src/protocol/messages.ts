/**
 * The harness protocol (conformance/protocol/README.md): one JSON object per line on the harness's
 * stdin (requests) and stdout (responses). These interfaces mirror
 * conformance/protocol/harness-protocol.schema.json, which is what a vendor in another language reads.
 */
export const PROTOCOL_VERSION = 1;

export type Capability = 'validate' | 'validate-history' | 'resolve';
export const Capabilities: readonly Capability[] = ['validate', 'validate-history', 'resolve'];

export interface StartRequest {
  cmd: 'start';
  version: number;
}

export interface StartResponse {
  version: number;
  implementation: { name: string; version: string; language?: string; homepage?: string };
  capabilities: Capability[];
}

export interface ValidateInput {
  data: unknown;
  options?: { now?: string; censusDate?: string; competenceAge?: number };
}
export interface ValidateHistoryInput {
  data: unknown;
}
export interface ResolveInput {
  subject?: { dateOfBirth?: string };
  asOf: string;
  competenceAge?: number;
  catalogueVersion?: string;
  statements: unknown[];
}

export type RunRequest =
  | { cmd: 'run'; seq: number; id: string; kind: 'validate'; input: ValidateInput }
  | { cmd: 'run'; seq: number; id: string; kind: 'validate-history'; input: ValidateHistoryInput }
  | { cmd: 'run'; seq: number; id: string; kind: 'resolve'; input: ResolveInput };

export interface FindingOut {
  rule: string;
  pointer: string;
  severity?: 'error' | 'query';
  message?: string;
}
export interface ValidateResult {
  valid: boolean;
  errors: FindingOut[];
  queries: FindingOut[];
}
export interface PreferenceOut {
  purpose: string;
  shared: boolean;
  value: string | null;
  decidedBy: string | null;
  default: boolean;
  flags?: string[];
}
export interface ResolveResult {
  preferences: PreferenceOut[];
}
/** The resolver refused its whole input (resolver.md 1): the pointer names a value it could not read. */
export interface ResolveRefusal {
  refused: { pointer: string; message?: string };
}

export type RunResponse =
  | { seq: number; result: ValidateResult | ResolveResult | ResolveRefusal }
  | { seq: number; skipped: { message: string } }
  | { seq: number; errored: { message: string; traceback?: string } };

export interface StopRequest {
  cmd: 'stop';
}

export type Request = StartRequest | RunRequest | StopRequest;
