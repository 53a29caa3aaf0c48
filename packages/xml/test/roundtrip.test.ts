import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Statement } from '@reuse-pref/schema';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BlockVersions, statementsToXml, XmlWriteError, xmlToStatements } from '../src/index.js';
import { statement } from './arbitraries.js';
import { isSchemaValid, repoRoot } from './statement-check.js';
import { validVectorStatements } from './vector-statements.js';

const example = JSON.parse(
  readFileSync(join(repoRoot, 'spec/v1/examples/statement.json'), 'utf8'),
) as Statement;
const roundTrip = (s: Statement[]) => xmlToStatements(statementsToXml(s));

describe('JSON -> XML -> JSON is the identity', () => {
  it('for generated valid statements, alone and in histories', () => {
    fc.assert(
      fc.property(fc.array(statement, { minLength: 1, maxLength: 4 }), (history) => {
        for (const s of history) expect(isSchemaValid(s), JSON.stringify(isSchemaValid.errors)).toBe(true);
        // fast-check may build null-prototype objects; compare as the JSON they stand for.
        expect(roundTrip(history)).toStrictEqual(JSON.parse(JSON.stringify(history)));
      }),
      { numRuns: 300 },
    );
  });

  it('for the published example statement', () => {
    expect(roundTrip([example])).toStrictEqual([example]);
  });

  const vectors = validVectorStatements();
  it.each(vectors.map((v) => [v.name, v.statement] as const))('for vector %s', (name, s) => {
    expect(isSchemaValid(s), name).toBe(true);
    expect(roundTrip([s])).toStrictEqual([s]);
  });
});

describe('text the carriage must keep exactly', () => {
  const cases: { given: string; why: string }[] = [
    { given: 'Tom & Jerry <"quoted"> \'single\'', why: 'the five XML specials' },
    { given: 'line one\nline two\n\nline four', why: 'newlines in grounds' },
    { given: 'windows\r\nline\rends', why: 'CR survives XML end-of-line folding' },
    { given: '  padded  ', why: 'leading and trailing spaces' },
    { given: '\n', why: 'only a newline' },
    { given: '', why: 'empty grounds are not absent grounds' },
    { given: 'Rydym yn gwrthwynebu 😀 中文 e\u0301', why: 'Welsh, astral and combining characters' },
    { given: 'x]]>y &amp; &#13;', why: 'CDATA end and entity look-alikes stay literal' },
  ];
  it.each(cases)('$why', ({ given }) => {
    const s: Statement = { ...example, choices: [{ purpose: 'RSXT', value: 'OBJT', grounds: given }] };
    expect(roundTrip([s])).toStrictEqual([s]);
  });
});

describe('the writer refuses what it cannot carry', () => {
  const cases: { why: string; change: (s: Statement) => Statement; version?: '1.0'; pointer: string }[] = [
    {
      why: 'a C0 control character in the previous version, which has no Encoding attribute',
      change: (s) => ({ ...s, choices: [{ purpose: 'STAT', value: 'OBJT', grounds: 'bell\u0007' }] }),
      version: '1.0',
      pointer: '/0/choices/0/grounds',
    },
    {
      why: 'provenance in the previous block version, which has no element for it',
      change: (s) => ({
        ...s,
        channel: 'CTFI',
        provenance: {
          originalSetting: s.setting,
          originalChannel: 'PAPR',
          originalRecordedAt: s.recordedAt,
          originalRecordedBy: s.recordedBy,
          transferredAt: s.recordedAt,
        },
      }),
      version: '1.0',
      pointer: '/0/provenance',
    },
  ];
  it.each(cases)('$why', ({ change, version, pointer }) => {
    const write = () => statementsToXml([change(example)], version ? { version } : {});
    expect(write).toThrow(XmlWriteError);
    expect(write).toThrow(expect.objectContaining({ pointer }));
  });

  it.each([{ given: 'NUL\u0000 bell\u0007 & <tag>' }, { given: 'lone \ud800 surrogate and \uffff' }])(
    'carries $given as Encoding="json" in the current version',
    ({ given }) => {
      const s: Statement = { ...example, choices: [{ purpose: 'RSXT', value: 'OBJT', grounds: given }] };
      const xml = statementsToXml([s]);
      expect(xml).toContain('<Grounds Encoding="json">');
      expect(xmlToStatements(xml)).toStrictEqual([s]);
    },
  );

  it('writes the current version unless told otherwise', () => {
    expect(statementsToXml([example])).toContain(`<ReusePreferences Version="${BlockVersions.current}">`);
  });
});
