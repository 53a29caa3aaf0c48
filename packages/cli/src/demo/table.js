/** A plain-text table with a header row and columns padded to their widest cell. */
export function renderTable(headers, rows, indent = '  ') {
    const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
    const line = (cells) => `${indent}${cells
        .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i])))
        .join('  ')
        .trimEnd()}\n`;
    return line(headers) + line(widths.map((w) => '-'.repeat(w))) + rows.map(line).join('');
}
