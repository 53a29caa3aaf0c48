import type { Finding } from '@reuse-pref/schema';
import { isDateTime, isFullDate, SchoolSettings } from '@reuse-pref/schema';
import { FormatRegistry } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';

// TypeBox checks no format it does not know; these two are the only ones SchoolSettings uses. The
// schema package's strict readers, not Date.parse: V8 reads 2026-02-30 as 2 March, so a census date
// that is not on the calendar was stored (found by the HTTP mutation runs, issue 11).
if (!FormatRegistry.Has('date')) FormatRegistry.Set('date', isFullDate);
if (!FormatRegistry.Has('date-time')) FormatRegistry.Set('date-time', isDateTime);

/** Schema errors of a school settings body, as findings under the rule id `school-settings-schema`. */
export function checkSettings(value: unknown): Finding[] {
  return [...Value.Errors(SchoolSettings, value)].slice(0, 20).map((e) => ({
    rule: 'school-settings-schema',
    severity: 'error',
    pointer: e.path,
    message: `${e.path || 'body'}: ${e.message}`,
  }));
}
