import type { JsonValue } from './json.js';

/** A versioned current-state record for a school, guarded by ETag/If-Match. */
export interface SchoolState {
  urn: string;
  /** Strong ETag, quoted as HTTP sends it, e.g. `"3.9f2c1a0b"`. Changes on every successful update. */
  etag: string;
  version: number;
  updatedAt: string;
  data: JsonValue;
}

/**
 * The If-Match condition of a state update: an ETag, `*` (any current state) or null (none may exist yet,
 * as If-None-Match: *).
 */
export type IfMatch = string | '*' | null;

/** Each school's current settings: one record per school, replaced whole under If-Match. */
export interface SchoolStates {
  get(urn: string): Promise<SchoolState | undefined>;
  /** Replaces a school's state if `ifMatch` holds; otherwise PreconditionFailedError and nothing changes. */
  compareAndSet(urn: string, ifMatch: IfMatch, data: JsonValue): Promise<SchoolState>;
}
