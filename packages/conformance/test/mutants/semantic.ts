import { isDateTime } from '@reuse-pref/schema';
import type {
  HarnessImplementation,
  PreferenceOut,
  ResolveInput,
  ResolveRefusal,
  ResolveResult,
  ValidateResult,
} from '../../src/index.js';
import { referenceImplementation as ref } from '../../src/index.js';

type Stmt = Record<string, unknown> & { choices?: { purpose: string; value: string }[] };
const stmts = (input: ResolveInput) => input.statements as Stmt[];
const withStatements = (input: ResolveInput, statements: Stmt[]): ResolveInput => ({ ...input, statements });
const resolveWith = (f: (input: ResolveInput) => ResolveInput) => (input: ResolveInput) =>
  ref.resolve!(f(input));
const mapPrefs =
  (f: (p: PreferenceOut) => PreferenceOut) =>
  (input: ResolveInput): ResolveResult | ResolveRefusal => {
    const result = ref.resolve!(input);
    return 'refused' in result ? result : { ...result, preferences: result.preferences.map(f) };
  };

export interface Mutant {
  name: string;
  implementation: HarnessImplementation;
}

const mutant = (name: string, broken: Partial<HarnessImplementation>): Mutant => ({
  name,
  implementation: { ...ref, name: `mutant:${name}`, ...broken },
});

/** Each breaks one rule of the standard in the way a plausible implementation would get it wrong. */
export const semanticMutants: Mutant[] = [
  mutant('orders-by-arrival', {
    // Later in the array = later in time: what a resolver that trusts arrival order computes.
    resolve: resolveWith((input) => {
      const times = stmts(input)
        .map((s) => Date.parse(String(s.expressedAt)))
        .filter(Number.isFinite);
      const base = Math.min(...times);
      return withStatements(
        input,
        stmts(input).map((s, i) => ({ ...s, expressedAt: new Date(base + i * 1000).toISOString() })),
      );
    }),
  }),
  mutant('drops-withdrawals', {
    // Once an objection is on file, a later "no objection" or consent is never applied.
    resolve: resolveWith((input) => {
      const objected = new Set(
        stmts(input).flatMap((s) =>
          (s.choices ?? []).filter((c) => c.value === 'OBJT' || c.value === 'DECL').map((c) => c.purpose),
        ),
      );
      return withStatements(
        input,
        stmts(input).map((s) => ({
          ...s,
          choices: (s.choices ?? []).filter(
            (c) => !(objected.has(c.purpose) && (c.value === 'NOOB' || c.value === 'CONS')),
          ),
        })),
      );
    }),
  }),
  mutant('parent-overrides-competent-pupil', {
    // Every adult statement treated as if the child had authorised it.
    resolve: resolveWith((input) =>
      withStatements(
        input,
        stmts(input).map((s) =>
          (s.expressedBy as { role?: string })?.role === 'PUP' ? s : { ...s, competenceBasis: 'AUTH' },
        ),
      ),
    ),
  }),
  mutant('accepts-bad-upn-check-letter', {
    validate(input): ValidateResult {
      const r = ref.validate!(input);
      const errors = r.errors.filter((f) => f.rule !== 'upn-check-letter');
      return { ...r, errors, valid: errors.length === 0 };
    },
  }),
  mutant('default-reported-as-stated-no', {
    resolve: mapPrefs((p) => (p.default && !p.shared ? { ...p, default: false, value: 'DECL' } : p)),
  }),
  mutant('refu-treated-as-withdrawal', {
    resolve: resolveWith((input) =>
      withStatements(
        input,
        stmts(input).map((s) => ({
          ...s,
          choices: (s.choices ?? []).map((c) => (c.value === 'REFU' ? { ...c, value: 'NOOB' } : c)),
        })),
      ),
    ),
  }),
  mutant('ignores-as-of', {
    // Statements expressed after the evaluation time still count.
    resolve: (input) => ref.resolve!({ ...input, asOf: '2999-01-01T00:00:00Z' }),
  }),
  mutant('fixed-competence-age', {
    resolve: (input) => {
      const { competenceAge: _ignored, ...rest } = input;
      return ref.resolve!(rest);
    },
  }),
  mutant('never-raises-queries', {
    validate: (input) => ({ ...ref.validate!(input), queries: [] }),
  }),
  mutant('ignores-history-conflicts', {
    validateHistory: () => ({ valid: true, errors: [], queries: [] }),
  }),
  mutant('drops-flags', {
    resolve: mapPrefs((p) => ({ ...p, flags: [] })),
  }),
  mutant('reads-times-leniently', {
    // The platform's own date parser instead of the standard's reader: a space separator, "+0100" and
    // the like get a place in the order rather than a refusal (resolver.md 1).
    resolve: resolveWith((input) => {
      const lenient = (text: unknown) => {
        const ms = Date.parse(String(text));
        return isDateTime(String(text)) || Number.isNaN(ms) ? text : new Date(ms).toISOString();
      };
      return withStatements(
        { ...input, asOf: String(lenient(input.asOf)) },
        stmts(input).map((s) => ({
          ...s,
          expressedAt: lenient(s.expressedAt),
          recordedAt: lenient(s.recordedAt),
        })),
      );
    }),
  }),
  mutant('clock-not-fixed', {
    // Uses the wall clock instead of the vector's `now`: "in the future" becomes time-dependent.
    validate: (input) =>
      ref.validate!({ data: input.data, options: { ...input.options, now: '2000-01-01T00:00:00Z' } }),
  }),
];
