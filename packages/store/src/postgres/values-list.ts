const made = new Map<string, string>();

/**
 * The VALUES list of a multi-row INSERT: `rows` tuples of `columns` numbered parameters, made once per
 * shape (a bulk write runs the same few shapes many times).
 */
export function valuesList(rows: number, columns: number): string {
  const key = `${rows}x${columns}`;
  let sql = made.get(key);
  if (sql === undefined) {
    const tuples: string[] = [];
    for (let row = 0; row < rows; row++) {
      const params: string[] = [];
      for (let column = 1; column <= columns; column++) params.push(`$${row * columns + column}`);
      tuples.push(`(${params.join(', ')})`);
    }
    sql = tuples.join(', ');
    made.set(key, sql);
  }
  return sql;
}
