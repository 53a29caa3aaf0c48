import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { SignedTreeHead } from '@reuse-pref/schema';

/** What a witness keeps between polls: every distinct head it accepted, and any evidence of misbehaviour. */
export interface WitnessState {
  log: string;
  /** Accepted heads, oldest first; each is consistent with the one before. */
  heads: SignedTreeHead[];
  /**
   * Heads the log signed that do not extend the last accepted one: with it, proof (signed by the log's
   * own key) that the log was rewritten, for whoever the witness reports to.
   */
  evidence: { seenAt: string; head: SignedTreeHead; problems: string[] }[];
}

export function readWitnessState(path: string, log: string): WitnessState {
  if (!existsSync(path)) return { log, heads: [], evidence: [] };
  const state = JSON.parse(readFileSync(path, 'utf8')) as WitnessState;
  if (state.log !== log) {
    throw new Error(`${path} holds the heads of ${state.log}, not ${log}: use one state file per log`);
  }
  return { log, heads: state.heads ?? [], evidence: state.evidence ?? [] };
}

/** Written beside and renamed over, so a crash mid-write never loses the heads already seen. */
export function writeWitnessState(path: string, state: WitnessState): void {
  const temporary = `${path}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(state, null, 2)}\n`);
  renameSync(temporary, path);
}
