/** What a server accepts at most; the batch and page limits are advertised in the capability statement. */
export interface Limits {
  /** Largest JSON body, bytes. */
  maxBodyBytes: number;
  /** Largest NDJSON batch body, bytes. */
  maxBatchBytes: number;
  maxBatchRecords: number;
  maxDepth: number;
  /**
   * Most fields (object members) and list items in one statement, whether a request body or one line of
   * a batch, and in a settings document; counted before parsing. A record over it is refused whole
   * (`too-many-fields`) rather than parsed and validated key by key. 500 by default: a statement with
   * every field and 64 choices has 295.
   */
  maxFields: number;
  /** Findings listed for one rejected or queried record; the rest are counted in `findingsOmitted`. */
  maxFindingsPerRecord: number;
  /** Findings listed in one rejected batch, over all its records; the rest are counted in `findingsOmitted`. */
  maxFindingsPerBatch: number;
  maxPageSize: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxBodyBytes: 256 * 1024,
  maxBatchBytes: 8 * 1024 * 1024,
  maxBatchRecords: 10_000,
  maxDepth: 16,
  maxFields: 500,
  maxFindingsPerRecord: 50,
  maxFindingsPerBatch: 1_000,
  maxPageSize: 1000,
};

/** The limits reading one record needs (the event loop and the ingest workers alike). */
export type RecordLimits = Pick<
  Limits,
  'maxBatchRecords' | 'maxDepth' | 'maxFields' | 'maxFindingsPerRecord'
>;

/** Just the record limits of `limits`, as plain data a worker can be sent. */
export const recordLimits = (limits: RecordLimits): RecordLimits => ({
  maxBatchRecords: limits.maxBatchRecords,
  maxDepth: limits.maxDepth,
  maxFields: limits.maxFields,
  maxFindingsPerRecord: limits.maxFindingsPerRecord,
});
