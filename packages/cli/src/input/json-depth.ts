/** Nesting state of JSON text read so far, carried from one line to the next. */
export interface DepthState {
  depth: number;
  inString: boolean;
  escaped: boolean;
  /** A closing bracket with nothing open: the text can never become a valid document. */
  unbalanced: boolean;
}

export function freshDepth(): DepthState {
  return { depth: 0, inString: false, escaped: false, unbalanced: false };
}

/**
 * Updates the nesting state over one line. Used only on lines that did not parse alone, to tell the start
 * of a document spread over several lines (still open at the end of the line) from a broken one.
 */
export function scanDepth(state: DepthState, text: string): void {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (state.inString) {
      if (state.escaped) state.escaped = false;
      else if (c === 0x5c) state.escaped = true;
      else if (c === 0x22) state.inString = false;
    } else if (c === 0x22) {
      state.inString = true;
    } else if (c === 0x7b || c === 0x5b) {
      state.depth++;
    } else if (c === 0x7d || c === 0x5d) {
      state.depth--;
      if (state.depth < 0) state.unbalanced = true;
    }
  }
}
