import type { RegisterEntry } from '@reuse-pref/schema';
import { headerTokensProblem, registerCsvProblem, registerHtmlProblem } from './register-documents.js';
import type { Scope } from './template.js';
import type { ScenarioExpect, ScenarioTarget } from './types.js';

/**
 * A distributor's optional features (decision 0044): the register documents it offers beside the JSON
 * pages (a MAY), and a family token for one test pupil (most test set-ups can issue one, but the suite
 * cannot make one). A case that needs one the run was not given is skipped with the reason, not failed.
 */
export function distributorFeatures(target: ScenarioTarget): Record<string, boolean> {
  return {
    registerCsv: target.registerFormats?.includes('csv') === true,
    registerHtml: target.registerFormats?.includes('html') === true,
    familyToken: target.family !== undefined,
  };
}

/** What to pass for each feature, in the words of the CLI. */
export const DISTRIBUTOR_FEATURE_OPTIONS: Record<string, string> = {
  registerCsv: 'register-formats csv',
  registerHtml: 'register-formats html',
  familyToken: 'family-token and --family-pupil',
};

/** The register documents a `--register-formats` value names; a usage error for anything else. */
export function parseRegisterFormats(value: string): ('csv' | 'html')[] {
  const formats = value.split(',').map((f) => f.trim().toLowerCase());
  const wrong = formats.find((f) => f !== 'csv' && f !== 'html');
  if (wrong !== undefined) throw new RangeError(`--register-formats: ${wrong} is not csv or html`);
  return formats as ('csv' | 'html')[];
}

interface Got {
  headers: Headers;
  body: unknown;
}

/** The checks of `headerTokens`, `registerCsv` and `registerHtml`: the first problem found, or undefined. */
export function registerDocumentProblems(got: Got, e: ScenarioExpect, scope: Scope): string | undefined {
  for (const [name, tokens] of Object.entries(e.headerTokens ?? {})) {
    const why = headerTokensProblem(name, got.headers.get(name), tokens);
    if (why) return why;
  }
  const entries = (ref: string) => scope.lookup(ref.replace(/^\$\{|\}$/g, '')) as RegisterEntry[];
  if (e.registerCsv) return registerCsvProblem(got.body, entries(e.registerCsv));
  if (e.registerHtml) return registerHtmlProblem(got.body, entries(e.registerHtml));
  return undefined;
}
