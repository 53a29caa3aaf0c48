import type { Finding } from '@reuse-pref/schema';
import { SchoolSettings } from '@reuse-pref/schema';
import { FormatRegistry } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';

// TypeBox checks no format it does not know; these two are the only ones SchoolSettings uses.
if (!FormatRegistry.Has('date')) {
  FormatRegistry.Set('date', (v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v)));
}
if (!FormatRegistry.Has('date-time')) {
  FormatRegistry.Set(
    'date-time',
    (v) =>
      /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i.test(v) &&
      !Number.isNaN(Date.parse(v)),
  );
}

/** Schema errors of a school settings body, as findings under the rule id `school-settings-schema`. */
export function checkSettings(value: unknown): Finding[] {
  return [...Value.Errors(SchoolSettings, value)].slice(0, 20).map((e) => ({
    rule: 'school-settings-schema',
    severity: 'error',
    pointer: e.path,
    message: `${e.path || 'body'}: ${e.message}`,
  }));
}
