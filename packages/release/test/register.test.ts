import { describe, expect, it } from 'vitest';
import { csvCell, emptyCounts, escapeHtml, registerCsv, registerEntry, registerHtml } from '../src/index.js';
import { request } from './fixtures.js';

describe('csvCell', () => {
  it.each([
    { given: 'plain', want: 'plain' },
    { given: 'a, b', want: '"a, b"' },
    { given: 'say "hi"', want: '"say ""hi"""' },
    { given: 'two\nlines', want: '"two\nlines"' },
    { given: '=HYPERLINK("http://x")', want: `"'=HYPERLINK(""http://x"")"` },
    { given: '+441234', want: "'+441234" },
    { given: '-1+1', want: "'-1+1" },
    { given: '@SUM(A1)', want: "'@SUM(A1)" },
    { given: '\t=1', want: "'\t=1" },
    { given: 42, want: '42' },
  ])('$given → $want', ({ given, want }) => {
    expect(csvCell(given)).toBe(want);
  });
});

describe('register rendering', () => {
  const hostile = request({
    recipient: { name: '=cmd|"/c calc"!A1 <script>alert(1)</script>', class: 'COMM' },
    decisionMaker: 'O\'Brien & Co "panel"',
  });
  const decision = {
    releaseId: '3f1c1f1e-0000-4000-8000-000000000001',
    dsReference: hostile.dsReference,
    request: hostile,
    catalogueVersion: '1',
    decidedAt: '2026-10-02T10:00:00Z',
    counts: emptyCounts(),
  };
  const entry = registerEntry(decision, 7);

  it('writes one header and one row per release, injection-safe', () => {
    const rows = registerCsv([entry]).split('\r\n');
    expect(rows).toHaveLength(3);
    expect(rows[0]!.split(',')).toHaveLength(22);
    expect(rows[1]).toContain(`"'=cmd|""/c calc""!A1 <script>alert(1)</script>"`);
    // A release recorded without counting verified statements leaves the two cells empty.
    expect(rows[1]!.endsWith(',7,,')).toBe(true);
  });

  it('says how many deciding statements were verified end to end, where the release counted them', () => {
    const signatures = { decidingStatements: 12, verifiedEndToEnd: 5 };
    const counted = registerEntry({ ...decision, signatures }, 7);
    expect(counted.signatures).toEqual(signatures);
    const [header, row] = registerCsv([counted]).split('\r\n');
    expect(header!.split(',').slice(-2)).toEqual(['decidingStatements', 'verifiedEndToEnd']);
    expect(row!.split(',').slice(-2)).toEqual(['12', '5']);
    expect(registerHtml([counted], '2026-10-03T00:00:00Z')).toContain('<td class="n">5 of 12</td>');
    expect(registerHtml([entry], '2026-10-03T00:00:00Z')).toContain('<td class="n">not counted</td>');
  });

  it('escapes every value in the HTML page and runs no script', () => {
    const html = registerHtml([entry], '2026-10-03T00:00:00Z');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('O&#39;Brien &amp; Co &quot;panel&quot;');
    expect(html).toContain('S2P4 (Immigration): DPA 2018 Sch 2 Part 1 para 4');
    expect(escapeHtml('<a href="x">')).toBe('&lt;a href=&quot;x&quot;&gt;');
  });

  it('says so when there is nothing to list', () => {
    expect(registerHtml([], '2026-10-03T00:00:00Z')).toContain('No releases have been recorded.');
  });
});
