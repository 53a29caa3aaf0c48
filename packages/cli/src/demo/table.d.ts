/** A plain-text table with a header row and columns padded to their widest cell. */
export declare function renderTable(headers: readonly string[], rows: readonly (readonly string[])[], indent?: string): string;
