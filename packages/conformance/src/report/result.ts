export type Level = 'MUST' | 'SHOULD' | 'MAY';

/**
 * pass / fail / errored (the implementation crashed or answered nonsense) / unsupported (the harness
 * skipped it, or a scenario needs something not given) / skipped (failed as the vendor's skip list says).
 */
export type Status = 'pass' | 'fail' | 'errored' | 'unsupported' | 'skipped';

export interface TestResult {
  /** `<case id>/<test id>`: permanent, what skip lists name. */
  id: string;
  /** validation, resolver, scenario:<profile>, file */
  suite: string;
  section: string;
  level: Level;
  description: string;
  status: Status;
  message?: string;
  durationMs: number;
}
