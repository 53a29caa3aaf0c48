export interface RouteMatch<T> {
  route: T;
  params: Record<string, string>;
}

/** The path exists, but not under the method asked for: what `Allow` must list (RFC 9110 §15.5.6). */
export interface MethodNotAllowed {
  allow: readonly string[];
}

interface Compiled<T> {
  route: T;
  method: string;
  pattern: RegExp;
  names: string[];
}

/**
 * Matches `METHOD /path/{param}` templates. A param matches one non-empty segment; percent-decoding
 * happens after matching so an encoded slash can never widen a route.
 */
export class Router<T extends { method: string; path: string }> {
  private readonly compiled: Compiled<T>[];

  constructor(routes: readonly T[]) {
    this.compiled = routes.map((route) => {
      const names: string[] = [];
      const source = route.path
        .split('/')
        .map((segment) =>
          segment.replace(/\{([A-Za-z]+)\}|[^{}]+/g, (part, name?: string) => {
            if (name) {
              names.push(name);
              return '([^/]+)';
            }
            return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
          }),
        )
        .join('/');
      return { route, method: route.method, pattern: new RegExp(`^${source}$`), names };
    });
  }

  /** The match, the methods the path does have when it exists under others only, or undefined. */
  match(method: string, path: string): RouteMatch<T> | MethodNotAllowed | undefined {
    const allow = new Set<string>();
    for (const { route, method: m, pattern, names } of this.compiled) {
      const found = pattern.exec(path);
      if (!found) continue;
      allow.add(m);
      if (m === 'GET') allow.add('HEAD');
      if (m !== method && !(method === 'HEAD' && m === 'GET')) continue;
      const params: Record<string, string> = {};
      for (const [i, name] of names.entries()) {
        const raw = found[i + 1]!;
        try {
          params[name] = decodeURIComponent(raw);
        } catch {
          return undefined;
        }
      }
      return { route, params };
    }
    return allow.size > 0 ? { allow: [...allow] } : undefined;
  }
}
