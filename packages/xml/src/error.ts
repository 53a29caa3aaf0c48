/**
 * A located problem in carried XML. `line` and `column` are 1-based (columns count UTF-16 code units, as
 * editors and fast-xml-parser do) and point into the whole file, not into the pupil slice that was parsed,
 * so a school office can open the file at the spot. `element` names the element at fault or the one that
 * is missing.
 */
export class XmlCarriageError extends Error {
  override readonly name = 'XmlCarriageError';
  readonly line: number;
  readonly column: number;
  readonly element: string;

  constructor(details: { line: number; column: number; element: string; message: string }) {
    super(`${details.message} (line ${details.line}, column ${details.column}, <${details.element}>)`);
    this.line = details.line;
    this.column = details.column;
    this.element = details.element;
  }

  /** The message without the location suffix, for reports that print the location themselves. */
  get reason(): string {
    return this.message.replace(/ \(line \d+, column \d+, <[^>]*>\)$/, '');
  }

  toJSON() {
    return { line: this.line, column: this.column, element: this.element, message: this.reason };
  }
}
