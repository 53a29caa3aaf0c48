// Writes spec/v1/validation-rules.json and the rule table in spec/v1/validation.md from src/rules/.
// Run: pnpm --filter @reuse-pref/validator generate
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderRulesJson, withRulesTable } from './render-rules.js';

const specDir = join(import.meta.dirname, '../../../spec/v1');
writeFileSync(join(specDir, 'validation-rules.json'), renderRulesJson());
console.log('wrote spec/v1/validation-rules.json');
const mdPath = join(specDir, 'validation.md');
writeFileSync(mdPath, withRulesTable(readFileSync(mdPath, 'utf8')));
console.log('wrote the rule table in spec/v1/validation.md');
