import { Statement } from '@reuse-pref/schema';
import { describe, expect, it } from 'vitest';
import { fastMatchers, patternEngine } from '../src/pattern-engine.js';

/** Every `pattern` in the Statement schema, as Ajv sees them. */
function schemaPatterns(): Set<string> {
  const found = new Set<string>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) for (const n of node) walk(n);
    else if (typeof node === 'object' && node !== null) {
      for (const [k, v] of Object.entries(node)) {
        if (k === 'pattern' && typeof v === 'string') found.add(v);
        walk(v);
      }
    }
  };
  walk(JSON.parse(JSON.stringify(Statement)));
  return found;
}

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

// Characters each matcher branches on, plus astral characters and lone surrogates (the `u` flag reads
// a surrogate pair as one character, the matchers read code units: they must agree anyway).
const ALPHABET = [
  ...'09AZaz.-_~ ',
  ...'IOSHJNPRT1598',
  '\t',
  '\n',
  '\r',
  '\u0000',
  '\u001f',
  '\u007f',
  '\u0080',
  '\u00a0',
  '\u1680',
  '\u2000',
  '\u200a',
  '\u200b',
  '\u2028',
  '\u202f',
  '\u205f',
  '\u3000',
  '\ufeff',
  'é',
  '’',
  '\ud83d\ude00',
  '\ud83d',
  '\ude00',
];

function samples(pattern: string): string[] {
  const rand = random(pattern.length * 7919);
  const out = new Set<string>(['', 'ADM-1', '1.0.0', 'B801200005001', '1234567899', 'en-GB', 'STAT']);
  // Every single code unit, alone and at each end and in the middle of a word.
  for (let c = 0; c < 0x10000; c++) {
    const ch = String.fromCharCode(c);
    for (const s of [ch, `${ch}AB`, `AB${ch}`, `A${ch}B`, `${ch}${ch}`, `ab-${ch}${ch}`, `1.${ch}.1`])
      out.add(s);
  }
  // Random strings over the alphabet, lengths 0 to 16.
  for (let i = 0; i < 40_000; i++) {
    const n = Math.floor(rand() * 17);
    let s = '';
    for (let k = 0; k < n; k++) s += ALPHABET[Math.floor(rand() * ALPHABET.length)];
    out.add(s);
  }
  // Near-misses of valid values: one character changed or dropped.
  for (const base of [
    '1.20.300',
    '123456',
    '1234567',
    '1234567899',
    'B80120000500A',
    'en-GB-oxendict',
    'ab',
    'eyJhbGciOiJFZERTQSJ9..c2ln-_0',
  ]) {
    for (let k = 0; k <= base.length; k++) {
      out.add(base.slice(0, k) + base.slice(k + 1));
      for (const ch of ALPHABET) out.add(base.slice(0, k) + ch + base.slice(k + 1));
    }
  }
  return [...out];
}

describe('the pattern engine', () => {
  it('has a fast matcher for every pattern the Statement schema uses', () => {
    expect([...schemaPatterns()].filter((p) => !Object.hasOwn(fastMatchers, p))).toEqual([]);
  });

  it.each(Object.keys(fastMatchers))('matches exactly what new RegExp(%j, "u") matches', (pattern) => {
    const want = new RegExp(pattern, 'u');
    const got = patternEngine(pattern, 'u');
    const differ = samples(pattern).filter((s) => got.test(s) !== want.test(s));
    expect(differ.map((s) => JSON.stringify(s)).slice(0, 10)).toEqual([]);
  });

  it('reads the detached JWS length bounds as the RegExp does', () => {
    const pattern = '^[A-Za-z0-9_-]{2,2048}\\.\\.[A-Za-z0-9_-]{2,1024}$';
    const want = new RegExp(pattern, 'u');
    const got = patternEngine(pattern, 'u');
    for (const [h, t] of [
      [2048, 1024],
      [2049, 1024],
      [2048, 1025],
      [1, 2],
      [2, 1],
    ] as const) {
      const s = `${'a'.repeat(h)}..${'b'.repeat(t)}`;
      expect([h, t, got.test(s)]).toEqual([h, t, want.test(s)]);
    }
  });

  it('falls back to a real RegExp for a pattern it does not know', () => {
    const rx = patternEngine('^x+$', 'u');
    expect([rx instanceof RegExp, rx.test('xx'), rx.test('xy')]).toEqual([true, true, false]);
  });
});
