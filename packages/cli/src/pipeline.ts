/**
 * The reading and validation code of `reuse-pref validate`, as a separate build entry so the benchmark
 * (scripts/bench.mjs) measures exactly what the bin runs. Not a public API.
 */
export { createValidator } from '@reuse-pref/validator';
export { LineSplitter } from './input/line-splitter.js';
export { openInput } from './input/open-input.js';
export { RecordReader } from './input/record-reader.js';
export { validateSource } from './validate/validate-source.js';
