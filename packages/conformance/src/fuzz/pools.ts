/**
 * What the server has said so far, kept so later requests can name things that exist: every string a
 * success response held, by the member name it was under (`statementId`, `releaseId`, `upn`...), the
 * ETags it sent, and the cursors each list issued. A path parameter then takes a value the server gave
 * (any kept value its schema accepts, same-named members first), so a fuzzer reaches the 200s, not only
 * the 404s.
 */
export class Pools {
  readonly #byName = new Map<string, string[]>();
  readonly #cursors = new Map<string, string[]>();
  readonly #etags: string[] = [];
  static readonly LIMIT = 64;

  /** Keeps what a 2xx JSON body and its headers hold; cursors under the list (operation + path) that issued them. */
  harvest(list: string, body: unknown, headers: Headers): void {
    const etag = headers.get('etag');
    if (etag) add(this.#etags, etag);
    const walk = (node: unknown, name: string) => {
      if (typeof node === 'string') {
        if (name === 'nextCursor' || name === 'cursor') add(this.#list(this.#cursors, list), node);
        else add(this.#list(this.#byName, name), node);
      } else if (Array.isArray(node)) for (const item of node) walk(item, name);
      else if (node !== null && typeof node === 'object') {
        for (const [key, value] of Object.entries(node)) walk(value, key);
      }
    };
    walk(body, '');
  }

  /** Kept strings under `name`. */
  named(name: string): readonly string[] {
    return this.#byName.get(name) ?? [];
  }

  /** Every kept string, same-named ones first. */
  all(preferred: string): string[] {
    const first = this.named(preferred);
    return [...first, ...[...this.#byName].filter(([k]) => k !== preferred).flatMap(([, v]) => v)];
  }

  cursors(list: string): readonly string[] {
    return this.#cursors.get(list) ?? [];
  }

  etags(): readonly string[] {
    return this.#etags;
  }

  #list(map: Map<string, string[]>, key: string): string[] {
    const list = map.get(key) ?? [];
    map.set(key, list);
    return list;
  }
}

/** Newest last, at most LIMIT, no repeats: recent values are the likeliest still to be current. */
function add(list: string[], value: string): void {
  const at = list.indexOf(value);
  if (at >= 0) list.splice(at, 1);
  list.push(value);
  if (list.length > Pools.LIMIT) list.shift();
}
