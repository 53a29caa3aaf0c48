/** The validator clock for the benchmark: generated statements are all expressed before it. */
export const BENCH_NOW = '2026-11-01T00:00:00Z';
