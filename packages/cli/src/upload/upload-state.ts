import { createHash, randomUUID } from 'node:crypto';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { InputError } from '../input/open-input.js';
import { emptyTotals, type UploadTotals } from './upload-totals.js';

/**
 * Where an interrupted upload stands, kept beside the input so that running the same command again goes
 * on after the last batch the intake answered. Written (atomically) after every batch and removed when
 * the upload finishes. `records` counts records of the input, broken ones too; `digest` chains their
 * text, so a rerun on an input that changed in the part already sent is refused instead of skipping the
 * wrong records.
 */
export interface UploadState {
  version: 1;
  uploadId: string;
  intake: string;
  records: number;
  digest: string;
  batches: number;
  totals: UploadTotals;
  updatedAt: string;
}

export const EMPTY_DIGEST = createHash('sha256').update('reuse-pref upload').digest('hex');

/** The chain value after one more record: what a resumed run recomputes over the records it skips. */
export function chainDigest(previous: string, recordText: string): string {
  return createHash('sha256').update(previous).update('\n').update(recordText).digest('hex');
}

export function freshState(intake: string): UploadState {
  return {
    version: 1,
    uploadId: randomUUID(),
    intake,
    records: 0,
    digest: EMPTY_DIGEST,
    batches: 0,
    totals: emptyTotals(),
    updatedAt: new Date().toISOString(),
  };
}

/** The saved state, or undefined when there is none. A file that is not one of ours is an input error. */
export function readState(path: string): UploadState | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new InputError(`cannot read upload state ${path}: ${(error as NodeJS.ErrnoException).code}`);
  }
  let state: Partial<UploadState>;
  try {
    state = JSON.parse(text) as Partial<UploadState>;
  } catch {
    state = {};
  }
  if (state.version !== 1 || typeof state.uploadId !== 'string' || typeof state.records !== 'number')
    throw new InputError(
      `${path} is not an upload state this version of reuse-pref wrote: delete it, or pass --restart`,
    );
  return { ...freshState(state.intake ?? ''), ...state } as UploadState;
}

export function writeState(path: string, state: UploadState): void {
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify({ ...state, updatedAt: new Date().toISOString() }, null, 2)}\n`);
  renameSync(temporary, path);
}

export function removeState(path: string): void {
  rmSync(path, { force: true });
}
