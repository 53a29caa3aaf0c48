/** Which credentials a request carries: the run's token, another school's, none, or a forged one. */
export type TokenChoice = 'main' | 'other' | 'none' | 'forged';

/** One generated request, ready to send and to print as the curl command that repeats it. */
export interface FuzzRequest {
  operationId: string;
  method: string;
  /** The path with its parameters filled in and percent-encoded. */
  path: string;
  query: [string, string][];
  headers: Record<string, string>;
  token: TokenChoice;
  body?: { mediaType: string; text: string };
}

export interface FuzzTarget {
  baseUrl: string;
  token: string;
  otherSchoolToken?: string;
  fetch?: typeof fetch;
}

export interface Answer {
  status: number;
  headers: Headers;
  body: string;
  url: URL;
}

export function urlOf(target: FuzzTarget, request: FuzzRequest): URL {
  const base = target.baseUrl.endsWith('/') ? target.baseUrl : `${target.baseUrl}/`;
  const url = new URL(request.path.replace(/^\//, ''), base);
  for (const [k, v] of request.query) url.searchParams.append(k, v);
  return url;
}

const FORGED = 'eyJhbGciOiJub25lIn0.eyJzY29wZSI6InByb2R1Y2VyOnJlYWQifQ.';

export async function send(target: FuzzTarget, request: FuzzRequest): Promise<Answer> {
  const url = urlOf(target, request);
  const headers = new Headers();
  for (const [k, v] of Object.entries(request.headers)) headers.set(k, v);
  const bearer = { main: target.token, other: target.otherSchoolToken, none: undefined, forged: FORGED }[
    request.token
  ];
  if (bearer !== undefined) headers.set('authorization', `Bearer ${bearer}`);
  if (request.body) headers.set('content-type', request.body.mediaType);
  const res = await (target.fetch ?? fetch)(url, {
    method: request.method,
    headers,
    ...(request.body ? { body: request.body.text } : {}),
  });
  return { status: res.status, headers: res.headers, body: await res.text(), url };
}

const TOKEN_VARIABLE: Record<TokenChoice, string | undefined> = {
  main: '$REUSE_PREF_TOKEN',
  other: '$REUSE_PREF_OTHER_SCHOOL_TOKEN',
  none: undefined,
  forged: FORGED,
};

const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/**
 * The request as a shell command a vendor can paste: tokens as the environment variables the CLI reads,
 * a body with control characters written through printf so every byte is what was sent.
 */
export function curlCommand(target: FuzzTarget, request: FuzzRequest): string {
  const parts = ['curl', '-sS', '-i', '-X', request.method, quote(urlOf(target, request).href)];
  const bearer = TOKEN_VARIABLE[request.token];
  if (bearer) parts.push('-H', `"authorization: Bearer ${bearer}"`);
  for (const [k, v] of Object.entries(request.headers)) parts.push('-H', quote(`${k}: ${v}`));
  if (!request.body) return parts.join(' ');
  parts.push('-H', quote(`content-type: ${request.body.mediaType}`));
  const body = request.body.text;
  if (body.length > 4096) return `${parts.join(' ')} --data-binary @body.txt  # body: ${body.length} bytes`;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what needs escaping
  if (!/[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/.test(body))
    return `${parts.join(' ')} --data-binary ${quote(body)}`;
  const format = [...body]
    .map((c) => {
      const code = c.codePointAt(0)!;
      if (c === '%') return '%%';
      if (c === '\\') return '\\\\';
      return code < 0x20 || code === 0x7f ? `\\x${code.toString(16).padStart(2, '0')}` : c;
    })
    .join('');
  return `printf ${quote(format)} | ${parts.join(' ')} --data-binary @-`;
}
