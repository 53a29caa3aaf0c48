import { describe, expect, it } from 'vitest';
import { main } from '../src/index.js';
import {
  expectedRegisterCsv,
  HTML_HEADERS,
  registerHtmlProblem,
} from '../src/scenarios/register-documents.js';

async function cli(args: string[]) {
  let out = '';
  const code = await main(args, { out: (t) => (out += t), err: (t) => (out += t), env: {} });
  return { code, out };
}

// Refused before anything is sent: the port is never asked.
const target = ['run', '--profile', 'distributor', '--base-url', 'http://127.0.0.1:9', '--token', 't'];

describe('--register-formats and --family-token / --family-pupil (decision 0044)', () => {
  it.each([
    [['--register-formats', 'csv,pdf'], /--register-formats: pdf is not csv or html/],
    [['--family-token', 'x'], /--family-token and --family-pupil go together/],
    [['--family-pupil', 'Y801200009003'], /--family-token and --family-pupil go together/],
    [['--family-token', 'x', '--family-pupil', 'Y801200009004'], /Y801200009004 is not a valid UPN/],
  ])('%j is a usage error naming the option', async (args, message) => {
    const { code, out } = await cli([...target, ...args]);
    expect(code, out).toBe(2);
    expect(out).toMatch(message);
  });
});

const entry = {
  releaseId: '0b6a3f7e-2d7c-4c8a-9a43-6f0d7f1e2a11',
  dsReference: '-DS 1',
  decidedAt: '2026-10-01T09:00:00.000Z',
  recipientName: '=HYPERLINK("x"), <b>Unit</b>',
  recipientClass: 'ACAD',
  purposes: ['STAT', 'RSCH'],
  lawfulBasis: 'PUBT',
  dataTiers: [
    { identifiability: '2', sensitivity: 'B' },
    { identifiability: '1', sensitivity: 'A' },
  ],
  deliveryMode: 'TRE',
  retainUntil: '2031-12-31',
  counts: { total: 3, included: 2, excluded: 1, overridden: 0, decidedByStatement: 1, decidedByDefault: 2 },
  exemption: null,
  decisionMaker: 'Panel, "A"',
  logIndex: 7,
} as const;

describe('the register documents the runner derives from the JSON entries', () => {
  it('CSV: the fixed header, formula-safe and RFC 4180 quoted fields, empty cells where absent, CRLF', () => {
    expect(expectedRegisterCsv([entry as never])).toBe(
      'releaseId,dsReference,decidedAt,recipientName,recipientClass,purposes,lawfulBasis,dataTiers,deliveryMode,' +
        'retainUntil,total,included,excluded,overridden,decidedByStatement,decidedByDefault,exemptionCode,' +
        'exemptionCitation,decisionMaker,logIndex,decidingStatements,verifiedEndToEnd\r\n' +
        `0b6a3f7e-2d7c-4c8a-9a43-6f0d7f1e2a11,'-DS 1,2026-10-01T09:00:00.000Z,"'=HYPERLINK(""x""), <b>Unit</b>",` +
        'ACAD,STAT RSCH,PUBT,2B 1A,TRE,2031-12-31,3,2,1,0,1,2,,,"Panel, ""A""",7,,\r\n',
    );
  });

  it('HTML: a page with the markup of a name unescaped, or a row missing, is refused with the reason', () => {
    const head = `<thead><tr>${HTML_HEADERS.map((h) => `<th>${h}</th>`).join('')}</tr></thead>`;
    const cells = (name: string) =>
      [
        '-DS 1',
        '2026-10-01',
        `${name} <span>ACAD</span>`,
        'STAT RSCH',
        'PUBT',
        '2B 1A',
        'TRE',
        '2031-12-31',
        '3',
        '2',
        '1',
        '0',
        '2',
        'none',
        'Panel, &quot;A&quot;',
        '7',
        'not counted',
      ]
        .map((c) => `<td>${c}</td>`)
        .join('');
    const page = (rows: string) => `<!doctype html><table>${head}<tbody>${rows}</tbody></table>`;
    const escaped = '=HYPERLINK(&quot;x&quot;), &lt;b&gt;Unit&lt;/b&gt;';
    expect(registerHtmlProblem(page(`<tr>${cells(escaped)}</tr>`), [entry as never])).toBeUndefined();
    expect(registerHtmlProblem(page(''), [entry as never])).toMatch(/0 row\(s\), want one per release \(1\)/);
    expect(registerHtmlProblem(page(`<tr>${cells(entry.recipientName)}</tr>`), [entry as never])).toMatch(
      /row 1|unescaped/,
    );
  });
});
