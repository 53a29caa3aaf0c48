import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderExamples } from './examples.js';

const dir = join(import.meta.dirname, '../../../spec/v1/xml');
for (const [name, text] of renderExamples()) writeFileSync(join(dir, name), text);
