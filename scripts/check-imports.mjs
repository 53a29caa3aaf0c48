// Runs dependency-cruiser over the workspace with the rules in .dependency-cruiser.cjs (no import circles,
// type-only ones included; no package importing another package's src/ by relative path).
// known-import-violations.json lists violations already known and being removed by their owner; like a
// conformance skip list it is checked both ways: a violation not listed fails, and so does a listed one
// that no longer occurs, so the list can only shrink.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const known = JSON.parse(readFileSync(new URL('./known-import-violations.json', import.meta.url), 'utf8'));
const key = (v) => `${v.rule} ${v.from} -> ${v.to}`;

let report;
try {
  report = execFileSync(
    'depcruise',
    ['packages', 'examples', '--config', '.dependency-cruiser.cjs', '--output-type', 'json'],
    { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'inherit'] },
  );
} catch (error) {
  // depcruise exits non-zero when it finds errors; its report is still on stdout.
  if (typeof error.stdout !== 'string' || error.stdout === '') throw error;
  report = error.stdout;
}
const { summary } = JSON.parse(report);
const found = summary.violations.map((v) => ({
  rule: v.rule.name,
  from: v.from,
  to: v.to,
  cycle: v.cycle?.map((step) => step.name),
}));
const knownKeys = new Set(known.violations.map(key));
const foundKeys = new Set(found.map(key));
const unexpected = found.filter((v) => !knownKeys.has(key(v)));
const gone = known.violations.filter((v) => !foundKeys.has(key(v)));

for (const v of unexpected) {
  console.error(
    `error ${v.rule}: ${v.from} -> ${v.to}${v.cycle ? `\n    circle: ${[v.from, ...v.cycle].join(' -> ')}` : ''}`,
  );
}
for (const v of gone) {
  console.error(
    `error: ${key(v)} is listed in scripts/known-import-violations.json but no longer occurs; remove it`,
  );
}
const listed = found.length - unexpected.length;
console.log(
  `${summary.totalCruised} modules, ${summary.totalDependenciesCruised} imports cruised: ` +
    `${unexpected.length} new violation(s), ${listed} known, ${gone.length} stale`,
);
if (unexpected.length > 0 || gone.length > 0) process.exit(1);
