import { ProblemError } from './problem.js';

export interface JsonLimits {
  /** Deepest allowed nesting of arrays and objects; a statement needs 4. */
  maxDepth: number;
  /**
   * Most fields (object members) plus list items (array elements, an empty list counting as one) the
   * document may hold; a full statement has about 300. Counted before parsing, like the depth, so a
   * line of 700,000 keys is refused without building it or validating each key. Absent: no bound
   * beyond the body size (a distribution request's cohort is bounded after parsing).
   */
  maxMembers?: number;
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * JSON.parse hardened for untrusted input. The depth is measured before parsing, because JSON.parse
 * itself recurses and a 10,000-deep body would otherwise cost a stack walk (or a RangeError) first.
 * `__proto__` and friends are refused rather than dropped: silently removing a field would store something
 * other than what was sent, and keeping it risks prototype pollution in whatever merges the value later.
 * NUL is refused anywhere (raw or as \u0000) because downstream stores and CSV/XML carriage cannot hold it.
 */
export function parseJson(text: string, limits: JsonLimits): unknown {
  checkShapeAndNul(text, limits.maxDepth, limits.maxMembers ?? Number.POSITIVE_INFINITY);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ProblemError('invalid-json', { detail: (error as Error).message });
  }
  // Checked after parsing rather than with a reviver: a reviver calls back into JS for every value and
  // made parsing three times slower, the largest cost of bulk ingest. JSON.parse defines "__proto__" as
  // an own property (it never sets the prototype), so nothing is polluted before the walk refuses it.
  if (mayHideSomething(text)) checkKeysAndStrings(value);
  return value;
}

/**
 * Whether the parsed value could hold a forbidden key or an escaped NUL. Without any `\u` escape, every
 * key and string of the value is written out literally in the text, so a forbidden name that is not in
 * the text is not in the value, and an escaped NUL cannot be there at all (a raw one was refused while
 * scanning). Most records have neither, and skip the walk over the whole value.
 */
function mayHideSomething(text: string): boolean {
  if (text.includes('\\u')) return true;
  for (const key of FORBIDDEN_KEYS) if (text.includes(key)) return true;
  return false;
}

/** Refuses forbidden property names, and U+0000 written as an escape, anywhere in the parsed value. */
function checkKeysAndStrings(value: unknown): void {
  if (typeof value === 'string') {
    if (value.includes('\u0000')) throw nulCharacter();
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  if (Array.isArray(value)) {
    for (const item of value) checkKeysAndStrings(item);
    return;
  }
  for (const key of Object.keys(value)) {
    if (FORBIDDEN_KEYS.has(key)) {
      throw new ProblemError('forbidden-key', { detail: `The property name "${key}" is not allowed.` });
    }
    if (key.includes('\u0000')) throw nulCharacter();
    checkKeysAndStrings((value as Record<string, unknown>)[key]);
  }
}

function nulCharacter(): ProblemError {
  return new ProblemError('nul-character', { detail: 'A string contains U+0000.' });
}

/** One pass over the text: NUL anywhere, nesting depth, and the count of fields and list items. */
function checkShapeAndNul(text: string, maxDepth: number, maxMembers: number): void {
  let depth = 0;
  let inString = false;
  let members = 0;
  // Whether each open container is an array: a comma counts an item only inside one (inside an object
  // the colon already counted the member).
  const inArray = new Uint8Array(maxDepth + 1);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) throw new ProblemError('nul-character', { detail: `A NUL byte at offset ${i}.` });
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
      continue;
    }
    if (c === 0x22) {
      inString = true;
      continue;
    }
    if (c === 0x3a || (c === 0x2c && inArray[depth] === 1) || c === 0x5b) {
      if (++members > maxMembers) {
        throw new ProblemError('too-many-fields', {
          detail: `More than ${maxMembers} fields and list items.`,
          maxMembers,
        });
      }
    }
    if (c === 0x7b || c === 0x5b) {
      if (++depth > maxDepth) {
        throw new ProblemError('too-deep', { detail: `Nesting deeper than ${maxDepth} levels.`, maxDepth });
      }
      inArray[depth] = c === 0x5b ? 1 : 0;
    } else if (c === 0x7d || c === 0x5d) {
      depth--;
    }
  }
}
