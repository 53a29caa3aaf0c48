/** Records per batch written by the crash-test writer; a stored batch must have all of them or none. */
export const BATCH_SIZE = 25;
