// @ts-nocheck
// Reads a Stryker JSON report and the checked list of equivalent mutants, and says per file (and for the
// module) how many mutants were generated, killed, survived, listed as equivalent, and the score over
// the non-equivalent ones. A listed mutant that is no longer generated, or that the suite now kills, is
// stale, like an entry of a conformance skip list.

const DETECTED = new Set(['Killed', 'Timeout']);
const UNDETECTED = new Set(['Survived', 'NoCoverage']);

/** The key that names a mutant across runs: Stryker's ids are not stable, these fields are. */
export const mutantKey = (file, m) =>
  `${file}:${m.location.start.line}:${m.location.start.column} ${m.mutatorName} ${JSON.stringify(m.replacement ?? '')}`;

/**
 * Two mutants can share the key above: `a && b` replaced by `true` and `a` replaced by `true` start at the
 * same place. An entry may then name where its mutant ends (`end: { line, column }`), and matches only it.
 */
const endedKey = (key, end) => `${key} to ${end.line}:${end.column}`;

export const entryKey = (e) => {
  const key = `${e.file}:${e.line}:${e.column} ${e.mutator} ${JSON.stringify(e.replacement)}`;
  return e.end ? endedKey(key, e.end) : key;
};

export function summarise(report, equivalents, module) {
  const listed = new Map(equivalents.filter((e) => e.module === module).map((e) => [entryKey(e), e]));
  const seen = new Set();
  const rows = [];
  const survivors = [];
  const stale = [];
  for (const [file, { mutants }] of Object.entries(report.files).sort(([a], [b]) => a.localeCompare(b))) {
    const row = { file, generated: 0, killed: 0, survived: 0, equivalent: 0, ignored: 0 };
    for (const m of mutants) {
      const ended = endedKey(mutantKey(file, m), m.location.end);
      const key = listed.has(ended) ? ended : mutantKey(file, m);
      if (m.status === 'Ignored' || m.status === 'CompileError' || m.status === 'RuntimeError') {
        row.ignored++;
        continue;
      }
      row.generated++;
      const entry = listed.get(key);
      if (entry) seen.add(key);
      if (DETECTED.has(m.status)) {
        row.killed++;
        if (entry) stale.push(`${key}: listed as equivalent, but the suite kills it`);
      } else if (UNDETECTED.has(m.status)) {
        if (entry) row.equivalent++;
        else {
          row.survived++;
          const line = m.location.start.line;
          survivors.push(
            `${key} (${m.status === 'NoCoverage' ? 'no vector reaches it' : 'survived'}; line ${line})`,
          );
        }
      }
    }
    rows.push(row);
  }
  for (const [key] of listed)
    if (!seen.has(key)) stale.push(`${key}: listed as equivalent, but no longer generated`);
  const total = rows.reduce(
    (t, r) => ({
      file: `${module} (all)`,
      generated: t.generated + r.generated,
      killed: t.killed + r.killed,
      survived: t.survived + r.survived,
      equivalent: t.equivalent + r.equivalent,
      ignored: t.ignored + r.ignored,
    }),
    { generated: 0, killed: 0, survived: 0, equivalent: 0, ignored: 0 },
  );
  return { rows: [...rows, total], total, survivors, stale };
}

export const score = (r) =>
  r.generated - r.equivalent === 0 ? 100 : (100 * r.killed) / (r.generated - r.equivalent);

export function markdown(module, s) {
  const lines = [
    `### ${module}`,
    '',
    '| file | generated | killed | survived | equivalent | score (non-equivalent) | static, not run |',
    '| --- | --: | --: | --: | --: | --: | --: |',
    ...s.rows.map(
      (r) =>
        `| ${r.file} | ${r.generated} | ${r.killed} | ${r.survived} | ${r.equivalent} | ${score(r).toFixed(1)}% | ${r.ignored} |`,
    ),
    '',
  ];
  if (s.survivors.length) lines.push('Survivors:', '', ...s.survivors.map((x) => `- \`${x}\``), '');
  if (s.stale.length) lines.push('Stale equivalent entries:', '', ...s.stale.map((x) => `- \`${x}\``), '');
  return lines.join('\n');
}
