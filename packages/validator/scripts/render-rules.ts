import { SPEC_VERSION } from '@reuse-pref/schema';
import { rules } from '../src/rules/index.js';

export const TABLE_BEGIN =
  '<!-- rules:begin (generated from packages/validator/src/rules/: pnpm --filter @reuse-pref/validator generate) -->';
export const TABLE_END = '<!-- rules:end -->';

/** spec/v1/validation-rules.json: the rule table as data, for implementations in other languages. */
export function renderRulesJson(): string {
  return `${JSON.stringify({ specVersion: SPEC_VERSION, rules }, null, 2)}\n`;
}

const cell = (text: string) => text.replace(/\|/g, '\\|');

/** The table of spec/v1/validation.md, between its markers. */
export function renderRulesTable(): string {
  const rows = rules.map(
    (r) => `| \`${r.id}\` | ${r.severity} | \`${cell(r.field)}\` | ${cell(r.message)} | ${cell(r.why)} |`,
  );
  return [
    TABLE_BEGIN,
    '',
    '| id | severity | field | rule | why |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
    '',
    TABLE_END,
  ].join('\n');
}

/** validation.md with its table replaced by the current one. */
export function withRulesTable(markdown: string): string {
  const begin = markdown.indexOf(TABLE_BEGIN);
  const end = markdown.indexOf(TABLE_END);
  if (begin < 0 || end < begin) throw new Error('spec/v1/validation.md has no rules table markers');
  return markdown.slice(0, begin) + renderRulesTable() + markdown.slice(end + TABLE_END.length);
}
