/** What a server accepts at most; advertised in the capability statement. */
export interface Limits {
  /** Largest JSON body, bytes. */
  maxBodyBytes: number;
  /** Largest NDJSON batch body, bytes. */
  maxBatchBytes: number;
  maxBatchRecords: number;
  maxDepth: number;
  maxPageSize: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxBodyBytes: 256 * 1024,
  maxBatchBytes: 8 * 1024 * 1024,
  maxBatchRecords: 10_000,
  maxDepth: 16,
  maxPageSize: 1000,
};
