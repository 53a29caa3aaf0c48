/** A plain-text table: the first row is the header; numbers are right-aligned. */
export function formatTable(rows) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
  const line = (r) =>
    r
      .map((cell, i) =>
        typeof cell === 'number' || /^[\d.,]+( MB|x| s)?$/.test(String(cell))
          ? String(cell).padStart(widths[i])
          : String(cell).padEnd(widths[i]),
      )
      .join('  ')
      .trimEnd();
  return [line(rows[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

export const thousands = (n) => Math.round(n).toLocaleString('en-GB');
