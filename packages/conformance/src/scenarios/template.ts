import { randomUUID } from 'node:crypto';
import { freshUpn } from './fresh-upn.js';
import { pointer } from './match.js';

/** How a built statement is to be signed when it is sent (see `signFixtures`). */
export interface SigningMark {
  name: string;
  signed?: boolean;
  alteredAfterSigning?: unknown;
}

/** Values a test refers to by name: fresh ids, built statements, captures. One scope per test. */
export class Scope {
  readonly values = new Map<string, unknown>();
  /** Built statements and how to sign them, by identity: signing is async, so it runs as a body is sent. */
  readonly marks = new WeakMap<object, SigningMark>();
  constructor(
    private readonly template: Record<string, unknown>,
    base: Record<string, string>,
  ) {
    for (const [k, v] of Object.entries(base)) this.values.set(k, v);
  }

  lookup(name: string): unknown {
    if (name.startsWith('fresh.') && !this.values.has(name)) this.values.set(name, randomUUID());
    if (name.startsWith('freshUpn.') && !this.values.has(name)) this.values.set(name, freshUpn());
    const [head, ...rest] = name.split('.');
    if (this.values.has(name)) return this.values.get(name);
    let v = this.values.get(head!);
    for (const key of rest)
      v = typeof v === 'object' && v !== null ? (v as Record<string, unknown>)[key] : undefined;
    if (v === undefined) throw new Error(`scenario refers to \${${name}}, which is not defined`);
    return v;
  }

  text(s: string): string {
    return s.replace(/\$\{([^}]+)\}/g, (_, name: string) => {
      const v = this.lookup(name);
      return typeof v === 'string' ? v : JSON.stringify(v);
    });
  }

  /**
   * Expands ${…} in strings and `$statement` directives, building each named statement once. `without`
   * lists JSON pointers removed from the built statement (say the template's ULN, so a fresh UPN is a
   * pupil with no history rather than one linked to every other fixture through a shared ULN).
   */
  expand(value: unknown): unknown {
    if (typeof value === 'string') {
      const whole = /^\$\{([^}]+)\}$/.exec(value);
      return whole ? this.lookup(whole[1]!) : this.text(value);
    }
    if (Array.isArray(value)) return value.map((v) => this.expand(v));
    if (typeof value !== 'object' || value === null) return value;
    const o = value as Record<string, unknown>;
    // `{"$freshPupils": n, "name": x}`: a cohort of n pupils no other test knows ({"upn": …} each), kept
    // as ${x} so a test can name one (`${x.0.upn}`); a large cohort without a file of fresh names.
    if (typeof o.$freshPupils === 'number') {
      const name = String(o.name ?? '$freshPupils');
      if (!this.values.has(name))
        this.values.set(
          name,
          Array.from({ length: o.$freshPupils }, () => ({ upn: freshUpn() })),
        );
      return this.values.get(name);
    }
    if (typeof o.$statement === 'string') {
      const name = o.$statement;
      if (!this.values.has(name)) {
        const base = structuredClone(this.template);
        const built = merge(
          {
            ...base,
            id: randomUUID(),
            setting: { urn: this.lookup('school'), laEstab: this.lookup('laEstab') },
          },
          this.expand(o.with ?? {}),
        );
        for (const ptr of (o.without ?? []) as string[]) remove(built, ptr);
        this.values.set(name, built);
        this.marks.set(built as object, {
          name,
          ...(typeof o.signed === 'boolean' ? { signed: o.signed } : {}),
          ...(o.alteredAfterSigning !== undefined
            ? { alteredAfterSigning: this.expand(o.alteredAfterSigning) }
            : {}),
        });
      }
      return this.values.get(name);
    }
    return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, this.expand(v)]));
  }
}

/** Deletes the member a JSON pointer names, if its parent exists. */
function remove(value: unknown, ptr: string): void {
  const cut = ptr.lastIndexOf('/');
  if (cut === -1) return;
  const parent = pointer(value, ptr.slice(0, cut));
  const last = ptr
    .slice(cut + 1)
    .replace(/~1/g, '/')
    .replace(/~0/g, '~');
  if (typeof parent === 'object' && parent !== null) delete (parent as Record<string, unknown>)[last];
}

export { merge };

/** Deep merge for fixtures: objects merge, anything else (arrays included) replaces. */
function merge(base: unknown, over: unknown): unknown {
  if (typeof base !== 'object' || base === null || Array.isArray(base)) return over;
  if (typeof over !== 'object' || over === null || Array.isArray(over)) return over;
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [k, v] of Object.entries(over)) out[k] = k in out ? merge(out[k], v) : v;
  return out;
}
