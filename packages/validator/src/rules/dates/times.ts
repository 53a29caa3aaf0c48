import { compareInstants } from '@reuse-pref/schema';
import type { Context } from '../../reading.js';

/** Clock skew allowed between the sender and the validator before a time counts as in the future. */
const FUTURE_TOLERANCE_MS = 5 * 60 * 1000;

/** True when a date-time is more than the tolerance after the validator clock, every digit counting. */
export function isInTheFuture(at: string, context: Context): boolean {
  return compareInstants(at, context.nowMs + FUTURE_TOLERANCE_MS) > 0;
}

/**
 * True when both date-times were read and `a` is before `b` as instants, every fraction digit counting
 * (validation.md 5). Either one missing or rejected says nothing: its own rule has said it.
 */
export function isBefore(a: string | undefined, b: string | undefined): boolean {
  return a !== undefined && b !== undefined && compareInstants(a, b) < 0;
}
