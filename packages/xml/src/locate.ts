/** Where a slice of the file starts, so positions inside it can be reported against the whole file. */
export type Origin = { line: number; column: number };

export const FILE_START: Origin = { line: 1, column: 1 };

/** The file position of `index` inside `slice`, which starts at `origin`. */
export function locate(slice: string, index: number, origin: Origin): Origin {
  let line = origin.line;
  let lineStart = -1;
  for (let i = slice.indexOf('\n'); i !== -1 && i < index; i = slice.indexOf('\n', i + 1)) {
    line++;
    lineStart = i;
  }
  return lineStart === -1 ? { line, column: origin.column + index } : { line, column: index - lineStart };
}

/** The file position of a 1-based (line, column) inside a slice starting at `origin`. */
export function shift(line: number, column: number, origin: Origin): Origin {
  return line === 1
    ? { line: origin.line, column: origin.column + column - 1 }
    : { line: origin.line + line - 1, column };
}
