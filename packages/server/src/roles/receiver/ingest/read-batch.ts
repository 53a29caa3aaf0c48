import type { Finding, Statement, StatementVerification } from '@reuse-pref/schema';
import { type BatchRecord, prepareStatement } from '@reuse-pref/store';
import type { Principal } from '../../../auth/principal.js';
import { parseJson } from '../../../http/parse-json.js';
import { ProblemError } from '../../../http/problem.js';
import type { RecordLimits } from '../../../limits.js';
import { checkStatement } from '../../../statements/check-statement.js';
import { capFindings } from '../../../statements/findings-cap.js';
import type { StatementValidator } from '../../../statements/statement-validator.js';

/** One NDJSON line of a batch, read and checked: what the store gets, and the queries to report. */
export interface BatchLine {
  line: number;
  record: BatchRecord;
  queries: Finding[];
  /** Findings of this record left out (over maxFindingsPerRecord). */
  omitted: number;
  /** The signature check's outcome, recorded with the statement (signature policy verify or require). */
  verification?: StatementVerification;
}

export interface ReadBatchContext {
  validator: StatementValidator;
  limits: RecordLimits;
  principal: Principal;
  /**
   * Reading one part of a batch body (an ingest worker's share): its first line is line
   * `linesBefore + 1` of the batch, and a part with no records is not an error (the batch may have
   * records in its other parts).
   */
  part?: { linesBefore: number };
  /**
   * Filled with each valid record's parsed statement at its line's index in the result, for a caller
   * that goes on to verify signatures: the statement is then not parsed a second time.
   */
  keep?: (Statement | undefined)[];
}

/** The whole batch has more records than a batch may hold. */
export const batchTooLarge = (limits: RecordLimits) =>
  new ProblemError('batch-too-large', {
    detail: `At most ${limits.maxBatchRecords} records per batch.`,
    maxBatchRecords: limits.maxBatchRecords,
  });

/** The whole batch has no records. */
export const batchEmpty = () => new ProblemError('bad-request', { detail: 'The batch has no records.' });

/**
 * Parses and checks every line of an NDJSON batch body. Throws ProblemError for what fails the whole
 * request (too many records, none at all); a bad line only rejects that record. Pure apart from the
 * validator, so it runs the same on the event loop or in an ingest worker.
 */
export function readBatch(body: string, context: ReadBatchContext): BatchLine[] {
  const reader = new BatchReader(body, context);
  reader.readUntil(Number.POSITIVE_INFINITY);
  return reader.lines();
}

/**
 * readBatch on the event loop: it reads for at most `sliceMs` (5 ms) at a time and then lets other
 * requests run (a health check, a read) before going on, and one batch is read at a time in the process
 * (the others wait their turn: they would only share the same CPU), so however many batches built to be
 * slow arrive together, anyone else waits at most about one slice per turn of the event loop.
 */
export async function readBatchInSlices(
  body: string,
  context: ReadBatchContext,
  sliceMs = 5,
): Promise<BatchLine[]> {
  const previous = readingTurn;
  let done!: () => void;
  readingTurn = new Promise<void>((resolve) => {
    done = resolve;
  });
  try {
    await previous;
    const reader = new BatchReader(body, context);
    while (!reader.readUntil(performance.now() + sliceMs)) {
      await new Promise((resolve) => setImmediate(resolve));
    }
    return reader.lines();
  } finally {
    done();
  }
}

/** Settles when the batch being read on the event loop (if any) is done. */
let readingTurn: Promise<void> = Promise.resolve();

class BatchReader {
  readonly #context: ReadBatchContext;
  readonly #texts: string[];
  readonly #lines: BatchLine[] = [];
  #next = 0;

  constructor(body: string, context: ReadBatchContext) {
    this.#context = context;
    this.#texts = body.split('\n');
  }

  /** Reads lines until all are read (true) or `deadline` (a performance.now() time) has passed (false). */
  readUntil(deadline: number): boolean {
    const { limits } = this.#context;
    const texts = this.#texts;
    while (this.#next < texts.length) {
      const i = this.#next++;
      const text = recordText(texts[i]!);
      if (text === undefined) continue;
      if (this.#lines.length === limits.maxBatchRecords) throw batchTooLarge(limits);
      this.#lines.push(
        readLine(this.#context, text, (this.#context.part?.linesBefore ?? 0) + i + 1, this.#lines.length),
      );
      if (performance.now() >= deadline) return this.#next >= texts.length;
    }
    return true;
  }

  lines(): BatchLine[] {
    if (this.#lines.length === 0 && !this.#context.part) throw batchEmpty();
    return this.#lines;
  }
}

/** A line of the body as a record's text: without its CR, or undefined for a blank line (not a record). */
function recordText(raw: string): string | undefined {
  const text = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
  return text.trim() === '' ? undefined : text;
}

/**
 * The text of each record of a body (or part), in the order readBatch numbers its lines: for a worker
 * that verifies records another worker read (docs/decisions/0047).
 */
export function recordTexts(body: string): string[] {
  const out: string[] = [];
  for (const raw of body.split('\n')) {
    const text = recordText(raw);
    if (text !== undefined) out.push(text);
  }
  return out;
}

function readLine(context: ReadBatchContext, text: string, line: number, index: number): BatchLine {
  const { limits } = context;
  let value: unknown;
  try {
    value = parseJson(text, { maxDepth: limits.maxDepth, maxMembers: limits.maxFields });
  } catch (error) {
    if (!(error instanceof ProblemError)) throw error;
    const finding: Finding = { rule: error.type, severity: 'error', pointer: '', message: error.message };
    return { line, record: { rejected: [finding] }, queries: [], omitted: 0 };
  }
  const checked = checkStatement(context.validator, value, undefined, context.principal);
  // Prepared as a row straight away: the batch then holds strings, not thousands of parsed objects that
  // would outlive the young generation while the batch waits for its transaction (and a worker hands
  // strings back far more cheaply than objects).
  if (checked.ok) {
    if (context.keep) context.keep[index] = checked.statement;
    const queries = capFindings(checked.queries, limits.maxFindingsPerRecord);
    return {
      line,
      record: { prepared: prepareStatement(checked.statement) },
      queries: queries.findings,
      omitted: queries.omitted,
    };
  }
  const { id } = checked;
  const findings = capFindings(checked.findings, limits.maxFindingsPerRecord);
  return {
    line,
    record: { rejected: findings.findings, ...(id ? { id } : {}) },
    // A rejected record's queries are in its findings already.
    queries: [],
    omitted: findings.omitted,
  };
}
