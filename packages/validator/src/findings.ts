import type { Finding, ValidationResult } from '@reuse-pref/schema';
import type { Rule } from './rules/rule.js';

/** RFC 6901: `~` and `/` inside a key are escaped. */
export function escapePointerToken(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

/**
 * Names already worked out. Pointers repeat across records ("/subject/upn", "/choices/2/purpose"), so a
 * file's findings reuse a handful of names; the bound keeps a file full of made-up keys from growing it.
 */
const names = new Map<string, string>();
const MAX_NAMES = 512;

/** "/choices/2/purpose" -> "choices[2].purpose": the name a data manager recognises. */
export function fieldName(pointer: string): string {
  let name = names.get(pointer);
  if (name === undefined) {
    name = nameOf(pointer);
    if (names.size < MAX_NAMES) names.set(pointer, name);
  }
  return name;
}

function nameOf(pointer: string): string {
  if (pointer === '') return 'statement';
  let out = '';
  for (const raw of pointer.slice(1).split('/')) {
    const token = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (/^(0|[1-9][0-9]*)$/.test(token)) out += `${out === '' ? 'statements' : ''}[${token}]`;
    else out += out === '' ? token : `.${token}`;
  }
  return out;
}

/**
 * Collects findings for one record. The arrays are made on the first finding: the valid path, which is
 * nearly every record in a census-sized file, allocates nothing here.
 */
export class Findings {
  private errors: Finding[] | undefined;
  private queries: Finding[] | undefined;
  private seen: Set<string> | undefined;

  add(rule: Rule, pointer: string, detail?: string): void {
    const key = `${rule.id}\u0000${pointer}`;
    this.seen ??= new Set();
    if (this.seen.has(key)) return;
    this.seen.add(key);
    const finding: Finding = {
      rule: rule.id,
      severity: rule.severity,
      pointer,
      message: `${fieldName(pointer)}: ${detail ?? rule.message} (rule ${rule.id})`,
    };
    if (rule.severity === 'error') {
      this.errors ??= [];
      this.errors.push(finding);
    } else {
      this.queries ??= [];
      this.queries.push(finding);
    }
  }

  get hasAny(): boolean {
    return this.seen !== undefined;
  }

  /** The findings so far, and the collector emptied for the next record (one collector per validator). */
  take(): ValidationResult {
    const result = {
      valid: this.errors === undefined,
      errors: this.errors ?? [],
      queries: this.queries ?? [],
    };
    this.errors = undefined;
    this.queries = undefined;
    this.seen = undefined;
    return result;
  }

  /** For history rules, which report a flat list. */
  all(): Finding[] {
    return [...(this.errors ?? []), ...(this.queries ?? [])];
  }
}
