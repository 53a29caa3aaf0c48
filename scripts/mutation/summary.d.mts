// Types for summary.mjs (the script stays plain JavaScript so `pnpm mutation` needs no build).
export interface MutantLocation {
  start: { line: number; column: number };
  end: { line: number; column: number };
}
export interface ReportMutant {
  id: string;
  mutatorName: string;
  replacement?: string;
  location: MutantLocation;
  status: string;
}
export interface Report {
  files: Record<string, { mutants: ReportMutant[] }>;
}
export interface EquivalentEntry {
  module: string;
  file: string;
  line: number;
  column: number;
  /** Where the mutant ends: only for an entry whose key another mutant shares. */
  end?: { line: number; column: number };
  mutator: string;
  replacement: string;
  reason: string;
}
export interface Row {
  file: string;
  generated: number;
  killed: number;
  survived: number;
  equivalent: number;
  ignored: number;
}
export interface Summary {
  rows: Row[];
  total: Row;
  survivors: string[];
  stale: string[];
}
export function mutantKey(file: string, m: ReportMutant): string;
export function entryKey(e: EquivalentEntry): string;
export function summarise(report: Report, equivalents: EquivalentEntry[], module: string): Summary;
export function score(r: Row): number;
export function markdown(module: string, s: Summary): string;
