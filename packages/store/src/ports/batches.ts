import type { JsonValue } from './json.js';

/**
 * What each committed intake batch came to, kept for the sender that sent it so a sender that lost the
 * response can ask again. Only that sender may read it: a result lists statement ids and findings.
 */
export interface Batches {
  /** Keeps a batch's result under its id; saving an id again keeps the first result. */
  save(sender: string, batchId: string, result: JsonValue): Promise<void>;
  /** The result kept for this sender under this id; undefined for another sender's batch or none. */
  get(sender: string, batchId: string): Promise<JsonValue | undefined>;
}
